"""A citizen asks a question on the space's page and later reads the published answers; the
asker's personal data never appears in public."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from rendicion.core.tests.factories import OfficeFactory
from rendicion.questions import services
from rendicion.questions.models import Question
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import AssignedQuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def upcoming():
    return SpaceFactory(
        slug="dialogo-abierto",
        status="planned",
        starts_at=timezone.now() + dt.timedelta(days=3),
    )


URL = "/espacios/dialogo-abierto/preguntas/"


def _post(client, key=None, **overrides):
    data = {
        "submission_key": str(key or uuid.uuid4()),
        "consent_version": "1",
        "text": "¿Cuándo abren la nueva sede del SuperCADE?",
        "asker_name": "Ana Prueba Ficticia",
        "asker_email": "ana.prueba@example.invalid",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return client.post(URL, {k: v for k, v in data.items() if v is not None})


def test_a_citizen_asks_and_sees_when_the_answer_is_due(client, upcoming):
    page = client.get(URL)
    assert page.status_code == 200 and "Haga su pregunta" in page.text
    response = _post(client)
    assert response.status_code == 302
    question = Question.objects.get()
    done = client.get(response["Location"])
    assert "Recibimos su pregunta" in done.text
    assert question.deadline.strftime("%Y") in done.text
    assert "ana.prueba@example.invalid" not in done.text and "Ana Prueba" not in done.text
    assert question.asker_email == "ana.prueba@example.invalid" and question.consent_at


def test_a_double_post_stores_one_question(client, upcoming):
    key = uuid.uuid4()
    first, second = _post(client, key), _post(client, key)
    assert first["Location"] == second["Location"]
    assert Question.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"text": ""}, "text", "Escriba su pregunta."),
        ({"text": "x" * 2001}, "text", "La pregunta es muy larga"),
        ({"asker_email": "ana@"}, "asker_email", "Escriba un correo válido"),
        ({"consent": None}, "consent", "necesitamos su autorización"),
    ],
)
def test_bad_input_is_refused_with_a_spanish_message_at_the_field(
    client, upcoming, overrides, field, message
):
    response = _post(client, **overrides)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.text or field == "consent"
    assert not Question.objects.exists()


def test_a_bot_filling_the_honeypot_stores_nothing(client, upcoming):
    response = _post(client, website="http://spam.example")
    assert response.status_code == 200 and not Question.objects.exists()


def test_a_question_is_shown_as_text_never_as_html(client):
    question = AssignedQuestionFactory(
        space=SpaceFactory(slug="dialogo-abierto"), text="<b>¿Y el presupuesto?</b>"
    )
    services.answer_submit(actor=None, question=question, text="<script>x()</script> Publicado.")
    services.answer_approve(actor=None, question=question, publish=True)
    page = client.get(URL)
    assert "&lt;b&gt;¿Y el presupuesto?&lt;/b&gt;" in page.text
    assert "<script>x()</script>" not in page.text and "&lt;script&gt;" in page.text


def test_after_the_space_the_form_is_closed_and_answers_stay(client):
    space = SpaceFactory(slug="dialogo-abierto")  # held in 2023
    page = client.get(URL)
    assert "se cerró al terminar el espacio" in page.text and page.context["form"] is None
    response = _post(client)
    assert response.status_code == 409 and not Question.objects.exists()
    assert space.questions.count() == 0


def test_published_answers_page_hides_the_askers_data_and_pins_its_queries(
    client, django_assert_max_num_queries
):
    space = SpaceFactory(slug="dialogo-abierto")
    office = OfficeFactory(entity=space.strategy.entity)
    for n in range(5):
        question = AssignedQuestionFactory(space=space, office=office, text=f"¿Pregunta {n}?")
        Question.objects.filter(pk=question.pk).update(
            asker_name="Ana Prueba", consent_at=timezone.now()
        )
        services.answer_submit(actor=None, question=question, text=f"Respuesta {n}.")
        services.answer_approve(actor=None, question=question, publish=True)
    # The space (with what spaces' public selector prefetches), answers, report, counts, entity.
    with django_assert_max_num_queries(9):
        page = client.get(URL)
    assert page.text.count('class="card answer"') == 5
    assert "Ana Prueba" not in page.text


def test_an_unknown_space_is_a_404(client):
    assert client.get("/espacios/no-existe/preguntas/").status_code == 404
