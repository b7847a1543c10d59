from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office
from rendicion.spaces.models import Space

from .models import DESCRIPTION_MAX_LENGTH, CommitmentStatus

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class CommitmentForm(forms.Form):
    space = forms.ModelChoiceField(
        label=_("Espacio en que se hizo"), queryset=Space.objects.none(), empty_label=_("Elija")
    )
    description = forms.CharField(
        label=_("Compromiso"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Qué se comprometió a hacer la entidad, en palabras sencillas."),
        error_messages={"required": _("Describa el compromiso.")},
    )
    office = forms.ModelChoiceField(
        label=_("Dependencia responsable"), queryset=Office.objects.none(), empty_label=_("Elija")
    )
    due_date = forms.DateField(
        label=_("Fecha de cumplimiento"),
        widget=DATE_WIDGET,
        help_text=_("Por ejemplo: 2023-12-15."),
        error_messages={"invalid": _("Escriba la fecha como AAAA-MM-DD, por ejemplo 2023-12-15.")},
    )

    def __init__(self, *args, spaces, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces
        self.fields["office"].queryset = offices


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Fecha"), widget=DATE_WIDGET)
    status = forms.ChoiceField(
        label=_("Estado del compromiso"), choices=CommitmentStatus.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Avance"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Se publica: cuente qué se hizo, sin datos personales."),
        error_messages={"required": _("Cuente en pocas palabras qué se hizo.")},
    )
    evidence_url = forms.URLField(
        label=_("Enlace a la evidencia"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Obligatorio para marcarlo como cumplido. Por ejemplo, una publicación en la web."
        ),
        error_messages={"invalid": _("Escriba un enlace completo, que empiece por https://.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()
