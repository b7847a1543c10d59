"""The public rights page and request form; the staff queue and a person's records."""

import datetime as dt
import json
import uuid

import pytest
from django.core.cache import cache
from django.utils import timezone

from rendicion.core.models import Role
from rendicion.core.tests.factories import EntityFactory, UserFactory
from rendicion.participation.models import Attendance
from rendicion.privacy.models import DataRequest, RequestState
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.stakeholders.tests.factories import AttendanceFactory

from .factories import data_request_make

pytestmark = pytest.mark.django_db

FORM_URL = "/datos-personales/solicitud/"


@pytest.fixture
def entity():
    return EntityFactory()


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The per-client budget of public submissions lives in the cache; each story starts afresh.
    cache.clear()


def _post(client, key=None, **overrides):
    data = {
        "submission_key": str(key or uuid.uuid4()),
        "right": "erase",
        "full_name": "Ana Prueba Ficticia",
        "document_type": "CC",
        "document_number": "99.000.555",
        "email": "ana.prueba@example.invalid",
        "phone": "",
        "description": "Participé en el diálogo de marzo.",
        "website": "",
    } | overrides
    return client.post(FORM_URL, data)


def test_the_public_page_says_what_is_kept_why_how_long_and_how_to_ask(client, entity, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 730
    page = client.get("/datos-personales/").content.decode()
    assert "Qué datos guardamos" in page
    assert "Para qué los usamos" in page
    assert "durante 2 años después del espacio" in page
    assert "10 días hábiles" in page and "15 días hábiles" in page
    assert FORM_URL in page
    settings.PERSONAL_DATA_RETENTION_DAYS = 400
    assert "durante 400 días" in client.get("/datos-personales/").content.decode()


def test_the_footers_data_policy_page_links_to_the_rights_page(client, entity):
    assert "/datos-personales/" in client.get("/politica-de-datos/").content.decode()


def test_a_citizen_asks_to_erase_and_learns_when_the_answer_is_due(client, entity):
    response = _post(client)
    assert response.status_code == 302
    stored = DataRequest.objects.get()
    assert (stored.kind, stored.right, stored.document_number) == ("reclamo", "erase", "99000555")
    page = client.get(response["Location"]).content.decode()
    assert "Recibimos su solicitud" in page
    assert "reclamo" in page


def test_the_form_asks_no_authorisation(client, entity):
    page = client.get(FORM_URL).content.decode()
    assert 'type="checkbox"' not in page
    assert "Enviar mi solicitud" in page


def test_a_double_post_stores_one_request(client, entity):
    key = uuid.uuid4()
    first = _post(client, key=key)
    second = _post(client, key=key)
    assert DataRequest.objects.count() == 1
    assert first["Location"] == second["Location"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"right": ""}, "right", "Elija qué quiere hacer con sus datos."),
        ({"full_name": ""}, "full_name", "Escriba su nombre completo."),
        ({"document_number": ""}, "document_number", "Escriba su número de documento."),
        ({"document_number": "ABC"}, "document_number", "lleva solo números"),
        ({"email": "no-es-correo"}, "email", "Escriba un correo válido"),
        ({"email": "", "phone": ""}, "email", "Escriba un correo o un teléfono"),
        ({"description": "x" * 4001}, "description", "máximo 4.000 caracteres"),
    ],
)
def test_form_errors_are_in_spanish_at_the_field(client, entity, overrides, field, message):
    response = _post(client, **overrides)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "Hay un problema" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_a_phone_is_enough_to_receive_the_answer(client, entity):
    assert _post(client, email="", phone="3001234567").status_code == 302


def test_a_bot_filling_the_honeypot_stores_nothing(client, entity):
    _post(client, website="http://spam.example")
    assert not DataRequest.objects.exists()


# Staff ---------------------------------------------------------------------------------------

STAFF_URLS = [
    "/gestion/datos-personales/",
    "/gestion/datos-personales/persona/?document=99000555",
    "/gestion/datos-personales/persona/exportar.json?document=99000555",
]


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMUNICATIONS])
def test_office_staff_and_communications_never_see_personal_data(client, entity, role):
    request = data_request_make(entity)
    attendance = AttendanceFactory(space=SpaceFactory())
    client.force_login(UserFactory(role=role))
    for url in [
        *STAFF_URLS,
        f"/gestion/datos-personales/solicitudes/{request.pk}/",
        f"/gestion/datos-personales/registros/attendance/{attendance.pk}/corregir/",
    ]:
        assert client.get(url).status_code == 403, url
    response = client.post(
        "/gestion/datos-personales/persona/anonimizar/",
        {"document": attendance.document_number, "confirm": "yes"},
    )
    assert response.status_code == 403
    assert Attendance.objects.get(pk=attendance.pk).document_number


def test_anonymous_visitors_are_sent_to_log_in(client, entity):
    for url in STAFF_URLS:
        response = client.get(url)
        assert response.status_code == 302
        assert "/gestion/entrar/" in response["Location"]


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.PLANNING])
def test_administrators_and_planning_see_the_queue_with_overdue_first(
    client, entity, role, django_assert_max_num_queries
):
    today = timezone.localdate()
    overdue = data_request_make(
        entity, received_at=timezone.now() - dt.timedelta(days=40), full_name="Vencida Ficticia"
    )
    data_request_make(entity, received_at=timezone.now(), full_name="Nueva Ficticia")
    client.force_login(UserFactory(role=role))
    with django_assert_max_num_queries(8):
        response = client.get("/gestion/datos-personales/?view=overdue")
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.request.pk for row in rows] == [overdue.pk]
    assert rows[0].overdue
    assert response.context["counts"]["overdue"] == 1
    assert response.context["counts"]["open"] == 2
    assert overdue.deadline < today


def test_staff_extend_and_answer_a_request(client, entity):
    request = data_request_make(entity, received_at=timezone.now())
    client.force_login(UserFactory(role=Role.PLANNING))
    url = f"/gestion/datos-personales/solicitudes/{request.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"action": "extend", "extend-reason": "Se revisan archivos en papel."})
    request.refresh_from_db()
    assert request.extended_to is not None
    response = client.post(url, {"action": "answer", "answer-answer": ""})
    assert "Escriba la respuesta" in response.content.decode()
    client.post(url, {"action": "answer", "answer-answer": "Le enviamos sus datos."})
    request.refresh_from_db()
    assert request.state == RequestState.ANSWERED


def test_staff_find_export_and_erase_a_person(client, entity, django_assert_max_num_queries):
    space = SpaceFactory()
    person = AttendanceFactory(space=space, document_number="99000555", email="ana@example.invalid")
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    with django_assert_max_num_queries(10):
        page = client.get("/gestion/datos-personales/persona/?email=ANA@example.invalid")
    assert person.full_name in page.content.decode()
    export = client.get("/gestion/datos-personales/persona/exportar.json?document=99000555")
    assert export["Content-Disposition"].startswith("attachment")
    assert json.loads(export.content)["records"][0]["data"]["full_name"] == person.full_name
    csv_export = client.get("/gestion/datos-personales/persona/exportar.csv?document=99000555")
    assert csv_export["Content-Type"].startswith("text/csv")
    # Without the confirmation box nothing is erased.
    client.post("/gestion/datos-personales/persona/anonimizar/", {"document": "99000555"})
    assert Attendance.objects.get(pk=person.pk).document_number == "99000555"
    response = client.post(
        "/gestion/datos-personales/persona/anonimizar/",
        {"document": "99000555", "email": "", "confirm": "yes"},
        follow=True,
    )
    assert "Se anonimizó 1 registro" in response.content.decode()
    assert Attendance.objects.get(pk=person.pk).document_number == ""


def test_staff_rectify_a_persons_name(client, entity):
    person = AttendanceFactory(space=SpaceFactory(), full_name="Ana Mal Escrita")
    client.force_login(UserFactory(role=Role.PLANNING))
    url = f"/gestion/datos-personales/registros/attendance/{person.pk}/corregir/"
    response = client.post(
        url,
        {
            "full_name": "Ana Bien Escrita",
            "document_type": "CC",
            "document_number": person.document_number,
            "email": "correo-malo",
            "phone": "",
        },
    )
    assert "Escriba un correo válido" in response.content.decode()
    client.post(
        url,
        {
            "full_name": "Ana Bien Escrita",
            "document_type": "CC",
            "document_number": person.document_number,
            "email": person.email,
            "phone": "",
        },
    )
    person.refresh_from_db()
    assert person.full_name == "Ana Bien Escrita"
