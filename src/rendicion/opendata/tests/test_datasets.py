"""The datasets as a citizen or a portal downloads them from /datos/."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from rendicion.commitments.tests.factories import CommitmentFactory
from rendicion.core.tests.factories import EntityFactory
from rendicion.opendata.datasets import DATASETS
from rendicion.questions.models import TopicState
from rendicion.questions.tests.factories import ProposedTopicFactory, QuestionFactory
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import ActivityFactory, StrategyFactory

from .helpers import attend, content, csv_rows, evaluate, json_rows, published_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy():
    return StrategyFactory(entity=EntityFactory(email="datos@example.invalid"))


def _space(strategy, **fields):
    return SpaceFactory(strategy=strategy, **fields)


def _cell(rows, space, dimension, category):
    (row,) = [
        r
        for r in rows
        if r["espacio"] == space and r["dimension"] == dimension and r["categoria"] == category
    ]
    return row["personas"]


def test_participation_shows_fewer_than_five_people_as_less_than_five(client, strategy):
    space = _space(strategy, slug="dialogo-uno")
    attend(space, 30, sex="mujer")
    attend(space, 3, sex="hombre")
    attend(space, 12, sex="no_responde")
    other = _space(strategy, slug="dialogo-dos")
    attend(other, 20, sex="mujer")
    attend(other, 25, sex="hombre")
    rows = csv_rows(client.get("/datos/2023/participacion.csv"))
    assert _cell(rows, "dialogo-uno", "sexo", "hombre") == "<5"
    # The space's total and the year's men would give the 3 away by subtraction: other cells
    # of its row and its column are hidden too.
    # (A zero hidden for that is shown as «<5», which it is.)
    row = [_cell(rows, "dialogo-uno", "sexo", c) for c in ("mujer", "intersexual", "no_responde")]
    row.append(_cell(rows, "dialogo-uno", "total", "total"))
    column = [_cell(rows, "dialogo-dos", "sexo", "hombre"), _cell(rows, "todos", "sexo", "hombre")]
    hidden = {"<5", "reservado"}
    assert hidden & set(row) and hidden & set(column)
    assert _cell(rows, "dialogo-uno", "sexo", "mujer") == "30"
    assert not any(r["personas"] in {"1", "2", "3", "4"} for r in rows)


def test_the_spaces_dataset_hides_the_same_attendance_as_the_participation_dataset(
    client, strategy
):
    big, small = _space(strategy, slug="grande"), _space(strategy, slug="pequeno")
    attend(big, 40)
    attend(small, 2)
    evaluate(big, 8)
    spaces = {r["espacio"]: r for r in csv_rows(client.get("/datos/2023/espacios.csv"))}
    participation = csv_rows(client.get("/datos/2023/participacion.csv"))
    for slug in ("grande", "pequeno"):
        assert spaces[slug]["asistentes"] == _cell(participation, slug, "total", "total")
    assert spaces["pequeno"]["asistentes"] == "<5"
    assert spaces["grande"]["evaluaciones"] == "8"


def test_a_rarely_typed_locality_is_published_as_other(client, strategy):
    space = _space(strategy, slug="dialogo")
    attend(space, 12, locality="Kennedy")
    attend(space, 2, locality="Calle 45 # 12-30 apto 301")
    rows = csv_rows(client.get("/datos/2023/participacion.csv"))
    localities = {r["categoria"] for r in rows if r["dimension"] == "localidad"}
    assert "Kennedy" in localities and "otra" in localities
    assert not any("Calle 45" in value for row in rows for value in row.values())


def test_evaluation_averages_are_published_only_where_the_count_is(client, strategy):
    many, few = _space(strategy, slug="muchas"), _space(strategy, slug="pocas")
    evaluate(many, 6, satisfaction=5)
    evaluate(many, 4, satisfaction=3)
    evaluate(few, 2, satisfaction=1)
    # Hidden as well, so that the year's total does not give the 2 away.
    evaluate(_space(strategy, slug="otra"), 7)
    rows = {r["espacio"]: r for r in csv_rows(client.get("/datos/2023/evaluaciones.csv"))}
    assert rows["muchas"]["evaluaciones"] == "10"
    assert rows["muchas"]["satisfaccion_promedio"] == "4.2"
    assert rows["pocas"]["evaluaciones"] == "<5"
    assert rows["pocas"]["satisfaccion_promedio"] == ""
    assert rows["otra"]["evaluaciones"] == "reservado"


def test_answers_are_published_without_the_asker(client, strategy):
    space = _space(strategy, slug="dialogo")
    published_question(
        space,
        text="¿Cuándo abren la sede?",
        asker_name="Persona Preguntona",
        asker_email="preguntona@example.invalid",
    )
    QuestionFactory(space=space, text="¿Pregunta sin revisar?", state="received")
    response = client.get("/datos/2023/preguntas-respuestas.csv")
    body = content(response).decode("utf-8-sig")
    assert "¿Cuándo abren la sede?" in body
    assert "sin revisar" not in body and "Preguntona" not in body and "preguntona@" not in body


def test_only_reviewed_topics_are_published(client, strategy):
    space = _space(strategy)
    ProposedTopicFactory(
        proposed_for=space,
        included_in=space,
        text="Movilidad en Kennedy",
        state=TopicState.INCLUDED,
    )
    ProposedTopicFactory(proposed_for=space, text="Llamar a Juan al 3001234567")
    rows = json_rows(client.get("/datos/2023/temas-propuestos.json"))
    assert [row["tema"] for row in rows] == ["Movilidad en Kennedy"]


def test_commitments_and_cronograma_carry_state_and_progress(client, strategy):
    CommitmentFactory(space=_space(strategy), description="Publicar el mapa de sedes")
    ActivityFactory(strategy=strategy, name="Convocar la audiencia")
    (commitment,) = csv_rows(client.get("/datos/2023/compromisos.csv"))
    assert commitment["compromiso"] == "Publicar el mapa de sedes"
    assert commitment["estado"] in {"Pendiente", "Vencido"}
    (activity,) = csv_rows(client.get("/datos/2023/cronograma.csv"))
    assert activity["actividad"] == "Convocar la audiencia" and activity["avance"].isdigit()


def test_a_formula_typed_in_a_text_opens_as_text_in_the_spreadsheet(client, strategy):
    space = _space(strategy, title='=HYPERLINK("http://x")')
    attend(space, 6)
    csv_body = content(client.get("/datos/2023/espacios.csv")).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_body
    workbook = load_workbook(io.BytesIO(content(client.get("/datos/2023/espacios.xlsx"))))
    cell = workbook.active["C2"]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"


def test_an_unpublished_year_or_unknown_dataset_is_not_found(client, strategy):
    StrategyFactory(entity=strategy.entity, year=2024, is_published=False)
    assert client.get("/datos/2024/espacios.csv").status_code == 404
    assert client.get("/datos/2023/no-existe.csv").status_code == 404
    assert client.get("/datos/2023/espacios.pdf").status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        content(response)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("dataset", [d.slug for d in DATASETS])
def test_a_download_makes_the_same_number_of_queries_whatever_the_data(client, strategy, dataset):
    first = _space(strategy)
    attend(first, 6, locality="Bosa")
    evaluate(first, 6)
    # One of each, so that the prefetches a list runs once it has rows are counted in both.
    published_question(first)
    ProposedTopicFactory(proposed_for=first, included_in=first, state=TopicState.INCLUDED)
    CommitmentFactory(space=first)
    ActivityFactory(strategy=strategy)
    url = f"/datos/2023/{dataset}.csv"
    small = _queries(client, url)
    for n in range(4):
        space = _space(strategy)
        attend(space, 7, locality=f"Localidad {n}", stakeholder_group="Veeduría")
        evaluate(space, 3)
        published_question(space)
        ProposedTopicFactory(proposed_for=space, included_in=space, state=TopicState.INCLUDED)
        CommitmentFactory(space=space)
        ActivityFactory(strategy=strategy)
    assert _queries(client, url) == small
    assert small <= 12
