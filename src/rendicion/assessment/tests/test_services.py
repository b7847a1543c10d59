"""Writes to templates, assessments and scores: all or nothing, audited, links kept."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from rendicion.assessment import murc, services
from rendicion.assessment.models import AssessmentTemplate, ItemScore, SelfAssessment, TemplateItem
from rendicion.assessment.selectors import assessment_as_json, assessment_detail, template_sheet
from rendicion.assessment.spreadsheet import assessment_xlsx_write
from rendicion.core.models import AuditRecord
from rendicion.core.tests.factories import EntityFactory, OfficeFactory, UserFactory
from rendicion.strategy.models import Activity
from rendicion.strategy.tests.factories import StageFactory, StrategyFactory

from .factories import SMALL_ROWS, scored_assessment, template, template_file, xlsx

pytestmark = pytest.mark.django_db

BAD_ROWS = [
    ["Aprestamiento", "Información", "Caracterizar los grupos de valor.", None, 120],
    ["Aprestamiento", "Información", "", None, 80],
]


def _snapshot(assessment):
    assessment = SelfAssessment.objects.select_related("template").get(pk=assessment.pk)
    data = assessment_as_json(assessment_detail(assessment=assessment))
    scores = list(assessment.scores.order_by("item__number").values_list("note", "evidence"))
    return data, scores


def test_a_template_with_a_bad_row_is_refused_and_nothing_is_stored():
    with pytest.raises(services.AssessmentImportError) as refused:
        services.assessment_template_import(actor=None, data=xlsx(BAD_ROWS), name="Mala")
    assert [(e.row, e.column) for e in refused.value.errors] == [
        (2, "Puntaje (0 a 100)"),
        (3, "Ítem"),
    ]
    entity = EntityFactory()
    with pytest.raises(services.AssessmentImportError):
        services.assessment_import(actor=None, entity=entity, year=2022, data=xlsx(BAD_ROWS))
    assert not AssessmentTemplate.objects.exists()
    assert not TemplateItem.objects.exists()
    assert not SelfAssessment.objects.exists()
    assert not AuditRecord.objects.filter(action__startswith="assessment").exists()


def test_import_export_import_gives_the_same_assessment():
    from rendicion.assessment.selectors import assessment_sheet

    entity = EntityFactory()
    first = services.assessment_import(
        actor=None,
        entity=entity,
        year=2022,
        data=template_file(scores=[90, 70, None, 60, 100], weights=[1, 2, 1, 1, 1]),
    )
    assert (first.created, first.template_created, first.changed) == (True, True, 4)
    services.assessment_scores_save(
        actor=None,
        assessment=first.assessment,
        scores={1: services.ScoreData(90, "Se revisó con el equipo.", "Acta 12 de 2022")},
    )
    before = _snapshot(first.assessment)
    exported = assessment_xlsx_write(
        assessment_sheet(detail=assessment_detail(assessment=first.assessment))
    )

    again = services.assessment_import(actor=None, entity=entity, year=2022, data=exported)

    assert (again.created, again.template_created, again.changed) == (False, False, 0)
    assert _snapshot(again.assessment) == before
    assert AssessmentTemplate.objects.count() == 1
    # The same file for another year is scored on the same template.
    other = services.assessment_import(actor=None, entity=entity, year=2021, data=exported)
    assert other.assessment.template_id == first.assessment.template_id
    assert _snapshot(other.assessment)[0]["score"] == before[0]["score"]


def test_a_template_import_keeps_the_structure_and_recognises_the_same_file():
    data = template_file(scores=[90, 70, None, 60, 100])
    first = services.assessment_template_import(actor=None, data=data, name="  Plantilla  2024 ")
    assert first.created and first.template.name == "Plantilla 2024"
    items = list(first.template.items.values_list("number", "stage", "category", "text"))
    assert items == [(n, *row) for n, row in enumerate(SMALL_ROWS, start=1)]
    assert first.template.threshold == Decimal("80.0")
    assert first.template.bands.count() == 4
    assert not ItemScore.objects.exists()  # a template keeps no scores
    again = services.assessment_template_import(actor=None, data=data, name="Otro nombre")
    assert (again.created, again.template) == (False, first.template)
    exported = assessment_xlsx_write(template_sheet(template=first.template))
    round_trip = services.assessment_template_import(actor=None, data=exported, name="Copia")
    assert (round_trip.created, round_trip.template) == (False, first.template)
    with pytest.raises(ValidationError) as taken:
        services.assessment_template_import(
            actor=None, data=template_file(rows=SMALL_ROWS[:2]), name="Plantilla 2024"
        )
    assert "Ya hay otra plantilla con ese nombre" in taken.value.message_dict["name"][0]
    record = AuditRecord.objects.get(action="assessment_template_import")
    assert record.changes["item_count"] == [None, 5]


def test_the_generic_murc_template_loads_once_through_the_same_import():
    first = services.assessment_template_builtin_load(actor=None)
    second = services.assessment_template_builtin_load(actor=None)
    assert first.created and not second.created and first.template == second.template
    template = first.template
    assert template.name == murc.NAME
    assert template.items.count() == len(murc.ITEMS)
    stages = list(dict.fromkeys(template.items.order_by("number").values_list("stage", flat=True)))
    assert stages == [
        "Aprestamiento",
        "Diseño",
        "Preparación",
        "Ejecución",
        "Seguimiento y evaluación",
    ]
    categories = set(template.items.values_list("category", flat=True))
    assert categories == {"Información", "Diálogo", "Responsabilidad"}


def test_scores_are_saved_with_notes_and_the_change_is_audited():
    user = UserFactory()
    assessment = scored_assessment(EntityFactory())
    changed = services.assessment_scores_save(
        actor=user,
        assessment=assessment,
        scores={
            2: services.ScoreData(85, " Mejoró la caracterización ", ""),
            3: services.ScoreData(100),  # unchanged
        },
    )
    assert changed == 1
    row = assessment.scores.get(item__number=2)
    assert (row.score, row.note) == (85, "Mejoró la caracterización")
    record = AuditRecord.objects.filter(action="assessment_scores_save").latest("pk")
    assert record.actor == user
    assert record.changes == {"item_2": [[70, "", ""], [85, "Mejoró la caracterización", ""]]}
    assert services.assessment_scores_save(actor=user, assessment=assessment, scores={}) == 0
    with pytest.raises(ValidationError) as bad:
        services.assessment_scores_save(
            actor=user, assessment=assessment, scores={1: services.ScoreData(120)}
        )
    assert "score_1" in bad.value.message_dict


def test_an_assessment_per_entity_and_year():
    entity = EntityFactory()
    scored_assessment(entity)
    with pytest.raises(ValidationError, match="Ya hay un autodiagnóstico de la vigencia 2022"):
        services.assessment_create(
            actor=None, entity=entity, year=2022, template=AssessmentTemplate.objects.get()
        )


@pytest.fixture
def next_strategy():
    """The 2023 strategy, whose first stage covers the MURC's aprestamiento."""
    strategy = StrategyFactory(year=2023)
    StageFactory(
        strategy=strategy,
        number=1,
        name="Aprestamiento y preparación",
        murc_stages=["readiness", "preparation"],
    )
    StageFactory(
        strategy=strategy, number=2, name="Diseño y ejecución", murc_stages=["design", "execution"]
    )
    return strategy


def test_a_point_to_strengthen_becomes_an_activity_of_the_next_strategy_and_stays_linked(
    next_strategy,
):
    planner = UserFactory()
    office = OfficeFactory(entity=next_strategy.entity, name="Oficina Asesora de Planeación")
    assessment = scored_assessment(next_strategy.entity)
    point = assessment.scores.get(item__number=2)  # 70 < 80

    activity = services.assessment_point_to_activity(
        actor=planner, score=point, responsible=[office]
    )

    assert activity.strategy == next_strategy and activity.number == 1
    assert activity.name == "Identificar las necesidades de información."
    assert "en 2022 obtuvo 70 de 100" in activity.target
    assert activity.stage.name == "Aprestamiento y preparación"
    assert list(activity.responsible.all()) == [office]
    assert activity.quarters == [1, 2, 3, 4]
    point.refresh_from_db()
    assert point.activity == activity
    assert AuditRecord.objects.filter(action="activity_create", actor=planner).exists()
    assert AuditRecord.objects.filter(action="assessment_point_to_activity").exists()

    with pytest.raises(ValidationError, match="ya es la actividad 1 de la estrategia 2023"):
        services.assessment_point_to_activity(actor=planner, score=point, responsible=[office])
    strong = assessment.scores.get(item__number=1)  # 90
    with pytest.raises(ValidationError, match="no es un punto a fortalecer"):
        services.assessment_point_to_activity(actor=planner, score=strong, responsible=[office])
    second = services.assessment_point_to_activity(
        actor=planner, score=assessment.scores.get(item__number=4), responsible=[office]
    )
    assert second.number == 2 and second.stage.name == "Diseño y ejecución"
    assert Activity.objects.count() == 2


def test_without_the_next_strategy_a_point_cannot_become_an_activity():
    entity = EntityFactory()
    assessment = scored_assessment(entity)
    with pytest.raises(ValidationError, match="Primero cree la estrategia 2023"):
        services.assessment_point_to_activity(
            actor=None,
            score=assessment.scores.get(item__number=2),
            responsible=[OfficeFactory(entity=entity)],
        )
    assert not Activity.objects.exists()


def test_importing_another_structure_moves_the_assessment_and_keeps_links_of_items_that_stay(
    next_strategy,
):
    office = OfficeFactory(entity=next_strategy.entity)
    assessment = scored_assessment(next_strategy.entity)
    activity = services.assessment_point_to_activity(
        actor=None, score=assessment.scores.get(item__number=2), responsible=[office]
    )
    rows = [*SMALL_ROWS, ("Seguimiento y evaluación", "Responsabilidad", "Hacer seguimiento.")]
    result = services.assessment_import(
        actor=None,
        entity=next_strategy.entity,
        year=2022,
        data=template_file(rows=rows, scores=[90, 70, 100, 60, 100, 50]),
        template_name="Plantilla ampliada",
    )
    assert result.template_created and not result.created
    assessment.refresh_from_db()
    assert assessment.template.name == "Plantilla ampliada"
    assert assessment.scores.count() == 6
    assert assessment.scores.get(item__number=2).activity == activity
    assert AuditRecord.objects.filter(action="assessment_template_switch").exists()
    # The old template is kept: other assessments may still use it.
    assert AssessmentTemplate.objects.count() == 2


def test_the_default_name_of_an_imported_template_is_free():
    entity = EntityFactory()
    template(name="Plantilla del autodiagnóstico 2022", rows=SMALL_ROWS[:1])
    result = services.assessment_import(
        actor=None, entity=entity, year=2022, data=template_file(scores=[1, 2, 3, 4, 5])
    )
    assert result.assessment.template.name == "Plantilla del autodiagnóstico 2022 (2)"
