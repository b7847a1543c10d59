"""The planteamiento general of the year's dialogues: recorded by planning, shown to everyone."""

import pytest

from rendicion.core.tests.factories import UserFactory
from rendicion.strategy.models import DialoguePlan
from rendicion.strategy.services import DialoguePlanData, dialogue_plan_save

from .factories import StrategyFactory

pytestmark = pytest.mark.django_db


def _post(**overrides):
    data = {
        "purposes": "Dialogar sobre los intereses de la ciudadanía.",
        "themes": "Paz, víctimas y reconciliación\nServicios a la Ciudadanía",
        "modalities": "Presencial\nVirtual\nMixto",
        "duration_minutes": "90",
        "methodology": "Conversatorio entre directivos y audiencia.",
        "structure": "Introducción\nTemas claves\nPreguntas y respuestas",
        "venues": "Aulas Barulé\nSuperCADES",
        "min_per_quarter": "1",
        "from_quarter": "2",
        "frequency_text": "",
    }
    return data | overrides


def test_planning_records_the_plan_and_the_public_strategy_page_shows_its_frequency_rule(client):
    strategy = StrategyFactory()
    client.force_login(UserFactory(role="planning"))
    url = f"/gestion/estrategias/{strategy.year}/dialogos/planteamiento/"
    assert client.post(url, _post()).status_code == 302
    plan = DialoguePlan.objects.get(strategy=strategy)
    assert plan.themes == ["Paz, víctimas y reconciliación", "Servicios a la Ciudadanía"]
    assert plan.quarters_required == [2, 3, 4]
    client.logout()
    page = client.get(f"/estrategia/{strategy.year}/").text
    assert "Planteamiento general de los diálogos ciudadanos" in page
    assert "Mínimo 1 diálogo por trimestre, a partir del trimestre 2 del año." in page
    assert "Aulas Barulé, SuperCADES" in page


def test_the_entitys_wording_of_the_rule_is_kept_and_a_new_save_replaces_the_plan():
    strategy = StrategyFactory()
    rule = "Mínimo un (1) diálogo trimestral, a partir del segundo trimestre del año"
    dialogue_plan_save(actor=None, strategy=strategy, data=DialoguePlanData(from_quarter=2))
    plan = dialogue_plan_save(
        actor=None,
        strategy=strategy,
        data=DialoguePlanData(from_quarter=2, frequency_text=rule, venues=[" Aulas Barulé ", ""]),
    )
    assert DialoguePlan.objects.count() == 1
    assert plan.frequency_rule == rule
    assert plan.venues == ["Aulas Barulé"]


def test_a_quarter_outside_the_year_is_explained_at_its_field(client):
    strategy = StrategyFactory()
    client.force_login(UserFactory(role="planning"))
    url = f"/gestion/estrategias/{strategy.year}/dialogos/planteamiento/"
    response = client.post(url, _post(from_quarter="5", min_per_quarter="0"))
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"from_quarter", "min_per_quarter"}
    assert not DialoguePlan.objects.exists()


def test_office_staff_cannot_change_the_plan(client):
    strategy = StrategyFactory()
    client.force_login(UserFactory(role="office_staff"))
    url = f"/gestion/estrategias/{strategy.year}/dialogos/planteamiento/"
    assert client.post(url, _post()).status_code == 403
    assert not DialoguePlan.objects.exists()


def test_copying_a_strategy_to_the_next_year_keeps_its_dialogue_plan():
    from rendicion.strategy.services import strategy_copy

    strategy = StrategyFactory()
    dialogue_plan_save(
        actor=None,
        strategy=strategy,
        data=DialoguePlanData(themes=["Gobierno abierto"], from_quarter=2, min_per_quarter=2),
    )
    copy = strategy_copy(actor=None, strategy=strategy, year=strategy.year + 1)
    assert (copy.dialogue_plan.themes, copy.dialogue_plan.from_quarter) == (["Gobierno abierto"], 2)
    assert copy.dialogue_plan.min_per_quarter == 2
