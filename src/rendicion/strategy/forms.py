from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office

from .models import QUARTER_LABELS, Activity, ActivityStatus, MurcStage, ProgressSource, Stage
from .progress import progress_sources_available


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


class StrategyForm(forms.Form):
    objective = forms.CharField(
        label=_("Objetivo de la estrategia"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
    )
    report_purpose = forms.CharField(
        label=_("Objetivo del informe de seguimiento"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Qué quiere contar a la ciudadanía el informe de seguimiento de la estrategia."
        ),
    )
    challenges = forms.CharField(
        label=_("Retos"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Escriba un reto por línea. Se numeran en el orden en que los escriba."),
    )
    is_published = forms.BooleanField(
        label=_("Publicar la estrategia en el sitio público"),
        required=False,
    )

    def clean_challenges(self) -> list[str]:
        return _lines(self.cleaned_data["challenges"])


class StrategyCreateForm(StrategyForm):
    year = forms.IntegerField(label=_("Vigencia (año)"), min_value=2000, max_value=2100)

    field_order = ["year", "objective", "report_purpose", "challenges", "is_published"]


class StrategyCopyForm(forms.Form):
    year = forms.IntegerField(
        label=_("Vigencia de la nueva estrategia"),
        min_value=2000,
        max_value=2100,
        help_text=_(
            "Se copian el objetivo, los retos, las etapas, el equipo y el cronograma. "
            "El avance y las evidencias empiezan en cero."
        ),
    )


class StageForm(forms.Form):
    number = forms.IntegerField(label=_("Número"), min_value=1, max_value=20)
    name = forms.CharField(label=_("Nombre de la etapa"), max_length=200)
    murc_stages = forms.MultipleChoiceField(
        label=_("Etapas del MURC que cubre"),
        choices=MurcStage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    items = forms.CharField(
        label=_("Qué contiene"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Un elemento por línea."),
        max_length=8000,
    )

    def clean_items(self) -> list[str]:
        return _lines(self.cleaned_data["items"])


class BaseStageFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        numbers = [
            f.cleaned_data["number"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if len(numbers) != len(set(numbers)):
            raise ValidationError(_("Dos etapas no pueden tener el mismo número."))


StageFormSet = forms.formset_factory(StageForm, formset=BaseStageFormSet, extra=1, can_delete=True)


class TeamRoleForm(forms.Form):
    name = forms.CharField(label=_("Dependencia o rol"), max_length=200)
    office = forms.ModelChoiceField(
        label=_("Dependencia (si corresponde a una)"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("— Ninguna —"),
    )
    responsibilities = forms.CharField(
        label=_("Responsabilidades"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Una responsabilidad por línea."),
        max_length=8000,
    )

    def __init__(self, *args, offices=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices if offices is not None else Office.objects.none()

    def clean_responsibilities(self) -> list[str]:
        return _lines(self.cleaned_data["responsibilities"])


TeamRoleFormSet = forms.formset_factory(TeamRoleForm, extra=1, can_delete=True)


class ActivityForm(forms.Form):
    number = forms.IntegerField(label=_("Número"), min_value=1, max_value=999)
    name = forms.CharField(
        label=_("Actividad"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    stage = forms.ModelChoiceField(
        label=_("Etapa"),
        queryset=Stage.objects.none(),
        required=False,
        empty_label=_("— Sin etapa —"),
    )
    target = forms.CharField(
        label=_("Meta o producto"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )
    target_quantity = forms.IntegerField(
        label=_("Cantidad de la meta"),
        required=False,
        min_value=1,
        help_text=_("Si la meta se puede contar, por ejemplo 2 en «dos audiencias»."),
    )
    target_unit = forms.CharField(
        label=_("Unidad de la meta"),
        required=False,
        max_length=80,
        help_text=_("Por ejemplo: audiencias, diálogos, informes."),
    )
    progress_source = forms.ChoiceField(
        label=_("¿Cómo se mide el avance?"),
        help_text=_("Si Rendición ya registra lo que pide la meta, el avance se calcula solo."),
    )
    evidence_expected = forms.CharField(
        label=_("Evidencias esperadas"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    responsible = forms.ModelMultipleChoiceField(
        label=_("Dependencias responsables"),
        queryset=Office.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Marque al menos una dependencia responsable.")},
    )
    responsible_note = forms.CharField(
        label=_("Nota sobre los responsables"),
        required=False,
        max_length=200,
    )
    responsible_text = forms.CharField(
        label=_("Responsables, como los escribe la entidad"),
        help_text=_(
            "Lo que muestran el cronograma y los informes. Si lo deja vacío, se muestran las "
            "dependencias marcadas."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    quarters = forms.TypedMultipleChoiceField(
        label=_("Trimestres en que se ejecuta"),
        coerce=int,
        choices=[(n, label) for n, label in QUARTER_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Marque al menos un trimestre.")},
    )
    status = forms.ChoiceField(label=_("Estado"), choices=ActivityStatus.choices)
    progress = forms.IntegerField(label=_("Avance (%)"), min_value=0, max_value=100, initial=0)
    progress_note = forms.CharField(
        label=_("Nota de avance"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, strategy, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = strategy.stages.order_by("number")
        self.fields["responsible"].queryset = strategy.entity.offices.filter(is_active=True)
        available = progress_sources_available()
        self.fields["progress_source"].choices = [
            (code, label) for code, label in ProgressSource.choices if code in available
        ]

    def clean(self):
        data = super().clean()
        if data.get("progress_source") not in (None, ProgressSource.MANUAL) and not data.get(
            "target_quantity"
        ):
            self.add_error(
                "target_quantity",
                _("Para calcular el avance desde los registros, indique la cantidad de la meta."),
            )
        return data

    @staticmethod
    def initial_from(activity: Activity) -> dict:
        return {
            "number": activity.number,
            "name": activity.name,
            "stage": activity.stage,
            "target": activity.target,
            "target_quantity": activity.target_quantity,
            "target_unit": activity.target_unit,
            "progress_source": activity.progress_source,
            "evidence_expected": activity.evidence_expected,
            "responsible": list(activity.responsible.all()),
            "responsible_note": activity.responsible_note,
            "responsible_text": activity.responsible_text,
            "quarters": activity.quarters,
            "status": activity.status,
            "progress": activity.progress,
            "progress_note": activity.progress_note,
        }


class ActivityProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Estado"), choices=ActivityStatus.choices)
    progress = forms.IntegerField(label=_("Avance (%)"), min_value=0, max_value=100)
    progress_note = forms.CharField(
        label=_("Nota de avance"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Cuente en pocas palabras qué se hizo y qué falta."),
    )


class EvidenceForm(forms.Form):
    date = forms.DateField(
        label=_("Fecha"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Por ejemplo: 2023-04-20."),
    )
    office = forms.ModelChoiceField(
        label=_("Dependencia que la aporta"),
        queryset=Office.objects.none(),
        empty_label=None,
    )
    file = forms.FileField(
        label=_("Archivo"),
        required=False,
        help_text=_("PDF, imagen, documento u hoja de cálculo; máximo 20 MB."),
    )
    url = forms.URLField(
        label=_("O un enlace"),
        required=False,
        max_length=500,
        help_text=_("Por ejemplo, la dirección de la publicación en la página web."),
        assume_scheme="https",
    )
    note = forms.CharField(
        label=_("Nota"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, offices, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices
        self.fields["date"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            self.add_error(
                "file", _("Adjunte un archivo o escriba un enlace (solo uno de los dos).")
            )
        return data


class CronogramaImportForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo del cronograma (XLSX)"),
        help_text=_(
            "Use el formato que descarga con «Descargar cronograma». El cronograma quedará "
            "igual al archivo: las actividades que no estén en él se quitan."
        ),
    )


class DialoguePlanForm(forms.Form):
    """The planteamiento general of the year's dialogues: one item per line."""

    purposes = forms.CharField(
        label=_("Propósitos"),
        help_text=_("Uno por línea."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    themes = forms.CharField(
        label=_("Temas generales"),
        help_text=_("Uno por línea."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    modalities = forms.CharField(
        label=_("Modalidades"),
        help_text=_("Una por línea: presencial, virtual, mixto."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duración (minutos)"), required=False, min_value=5, max_value=1440
    )
    methodology = forms.CharField(
        label=_("Metodología"),
        help_text=_("Un elemento por línea."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    structure = forms.CharField(
        label=_("Estructura"),
        help_text=_("Un momento del diálogo por línea, en orden."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    venues = forms.CharField(
        label=_("Posibles lugares"),
        help_text=_("Uno por línea."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    min_per_quarter = forms.IntegerField(
        label=_("Mínimo de diálogos por trimestre"), min_value=1, max_value=20, initial=1
    )
    from_quarter = forms.TypedChoiceField(
        label=_("A partir del trimestre"),
        coerce=int,
        choices=[(n, label) for n, label in QUARTER_LABELS.items()],
        initial=1,
    )
    frequency_text = forms.CharField(
        label=_("Regla de frecuencia, como la escribe la entidad"),
        help_text=_("Opcional. Si la deja vacía, se escribe a partir del mínimo y del trimestre."),
        required=False,
        max_length=300,
    )

    LIST_FIELDS = ("purposes", "themes", "modalities", "methodology", "structure", "venues")

    def clean(self):
        cleaned = super().clean()
        for name in self.LIST_FIELDS:
            if name in cleaned:
                cleaned[name] = _lines(cleaned[name])
        return cleaned

    @classmethod
    def initial_from(cls, plan) -> dict:
        if plan is None:
            return {"min_per_quarter": 1, "from_quarter": 1}
        initial = {name: "\n".join(getattr(plan, name)) for name in cls.LIST_FIELDS}
        initial.update(
            duration_minutes=plan.duration_minutes,
            min_per_quarter=plan.min_per_quarter,
            from_quarter=plan.from_quarter,
            frequency_text=plan.frequency_text,
        )
        return initial
