"""Factories and small builders for self-assessment tests."""

import io
from decimal import Decimal

import factory
from openpyxl import Workbook

from rendicion.assessment import services
from rendicion.assessment.models import AssessmentTemplate, SelfAssessment
from rendicion.assessment.spreadsheet import (
    COLUMNS,
    DEFAULT_BANDS,
    AssessmentRow,
    AssessmentSheet,
    assessment_xlsx_write,
)
from rendicion.core.tests.factories import EntityFactory

HEADERS = [column.header for column in COLUMNS]

# A small template: two stages, three categories, five items.
SMALL_ROWS = [
    ("Aprestamiento", "Información", "Caracterizar los grupos de valor."),
    ("Aprestamiento", "Información", "Identificar las necesidades de información."),
    ("Aprestamiento", "Diálogo", "Convocar a la ciudadanía."),
    ("Ejecución", "Diálogo", "Realizar la audiencia pública."),
    ("Ejecución", "Diálogo", "Responder las preguntas."),
]


def sheet(rows=SMALL_ROWS, scores=None, weights=None, threshold="80", bands=None):
    """An AssessmentSheet from (stage, category, text) rows, optional scores and weights."""
    scores = scores or [None] * len(rows)
    weights = weights or [None] * len(rows)
    return AssessmentSheet(
        rows=[
            AssessmentRow(
                row=n,
                stage=stage,
                category=category,
                text=text,
                score=score,
                weight=None if weight is None else Decimal(str(weight)).quantize(Decimal("0.01")),
            )
            for n, ((stage, category, text), score, weight) in enumerate(
                zip(rows, scores, weights, strict=True), start=2
            )
        ],
        threshold=Decimal(threshold).quantize(Decimal("0.1")),
        bands=bands or list(DEFAULT_BANDS),
    )


def xlsx(rows, headers=HEADERS, settings=None, title_rows=()):
    """A workbook as people type it: raw cell values, optional «Calificación» sheet rows."""
    workbook = Workbook()
    items = workbook.active
    items.title = "Autodiagnóstico"
    for row in title_rows:
        items.append(row)
    items.append(headers)
    for row in rows:
        items.append(row)
    if settings is not None:
        extra = workbook.create_sheet("Calificación")
        for row in settings:
            extra.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def template(rows=SMALL_ROWS, name="Plantilla de prueba", **kwargs) -> AssessmentTemplate:
    return services.assessment_template_save(
        actor=None, sheet=sheet(rows, **kwargs), name=name
    ).template


def template_file(rows=SMALL_ROWS, scores=None, **kwargs) -> bytes:
    return assessment_xlsx_write(sheet(rows, scores=scores, **kwargs))


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    """An assessment of 2022 on the small template, nothing scored (use services to score)."""

    class Meta:
        model = SelfAssessment

    entity = factory.SubFactory(EntityFactory)
    year = 2022
    template = factory.LazyFunction(template)


def scored_assessment(entity, year=2022, scores=(90, 70, 100, 60, 100), tpl=None):
    """An assessment created and scored through the services, items numbered 1, 2, 3…"""
    tpl = tpl or AssessmentTemplate.objects.filter(name="Plantilla de prueba").first() or template()
    assessment = services.assessment_create(actor=None, entity=entity, year=year, template=tpl)
    services.assessment_scores_save(
        actor=None,
        assessment=assessment,
        scores={n: services.ScoreData(score) for n, score in enumerate(scores, start=1)},
    )
    return assessment
