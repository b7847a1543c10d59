"""The public attendance and evaluation forms, as a citizen on a phone uses them."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from rendicion.core.models import ConsentText
from rendicion.participation.models import Attendance, Evaluation
from rendicion.spaces import services as space_services
from rendicion.strategy.tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():
    strategy = StrategyFactory()
    space = space_services.space_create(
        actor=None,
        strategy=strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo de prueba",
            slug="dialogo-prueba",
            starts_at=timezone.now() + dt.timedelta(hours=1),
            modality="in_person",
            venue_name="Aulas Barulé",
        ),
    )
    return space


def _attendance(key=None, **overrides):
    data = {
        "submission_key": str(key or uuid.uuid4()),
        "consent_version": "1",
        "full_name": "Ana Prueba Ficticia",
        "document_type": "CC",
        "document_number": "99.000.123",
        "email": "Ana@Example.invalid",
        "phone": "",
        "sex": "mujer",
        "age": "34",
        "locality": "Kennedy",
        "stakeholder_group": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


URL = "/espacios/dialogo-prueba/asistencia/"


def test_a_citizen_registers_and_sees_a_confirmation_without_personal_data(client, space):
    form = client.get(URL)
    assert form.status_code == 200
    assert "Autorización de tratamiento de datos personales" in form.text
    response = client.post(URL, _attendance(), follow=True)
    assert response.status_code == 200
    assert "Su asistencia quedó registrada" in response.text
    assert "Ana" not in response.text and "99000123" not in response.text
    person = Attendance.objects.get()
    assert (person.document_number, person.email, person.sex, person.age, person.age_group) == (
        "99000123",
        "ana@example.invalid",
        "mujer",
        34,
        "adulto",
    )
    assert person.consent_text == ConsentText.objects.get() and person.consent_at is not None
    assert person.source == "form"


def test_a_double_click_stores_one_record_and_shows_the_same_confirmation(client, space):
    key = uuid.uuid4()
    first = client.post(URL, _attendance(key))
    second = client.post(URL, _attendance(key))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Attendance.objects.count() == 1


def test_the_same_person_registering_again_is_told_so(client, space):
    client.post(URL, _attendance())
    client.cookies.clear()  # later, from another device
    again = client.post(URL, _attendance(document_number="99000123", email="", full_name="Ana P."))
    assert again.status_code == 200
    assert "Usted ya estaba registrado" in again.text
    assert Attendance.objects.count() == 1


def test_without_authorisation_nothing_is_stored(client, space):
    response = client.post(URL, _attendance(consent=None))
    assert response.status_code == 200
    assert "Hay un problema" in response.text
    assert "necesitamos su autorización" in response.text
    assert not Attendance.objects.exists()


def test_errors_are_listed_at_the_top_and_next_to_each_field(client, space):
    response = client.post(
        URL, _attendance(full_name="", document_number="12", email="no-es-correo", sex=None, age="")
    )
    text = response.text
    assert 'href="#id_full_name"' in text and "Escriba sus nombres y apellidos." in text
    assert "entre 3 y 15 dígitos" in text
    assert "Escriba un correo válido" in text
    assert "Escriba su edad o elija un rango" in text
    assert 'aria-invalid="true"' in text
    assert not Attendance.objects.exists()


def test_a_minor_needs_the_guardians_authorisation(client, space):
    response = client.post(URL, _attendance(age="15"))
    assert "madre, padre o acudiente lo autoriza" in response.text
    assert not Attendance.objects.exists()
    client.post(URL, _attendance(age="15", guardian_consent="on"))
    person = Attendance.objects.get()
    assert (person.age_group, person.guardian_consent) == ("joven", True)


def test_an_age_range_is_enough_and_is_stored_as_given(client, space):
    client.post(URL, _attendance(age="", age_range="60_plus"))
    person = Attendance.objects.get()
    assert (person.age, person.age_group) == (None, "persona_mayor")


def test_someone_outside_bogota_names_the_municipality(client, space):
    response = client.post(URL, _attendance(locality="fuera", municipality=""))
    assert "Escriba el municipio donde vive." in response.text
    client.post(URL, _attendance(locality="fuera", municipality="Soacha"))
    assert Attendance.objects.get().locality == "Soacha"


def test_a_bot_filling_the_honeypot_is_refused_with_a_message(client, space):
    response = client.post(URL, _attendance(website="http://spam.example"))
    assert response.status_code == 200
    assert "Deje este campo vacío" in response.text
    assert not Attendance.objects.exists()


def test_too_many_submissions_from_one_client_get_a_clear_message(client, space, settings):
    settings.PUBLIC_FORM_RATE = "2/m"
    from django.core.cache import cache

    cache.clear()
    client.post(URL, _attendance(document_number="111", email="a@example.invalid"))
    client.post(URL, _attendance(document_number="222", email="b@example.invalid"))
    third = client.post(URL, _attendance(document_number="333", email="c@example.invalid"))
    assert third.status_code == 429
    assert "demasiados envíos" in third.text
    assert Attendance.objects.count() == 2
    cache.clear()


def test_a_closed_form_says_when_and_stores_nothing(client, space):
    space_services.space_form_window_set(
        actor=None,
        space=space,
        form="attendance",
        opens_at=timezone.now() - dt.timedelta(days=2),
        closes_at=timezone.now() - dt.timedelta(days=1),
    )
    response = client.post(URL, _attendance())
    assert "El registro de asistencia no está abierto" in response.text
    assert "Se cerró el" in response.text
    assert not Attendance.objects.exists()


def test_the_consent_version_seen_is_the_one_stored(client, space):
    from rendicion.core.services import consent_text_ensure

    seen = consent_text_ensure(entity=space.strategy.entity)
    ConsentText.objects.create(entity=space.strategy.entity, version="2", text="Nuevo texto")
    client.post(URL, _attendance(consent_version=seen.version))
    assert Attendance.objects.get().consent_text == seen


def _evaluation(key=None, **overrides):
    data = {
        "submission_key": str(key or uuid.uuid4()),
        "consent_version": "1",
        "satisfaction": "5",
        "clarity": "4",
        "usefulness": "4",
        "topic_covered": "yes",
        "would_return": "partly",
        "comment": "",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_an_evaluation_is_stored_once_and_needs_consent_only_with_a_comment(client, space):
    url = "/espacios/dialogo-prueba/evaluacion/"
    assert "La evaluación no está abierta" in client.get(url).text  # opens when the space starts
    space_services.space_form_window_set(
        actor=None, space=space, form="evaluation", opens_at=timezone.now(), closes_at=None
    )
    key = uuid.uuid4()
    assert client.post(url, _evaluation(key)).status_code == 302
    assert client.post(url, _evaluation(key)).status_code == 302
    assert Evaluation.objects.count() == 1
    response = client.post(url, _evaluation(comment="Muy bueno, pero empezó tarde"))
    assert "Para guardar su comentario necesitamos su autorización" in response.text
    client.post(url, _evaluation(comment="Muy bueno, pero empezó tarde", consent="on"))
    assert Evaluation.objects.count() == 2
    assert Evaluation.objects.exclude(comment="").get().consent_at is not None


def test_a_confirmation_page_needs_a_real_submission(client, space):
    assert (
        client.get(f"/espacios/dialogo-prueba/asistencia/registrada/{uuid.uuid4()}/").status_code
        == 404
    )


def test_sending_again_from_the_same_browser_shows_the_same_confirmation(client, space):
    first = client.post(URL, _attendance())
    # Back, then send again: a fresh form (new key), same person, same browser.
    again = client.post(URL, _attendance())
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Attendance.objects.count() == 1


def test_an_attendance_and_its_proposed_topic_are_stored_together_once(client, space):
    from rendicion.questions.models import ProposedTopic

    key = uuid.uuid4()
    data = _attendance(key, topic="Empleo para jóvenes en Kennedy")
    assert client.post(URL, data).status_code == 302
    assert client.post(URL, data).status_code == 302  # the retried POST
    assert Attendance.objects.count() == 1
    topic = ProposedTopic.objects.get()
    assert (topic.text, topic.channel, topic.proposed_in) == (
        "Empleo para jóvenes en Kennedy",
        "attendance_form",
        space,
    )


def test_a_topic_that_cannot_be_stored_leaves_no_attendance_behind(space, monkeypatch):
    from django.db import IntegrityError

    from rendicion.core.services import consent_text_ensure
    from rendicion.participation import services
    from rendicion.questions.models import ProposedTopic

    def refused(**kwargs):
        raise IntegrityError("the topic insert failed")

    monkeypatch.setattr(services.records, "topic_propose", refused)
    with pytest.raises(IntegrityError):
        services.attendance_submit(
            space=space,
            data=services.AttendanceData(full_name="Ana Prueba", sex="mujer", age_group="adulto"),
            consent_text=consent_text_ensure(entity=space.strategy.entity),
            submission_key=uuid.uuid4(),
            topic="Empleo para jóvenes",
        )
    # Nothing half-stored: a retry of the same submission starts from scratch.
    assert Attendance.objects.count() == ProposedTopic.objects.count() == 0
