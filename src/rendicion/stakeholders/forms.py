from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.spaces.models import PieceState, Space
from rendicion.strategy.models import Activity

from .models import InvitationChannel, StakeholderGroup

TEXT = {"rows": 3}


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Nombre del grupo"),
        max_length=120,
        help_text=_("Es el nombre que verá la ciudadanía en el formulario de asistencia."),
    )
    description = forms.CharField(
        label=_("Descripción"), required=False, max_length=4000, widget=forms.Textarea(attrs=TEXT)
    )
    geographic = forms.CharField(
        label=_("Variables geográficas"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXT),
        help_text=StakeholderGroup._meta.get_field("geographic").help_text,
    )
    demographic = forms.CharField(
        label=_("Variables demográficas"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXT),
        help_text=StakeholderGroup._meta.get_field("demographic").help_text,
    )
    intrinsic = forms.CharField(
        label=_("Variables intrínsecas"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXT),
        help_text=StakeholderGroup._meta.get_field("intrinsic").help_text,
    )
    behavioural = forms.CharField(
        label=_("Variables de comportamiento"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXT),
        help_text=StakeholderGroup._meta.get_field("behavioural").help_text,
    )
    offices = forms.ModelMultipleChoiceField(
        label=_("Dependencias que lo atienden"),
        queryset=Office.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(
        label=_("Grupo activo (aparece en el formulario de asistencia)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offices"].queryset = offices


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Activity) -> str:
        return f"{obj.strategy.year} · {obj.number}. {obj.name[:80]}"


class SpaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Space) -> str:
        return f"{obj.strategy.year} · {obj.title}"


class NeedForm(forms.Form):
    topic = forms.CharField(label=_("Qué necesita saber"), max_length=250)
    office = forms.ModelChoiceField(
        label=_("Dependencia que entrega la información"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("— Sin definir —"),
    )
    channel = forms.CharField(
        label=_("Canal"),
        required=False,
        max_length=120,
        help_text=_("Por ejemplo: informe en la página web, correo, redes sociales."),
    )
    activity = ActivityChoiceField(
        label=_("Actividad de la estrategia que la atiende"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("— Ninguna —"),
    )
    space = SpaceChoiceField(
        label=_("Espacio que la atiende"),
        queryset=Space.objects.none(),
        required=False,
        empty_label=_("— Ninguno —"),
    )

    def __init__(self, *args, offices, activities, spaces, choices=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["activity"].queryset = activities
        self.fields["space"].queryset = spaces
        # A formset renders these selects once per block: read each list once, not per block.
        for name, values in (choices or {}).items():
            self.fields[name].choices = values


def need_choices(*, offices, activities, spaces) -> dict:
    """What NeedForm needs: the querysets, and their choices evaluated once for every block."""
    querysets = {"office": offices, "activity": activities, "space": spaces}
    probe = NeedForm(offices=offices, activities=activities, spaces=spaces)
    return {
        "offices": offices,
        "activities": activities,
        "spaces": spaces,
        "choices": {name: list(probe.fields[name].choices) for name in querysets},
    }


NeedFormSet = forms.formset_factory(NeedForm, extra=1, can_delete=True)


class InvitationsForm(forms.Form):
    """For each active group, the channels through which it is invited (none: not invited)."""

    def __init__(self, *args, groups, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.groups = list(groups)
        for group in self.groups:
            self.fields[f"group_{group.pk}"] = forms.MultipleChoiceField(
                label=group.name,
                required=False,
                choices=InvitationChannel.choices,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Sin canales marcados, el grupo no queda convocado."),
            )

    def invitations(self) -> list[tuple[StakeholderGroup, list[str]]]:
        return [(group, self.cleaned_data[f"group_{group.pk}"]) for group in self.groups]


class PieceForm(forms.Form):
    space = SpaceChoiceField(
        label=_("Espacio al que invita"), queryset=Space.objects.none(), empty_label=None
    )
    title = forms.CharField(label=_("Título de la pieza"), max_length=250)
    channel = forms.CharField(
        label=_("Canal"),
        max_length=120,
        help_text=_("Por ejemplo: Redes sociales, Correo institucional, Página web."),
    )
    date = forms.DateField(
        label=_("Fecha de publicación"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Por ejemplo: 2023-04-03."),
    )

    def __init__(self, *args, spaces, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces


class PieceStateForm(forms.Form):
    state = forms.ChoiceField(label=_("Estado"), choices=PieceState.choices)
    reach = forms.IntegerField(
        label=_("Alcance (personas)"),
        required=False,
        min_value=0,
        help_text=_("Solo para piezas publicadas, según las estadísticas del canal."),
    )


class InviteesForm(forms.Form):
    """Which past spaces the invitation list is built from (a GET form)."""

    sources = forms.ModelMultipleChoiceField(
        label=_("Espacios anteriores de donde salen los invitados"),
        queryset=Space.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    only_invited = forms.BooleanField(
        label=_("Solo personas de los grupos convocados"), required=False
    )
    shown = forms.CharField(widget=forms.HiddenInput, initial="1", required=False)

    def __init__(self, *args, sources, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = sources
        self.fields["sources"].label_from_instance = lambda space: (
            f"{space.strategy.year} · {space.title}"
        )
