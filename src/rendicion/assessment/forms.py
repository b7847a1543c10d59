from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from rendicion.core.models import Office

from .models import AssessmentTemplate
from .selectors import AssessmentDetail, ItemRow
from .services import ScoreData

YEAR_HELP = _("El autodiagnóstico de 2022 se hace en el aprestamiento de la estrategia 2023.")


class AssessmentCreateForm(forms.Form):
    year = forms.IntegerField(
        label=_("Vigencia evaluada (año)"), min_value=2000, max_value=2100, help_text=YEAR_HELP
    )
    template = forms.ModelChoiceField(
        label=_("Plantilla"),
        queryset=AssessmentTemplate.objects.order_by("name"),
        empty_label=None,
        error_messages={"required": _("Elija una plantilla. Si no hay ninguna, cargue una.")},
    )


class TemplateImportForm(forms.Form):
    name = forms.CharField(label=_("Nombre de la plantilla"), max_length=200)
    description = forms.CharField(
        label=_("Descripción"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    file = forms.FileField(
        label=_("Archivo de la plantilla (XLSX)"),
        help_text=_(
            "Una fila por ítem con las columnas Etapa, Categoría, Ítem y, si quiere, Peso. "
            "La hoja «Calificación» (opcional) trae el umbral y los niveles."
        ),
    )


class AssessmentImportForm(forms.Form):
    year = forms.IntegerField(
        label=_("Vigencia evaluada (año)"), min_value=2000, max_value=2100, help_text=YEAR_HELP
    )
    file = forms.FileField(
        label=_("Archivo del autodiagnóstico (XLSX)"),
        help_text=_(
            "El mismo formato que descarga con «Descargar en Excel». El autodiagnóstico de esa "
            "vigencia quedará igual al archivo."
        ),
    )
    template_name = forms.CharField(
        label=_("Nombre de la plantilla, si el archivo trae ítems distintos"),
        required=False,
        max_length=200,
    )


@dataclass
class ItemFields:
    row: ItemRow
    score: forms.BoundField
    note: forms.BoundField
    evidence: forms.BoundField


@dataclass
class CategoryFields:
    stage: str
    name: str
    items: list[ItemFields]


class ScoresForm(forms.Form):
    """One score (0–100), observation and evidence per item of the assessment."""

    def __init__(self, *args, detail: AssessmentDetail, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.detail = detail
        for row in detail.items:
            n = row.number
            self.fields[f"score_{n}"] = forms.IntegerField(
                label=_("Puntaje del ítem %(n)s (0 a 100)") % {"n": n},
                required=False,
                min_value=0,
                max_value=100,
                initial=row.value,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": 100}),
                error_messages={
                    "invalid": _("Escriba un número entero de 0 a 100."),
                    "min_value": _("El puntaje no puede ser menor que 0."),
                    "max_value": _("El puntaje no puede ser mayor que 100."),
                },
            )
            self.fields[f"note_{n}"] = forms.CharField(
                label=_("Observación del ítem %(n)s") % {"n": n},
                required=False,
                max_length=4000,
                initial=row.score.note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"evidence_{n}"] = forms.CharField(
                label=_("Evidencia del ítem %(n)s") % {"n": n},
                required=False,
                max_length=2000,
                initial=row.score.evidence,
                help_text=_("Qué lo demuestra: un documento, un enlace, un acta."),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def sections(self) -> list[CategoryFields]:
        return [
            CategoryFields(
                stage=stage.name,
                name=category.name,
                items=[
                    ItemFields(
                        row,
                        self[f"score_{row.number}"],
                        self[f"note_{row.number}"],
                        self[f"evidence_{row.number}"],
                    )
                    for row in category.items
                ],
            )
            for stage in self.detail.stages
            for category in stage.categories
        ]

    def score_data(self) -> dict[int, ScoreData]:
        data = self.cleaned_data
        return {
            row.number: ScoreData(
                data[f"score_{row.number}"],
                data[f"note_{row.number}"],
                data[f"evidence_{row.number}"],
            )
            for row in self.detail.items
        }


class PointForm(forms.Form):
    """The office responsible for the new activity. Offices come as a list, read once per page."""

    office = forms.TypedChoiceField(label=_("Dependencia responsable"), coerce=int)

    def __init__(self, *args, offices: list[Office], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.offices = {office.pk: office for office in offices}
        self.fields["office"].choices = [(office.pk, office.name) for office in offices]

    def clean_office(self) -> Office:
        return self.offices[self.cleaned_data["office"]]
