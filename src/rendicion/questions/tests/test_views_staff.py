"""Staff queues and the answer workflow through the pages: planning routes and reviews, offices
answer their own questions, and the dashboard's query count does not grow with the data."""

import datetime as dt

import pytest
from django.utils import timezone

from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.questions.models import Question, QuestionState
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import AssignedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():
    return SpaceFactory(slug="audiencia")


@pytest.fixture
def planner(space):
    return UserFactory(role="planning")


def _office_user(office):
    return UserFactory(role="office_staff", offices=[office])


def test_anonymous_visitors_go_to_the_login(client):
    response = client.get("/gestion/preguntas/")
    assert response.status_code == 302 and "/gestion/entrar/" in response["Location"]


def test_the_queue_shows_overdue_and_due_this_week(client, space, planner):
    today = timezone.localdate()
    office = OfficeFactory(entity=space.strategy.entity, name="Oficina de Prueba")
    late = AssignedQuestionFactory(
        space=space, office=office, received_on=today - dt.timedelta(days=60)
    )
    AssignedQuestionFactory(space=space, office=office, received_on=today)
    client.force_login(planner)
    page = client.get("/gestion/preguntas/?view=overdue")
    assert page.status_code == 200
    assert page.context["counts"].overdue == 1
    assert [q.pk for q, _left, _late in page.context["rows"]] == [late.pk]
    assert "Vencida hace" in page.text
    assert page.context["loads"][0].office == "Oficina de Prueba"


def test_the_dashboard_query_count_does_not_grow_with_the_questions(
    client, space, planner, django_assert_num_queries
):
    office = OfficeFactory(entity=space.strategy.entity)
    AssignedQuestionFactory(space=space, office=office)
    client.force_login(planner)
    client.get("/gestion/preguntas/")
    with django_assert_num_queries(11) as few:
        client.get("/gestion/preguntas/?view=all")
    for _n in range(30):
        AssignedQuestionFactory(space=space, office=OfficeFactory(entity=space.strategy.entity))
    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get("/gestion/preguntas/?view=all")
    assert len(page.context["rows"]) == 31


def test_office_staff_see_only_their_offices_questions(client, space):
    mine = AssignedQuestionFactory(space=space)
    other = AssignedQuestionFactory(space=space)
    user = _office_user(mine.office)
    client.force_login(user)
    page = client.get("/gestion/preguntas/?view=all")
    assert [q.pk for q, _l, _t in page.context["rows"]] == [mine.pk]
    assert client.get(f"/gestion/preguntas/{other.pk}/").status_code == 403


def test_the_asker_contact_is_shown_to_planning_only(client, space, planner):
    question = AssignedQuestionFactory(space=space)
    Question.objects.filter(pk=question.pk).update(
        asker_email="ana@example.invalid",
        consent_at=timezone.now(),
        consent_text=consent_text_ensure(entity=space.strategy.entity),
    )
    client.force_login(planner)
    assert "ana@example.invalid" in client.get(f"/gestion/preguntas/{question.pk}/").text
    client.force_login(_office_user(question.office))
    assert "ana@example.invalid" not in client.get(f"/gestion/preguntas/{question.pk}/").text


def test_from_routing_to_publication_through_the_pages(client, space, planner):
    question = QuestionFactory(space=space, received_on=timezone.localdate())
    office = OfficeFactory(entity=space.strategy.entity)
    url = f"/gestion/preguntas/{question.pk}/"
    client.force_login(planner)
    response = client.post(url, {"accion": "asignar", "office": office.pk, "kind": "general"})
    assert response.status_code == 302

    client.force_login(_office_user(office))
    page = client.post(url, {"accion": "borrador", "text": "En aras de responder, informamos."})
    assert page.status_code == 302
    page = client.get(url)
    assert "Lenguaje claro" in page.text and "«en aras de» → para" in page.text
    assert client.post(url, {"accion": "aprobar", "text": "x"}).status_code == 403
    client.post(url, {"accion": "enviar", "text": "Le respondemos en lenguaje claro."})
    question.refresh_from_db()
    assert question.state == QuestionState.IN_REVIEW

    client.force_login(planner)
    page = client.post(url, {"accion": "ajustes", "text": "Le respondemos.", "review_note": ""})
    assert page.status_code == 200
    assert "Diga qué debe ajustar" in page.text
    client.post(url, {"accion": "aprobar_publicar", "text": "Le respondemos en lenguaje claro."})
    question.refresh_from_db()
    assert question.state == QuestionState.PUBLISHED


def test_an_office_returns_a_question_that_is_not_its_own(client, space):
    question = AssignedQuestionFactory(space=space)
    client.force_login(_office_user(question.office))
    url = f"/gestion/preguntas/{question.pk}/"
    page = client.post(url, {"accion": "devolver", "reason": ""})
    assert "Explique por qué devuelve la pregunta." in page.text
    client.post(url, {"accion": "devolver", "reason": "Es un tema de la Alta Consejería TIC."})
    question.refresh_from_db()
    assert question.state == QuestionState.RETURNED


def test_staff_capture_a_question_from_the_chat(client, space, planner):
    client.force_login(planner)
    data = {
        "space": space.pk,
        "channel": "chat",
        "received_on": "2023-04-20",
        "text": "¿Cuándo es el próximo diálogo?",
        "kind": "general",
        "asker_name": "Persona del chat",
    }
    page = client.post("/gestion/preguntas/nueva/", data)
    assert "Sin la autorización de la persona" in page.text
    page = client.post("/gestion/preguntas/nueva/", {**data, "consent": "on"})
    question = Question.objects.get()
    assert page.status_code == 302 and question.received_on == dt.date(2023, 4, 20)
    assert question.channel == "chat" and question.deadline == dt.date(2023, 5, 12)
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    page = client.post("/gestion/preguntas/nueva/", {**data, "received_on": future})
    assert "no puede ser futura" in page.text


def test_office_staff_cannot_capture_or_publish_reports(client, space):
    question = AssignedQuestionFactory(space=space)
    client.force_login(_office_user(question.office))
    assert client.get("/gestion/preguntas/nueva/").status_code == 403
    assert client.post("/gestion/espacios/audiencia/respuestas/", {}).status_code == 403


def test_planning_publishes_the_answer_report_of_a_space(client, space, planner):
    question = AssignedQuestionFactory(space=space)
    client.force_login(planner)
    page = client.post("/gestion/espacios/audiencia/respuestas/", {"introduction": ""})
    assert "Faltan 1 preguntas" in page.text
    url = f"/gestion/preguntas/{question.pk}/"
    client.post(url, {"accion": "enviar", "text": "Respuesta."})
    client.post(url, {"accion": "aprobar", "text": "Respuesta."})
    page = client.post("/gestion/espacios/audiencia/respuestas/", {"introduction": "Hola."})
    assert page.status_code == 302
    question.refresh_from_db()
    assert question.state == QuestionState.PUBLISHED
