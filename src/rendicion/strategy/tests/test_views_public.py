import pytest
from django.urls import reverse

from rendicion.strategy.models import Activity

from .factories import ActivityFactory, StrategyFactory

pytestmark = pytest.mark.django_db


def test_home_lists_the_published_years(client, demo):
    StrategyFactory(entity=demo.entity, year=2024, is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    assert reverse("strategy:public_detail", args=[2023]) in response.text
    assert reverse("strategy:public_detail", args=[2024]) not in response.text


def test_public_strategy_page_shows_objective_challenges_stages_and_13_activities(client, demo):
    response = client.get("/estrategia/2023/")
    assert response.status_code == 200
    text = response.text
    assert "Orientar el desarrollo de espacio de rendición de cuentas" in text
    assert "Fortalecer los mecanismos de convocatoria" in text
    assert "Aprestamiento y preparación" in text and "Seguimiento y evaluación" in text
    assert text.count('<th scope="row"') == 13
    assert "Fomentar la apertura y el aprovechamiento de datos abiertos" in text
    assert "Oficina Asesora de Planeación" in text


def test_an_unpublished_strategy_is_not_public(client, demo):
    StrategyFactory(entity=demo.entity, year=2024, is_published=False)
    assert client.get("/estrategia/2024/").status_code == 404
    assert client.get("/estrategia/1999/").status_code == 404


def test_public_page_never_shows_staff_links_or_evidence(client, demo):
    text = client.get("/estrategia/2023/").text
    assert "/gestion/" not in text


def test_strategy_page_query_count_does_not_grow_with_activities(
    client, demo, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/estrategia/2023/")
    office = demo.entity.offices.first()
    for number in range(14, 64):
        ActivityFactory(strategy=demo.strategy, number=number, responsible=[office])
    with CaptureQueriesContext(connection) as large:
        response = client.get("/estrategia/2023/")
    assert response.text.count('<th scope="row"') == Activity.objects.count() == 63
    assert len(large) == len(small)
