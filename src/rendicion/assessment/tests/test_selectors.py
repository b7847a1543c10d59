"""Reads of self-assessments: the report's summary, the page's detail and the comparison."""

from decimal import Decimal

import pytest

from rendicion.assessment import selectors, services
from rendicion.core.tests.factories import EntityFactory
from rendicion.demo.planning_2023 import POINTS_TO_STRENGTHEN
from rendicion.strategy.models import Strategy
from rendicion.strategy.tests.factories import StrategyFactory

from .factories import SMALL_ROWS, scored_assessment, template

pytestmark = pytest.mark.django_db


def test_the_2023_strategy_shows_the_2022_assessment_of_the_seed(demo, django_assert_num_queries):
    strategy = Strategy.objects.get(entity=demo.entity, year=2023)
    with django_assert_num_queries(3):
        summary = selectors.self_assessment_for_strategy(strategy=strategy)
    assert summary.year == 2022
    assert summary.score == Decimal("92.9")
    assert str(summary.score) == "92.9"
    assert summary.points_to_strengthen == POINTS_TO_STRENGTHEN
    assert summary.threshold == Decimal("80.0")
    assert summary.level == "Avanzado"
    assert [name for name, _score in summary.stages] == [
        "Aprestamiento",
        "Diseño",
        "Preparación",
        "Ejecución",
        "Seguimiento y evaluación",
    ]
    assert all(isinstance(score, Decimal) for _name, score in summary.stages)
    assert len(summary.categories) == 15
    assert summary.as_dict()["score"] == 92.9


def test_the_summary_has_no_personal_data_and_a_fixed_number_of_queries(
    django_assert_num_queries,
):
    entity = EntityFactory()
    strategy = StrategyFactory(entity=entity, year=2023)
    rows = [(f"Etapa {n % 5}", f"Categoría {n % 3}", f"Ítem {n}.") for n in range(200)]
    tpl = template(rows=rows, name="Grande")
    scored_assessment(entity, scores=[n % 101 for n in range(200)], tpl=tpl)
    with django_assert_num_queries(3):
        summary = selectors.self_assessment_for_strategy(strategy=strategy)
    assert len(summary.points_to_strengthen) == len([n for n in range(200) if n % 101 < 80])
    assert set(summary.as_dict()) == {
        "year",
        "score",
        "level",
        "threshold",
        "points_to_strengthen",
        "stages",
        "categories",
    }


def test_there_is_no_summary_without_an_assessment_of_the_year_before_or_without_scores(
    django_assert_num_queries,
):
    strategy = StrategyFactory(year=2023)
    with django_assert_num_queries(1):
        assert selectors.self_assessment_for_strategy(strategy=strategy) is None
    services.assessment_create(actor=None, entity=strategy.entity, year=2022, template=template())
    assert selectors.self_assessment_for_strategy(strategy=strategy) is None


def test_the_detail_groups_items_by_stage_and_category_and_lists_the_weak_ones():
    assessment = scored_assessment(EntityFactory(), scores=[90, 70, None, 60, 100])
    detail = selectors.assessment_detail(assessment=assessment)
    assert [(s.name, s.score) for s in detail.stages] == [
        ("Aprestamiento", Decimal("80.0")),
        ("Ejecución", Decimal("80.0")),
    ]
    assert [(c.name, c.score, c.scored, c.total) for c in detail.stages[0].categories] == [
        ("Información", Decimal("80.0"), 2, 2),
        ("Diálogo", None, 0, 1),
    ]
    assert detail.score == Decimal("80.0") and detail.level == "Avanzado"
    assert [row.number for row in detail.points] == [2, 4]
    assert (detail.scored, detail.total, detail.complete) == (4, 5, False)
    assert detail.band_rows[0] == ("Inicial", Decimal("0.0"), Decimal("39.9"))
    assert detail.band_rows[-1] == ("Avanzado", Decimal("80.0"), Decimal(100))


def test_categories_are_compared_year_to_year_by_stage_and_name(django_assert_num_queries):
    entity = EntityFactory()
    scored_assessment(entity, year=2021, scores=[50, 50, 50, 50, 50])
    scored_assessment(entity, year=2022, scores=[90, 70, 100, 60, 100])
    other_rows = [*SMALL_ROWS[:2], ("Seguimiento", "Responsabilidad", "Seguir compromisos.")]
    scored_assessment(entity, year=2023, scores=[100, 100, 40], tpl=template(other_rows, "Otra"))
    with django_assert_num_queries(3):
        comparison = selectors.assessment_comparison(entity=entity)
    assert comparison.years == [2021, 2022, 2023]
    assert comparison.overall == [Decimal("50.0"), Decimal("85.0"), Decimal("70.0")]
    assert comparison.levels == ["Básico", "Avanzado", "Intermedio"]
    assert [(r.stage, r.category, r.scores) for r in comparison.rows] == [
        ("Aprestamiento", "Información", [Decimal("50.0"), Decimal("80.0"), Decimal("100.0")]),
        ("Aprestamiento", "Diálogo", [Decimal("50.0"), Decimal("100.0"), None]),
        ("Ejecución", "Diálogo", [Decimal("50.0"), Decimal("80.0"), None]),
        ("Seguimiento", "Responsabilidad", [None, None, Decimal("40.0")]),
    ]
