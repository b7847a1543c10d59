"""Staff writes with a key: the same services, rules and idempotency as the pages."""

import uuid

import pytest
from django.utils import timezone

from rendicion.commitments.tests.factories import CommitmentFactory
from rendicion.core.models import AuditRecord, Role
from rendicion.core.tests.factories import OfficeFactory
from rendicion.participation.models import Attendance
from rendicion.questions.models import Question
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import bearer, token_for

pytestmark = pytest.mark.django_db


def _attendance(**overrides) -> dict:
    data = {
        "submission_key": str(uuid.uuid4()),
        "full_name": "Ana María Pérez",
        "document_type": "CC",
        "document_number": "99000123",
        "email": "ana@example.invalid",
        "sex": "mujer",
        "age": 34,
        "locality": "Suba",
        "consent": True,
    }
    data.update(overrides)
    return data


def _post(client, url, data, token):
    return client.post(url, data, content_type="application/json", **bearer(token))


def test_a_retried_attendance_call_stores_one_record(client):
    space = SpaceFactory()
    token = token_for(role=Role.PLANNING)
    payload = _attendance()
    first = _post(client, f"/api/v1/espacios/{space.slug}/asistencias", payload, token)
    again = _post(client, f"/api/v1/espacios/{space.slug}/asistencias", payload, token)
    assert (first.status_code, first.json()["outcome"]) == (201, "created")
    assert (again.status_code, again.json()["outcome"]) == (200, "repeated")
    assert first.json()["age_group"] == "adulto"
    assert Attendance.objects.filter(space=space).count() == 1
    record = Attendance.objects.get(space=space)
    assert record.consent_text is not None and record.consent_at is not None


def test_the_same_person_from_another_system_is_not_counted_twice(client):
    space = SpaceFactory()
    token = token_for(role=Role.PLANNING)
    url = f"/api/v1/espacios/{space.slug}/asistencias"
    _post(client, url, _attendance(), token)
    other = _post(client, url, _attendance(full_name="Ana M. Pérez"), token)
    assert other.json()["outcome"] == "same_person"
    assert Attendance.objects.filter(space=space).count() == 1


def test_an_attendance_without_consent_is_refused_and_nothing_is_stored(client):
    space = SpaceFactory()
    response = _post(
        client,
        f"/api/v1/espacios/{space.slug}/asistencias",
        _attendance(consent=False),
        token_for(role=Role.PLANNING),
    )
    assert response.status_code == 422
    assert "autorización" in response.json()["error"]["fields"]["consent"][0]
    assert not Attendance.objects.exists()


def test_a_minor_needs_the_guardians_authorisation_as_on_the_form(client):
    space = SpaceFactory()
    token = token_for(role=Role.PLANNING)
    url = f"/api/v1/espacios/{space.slug}/asistencias"
    refused = _post(client, url, _attendance(age=None, age_range="14_17"), token)
    assert refused.status_code == 422
    assert "Ley 1581" in refused.json()["error"]["fields"]["guardian_consent"][0]
    accepted = _post(
        client,
        url,
        _attendance(age=15, guardian_consent=True, email="", document_number="99000555"),
        token,
    )
    assert accepted.status_code == 201
    assert accepted.json()["age_group"] == "joven"


def test_invitations_need_an_email_and_the_document_needs_its_digits(client):
    space = SpaceFactory()
    response = _post(
        client,
        f"/api/v1/espacios/{space.slug}/asistencias",
        _attendance(email="", contact_consent=True, document_number="12"),
        token_for(role=Role.PLANNING),
    )
    fields = response.json()["error"]["fields"]
    assert set(fields) == {"email", "document_number"}
    assert "correo" in fields["email"][0]
    assert "3 y 15 dígitos" in fields["document_number"][0]


def test_office_staff_cannot_record_attendance_and_get_403(client):
    office = OfficeFactory()
    space = SpaceFactory()
    space.organisers.add(office)
    token = token_for(role=Role.OFFICE_STAFF, offices=[office])
    response = _post(client, f"/api/v1/espacios/{space.slug}/asistencias", _attendance(), token)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert not Attendance.objects.exists()


def test_a_question_from_the_chat_gets_its_legal_deadline_and_is_audited(client):
    space = SpaceFactory(starts_at=timezone.now() + timezone.timedelta(days=3))
    token = token_for(role=Role.COMMUNICATIONS)
    key = str(uuid.uuid4())
    payload = {
        "space": space.slug,
        "text": "¿Cuándo abren la convocatoria?",
        "channel": "chat",
        "submission_key": key,
    }
    first = _post(client, "/api/v1/preguntas", payload, token)
    again = _post(client, "/api/v1/preguntas", payload, token)
    assert first.status_code == 201
    assert again.status_code == 200 and again.json()["outcome"] == "repeated"
    question = Question.objects.get()
    assert question.channel == "chat"
    assert first.json()["deadline"] == question.deadline.isoformat()
    audit = AuditRecord.objects.get(action="question_receive")
    assert audit.actor == token.token.user


def test_asker_contact_without_consent_is_refused_by_the_service(client):
    space = SpaceFactory(starts_at=timezone.now() + timezone.timedelta(days=3))
    response = _post(
        client,
        "/api/v1/preguntas",
        {"space": space.slug, "text": "¿Hay subsidios?", "channel": "paper", "asker_name": "Luis"},
        token_for(role=Role.PLANNING),
    )
    assert response.status_code == 422
    assert "autorización" in response.json()["error"]["fields"]["consent"][0]
    assert not Question.objects.exists()


def test_office_staff_report_progress_only_on_their_offices_commitments(client):
    own = CommitmentFactory()
    other = CommitmentFactory(space=own.space)
    token = token_for(role=Role.OFFICE_STAFF, offices=[own.office])
    payload = {"date": "2023-05-02", "note": "Se publicó el borrador.", "status": "in_progress"}
    done = _post(client, f"/api/v1/compromisos/{own.pk}/avances", payload, token)
    assert done.status_code == 201
    assert done.json()["status"] == "in_progress"
    assert done.json()["progress"][-1]["note"] == "Se publicó el borrador."
    refused = _post(client, f"/api/v1/compromisos/{other.pk}/avances", payload, token)
    assert refused.status_code == 403
    other.refresh_from_db()
    assert other.status == "pending"


def test_marking_a_commitment_done_without_evidence_is_refused_in_spanish(client):
    commitment = CommitmentFactory()
    response = _post(
        client,
        f"/api/v1/compromisos/{commitment.pk}/avances",
        {"date": "2023-05-02", "note": "Listo.", "status": "done"},
        token_for(role=Role.PLANNING),
    )
    assert response.status_code == 422
    assert "evidencia" in response.json()["error"]["fields"]["evidence_url"][0]


def test_a_revoked_key_or_an_inactive_user_gets_401(client):
    space = SpaceFactory()
    token = token_for(role=Role.PLANNING)
    url = f"/api/v1/espacios/{space.slug}/asistencias"
    from rendicion.api.services import api_token_revoke

    api_token_revoke(user=token.token.user, token=token.token)
    revoked = _post(client, url, _attendance(), token)
    assert revoked.status_code == 401
    assert revoked["WWW-Authenticate"] == "Bearer"
    other = token_for(role=Role.PLANNING)
    other.token.user.is_active = False
    other.token.user.save()
    assert _post(client, url, _attendance(), other).status_code == 401
    missing = client.post(url, _attendance(), content_type="application/json")
    assert missing.json()["error"]["code"] == "unauthorized"
    assert not Attendance.objects.exists()
