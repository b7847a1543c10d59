"""The topic matrix per office (cronograma activity 6), built from the spaces' topics and the
proposed topics and exported through the exporter layer: XLSX and HTML, never typed twice."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from rendicion.core.exporters import export_bytes
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.questions.exports import TopicMatrixExporter
from rendicion.questions.models import TopicState
from rendicion.questions.tests.factories import ProposedTopicFactory
from rendicion.spaces.tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def matrix():
    talento = OfficeFactory(name="Dirección de Talento Humano")
    space = SpaceFactory(title="Diálogo Talento Humano", topics=["Bienestar", "Teletrabajo"])
    space.organisers.set([talento])
    ProposedTopicFactory(proposed_for=space, office=talento, text="Concursos de méritos")
    ProposedTopicFactory(
        proposed_for=space,
        office=talento,
        text="Horarios flexibles",
        state=TopicState.INCLUDED,
        included_in=space,
    )
    return space


def _rows(data: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_the_matrix_lists_each_offices_space_topics_and_proposed_topics(matrix):
    rows = _rows(export_bytes(TopicMatrixExporter(strategy=matrix.strategy), "xlsx"))

    assert rows[0][:4] == ("Dependencia", "Tema", "Origen", "Espacio")
    by_topic = {row[1]: row for row in rows[1:]}
    assert set(by_topic) == {
        "Bienestar",
        "Teletrabajo",
        "Concursos de méritos",
        "Horarios flexibles",
    }
    assert {row[0] for row in rows[1:]} == {"Dirección de Talento Humano"}
    assert by_topic["Bienestar"][2] == "Diálogo ciudadano"
    assert by_topic["Horarios flexibles"][5] == "Incluido"


def test_the_public_matrix_carries_only_reviewed_citizen_texts(matrix, client):
    html = client.get(reverse("questions:topic_matrix_public", args=[matrix.strategy.year, "html"]))
    html = b"".join(html.streaming_content).decode()

    assert "<table>" in html and "Matriz de temas por dependencia" in html
    assert "Horarios flexibles" in html and "Bienestar" in html
    assert "Concursos de méritos" not in html  # not reviewed yet


def test_staff_download_the_matrix_as_xlsx(matrix, client):
    client.force_login(UserFactory(role="planning"))
    response = client.get(reverse("questions:topic_matrix", args=[matrix.strategy.year, "xlsx"]))
    assert response.status_code == 200
    rows = _rows(b"".join(response.streaming_content))
    assert "Concursos de méritos" in {row[1] for row in rows}
