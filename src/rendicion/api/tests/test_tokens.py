"""A staff user creates their own keys (shown once, stored hashed) and revokes them."""

import pytest

from rendicion.api.models import ApiToken
from rendicion.api.services import api_token_hash
from rendicion.core.models import AuditRecord, Role
from rendicion.core.tests.factories import UserFactory
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import token_for

pytestmark = pytest.mark.django_db


def test_a_new_key_is_shown_once_and_only_its_hash_is_kept(client):
    user = UserFactory(role=Role.COMMUNICATIONS)
    client.force_login(user)
    response = client.post("/gestion/api/claves/", {"name": "Tablero del Distrito"})
    assert response.status_code == 200
    key = response.context["created"].key
    assert key in response.text
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == api_token_hash(key)
    assert key not in str(list(ApiToken.objects.values()))
    later = client.get("/gestion/api/claves/")
    assert key not in later.text
    assert "Tablero del Distrito" in later.text
    assert AuditRecord.objects.filter(action="api_token_create").count() == 1


def test_a_key_without_a_name_is_refused_with_a_message(client):
    client.force_login(UserFactory(role=Role.PLANNING))
    response = client.post("/gestion/api/claves/", {"name": "  "})
    assert "Escriba un nombre para la clave." in response.text
    assert not ApiToken.objects.exists()


def test_a_revoked_key_stops_working_at_once(client):
    space = SpaceFactory()
    created = token_for(role=Role.PLANNING)
    client.force_login(created.token.user)
    response = client.post("/gestion/api/claves/revocar/", {"token": created.token.pk})
    assert response.status_code == 302
    created.token.refresh_from_db()
    assert created.token.revoked_at is not None
    client.logout()
    call = client.post(
        f"/api/v1/espacios/{space.slug}/asistencias",
        {},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {created.key}",
    )
    assert call.status_code == 401


def test_nobody_revokes_another_users_key(client):
    created = token_for(role=Role.OFFICE_STAFF)
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    response = client.post("/gestion/api/claves/revocar/", {"token": created.token.pk})
    assert response.status_code == 404
    created.token.refresh_from_db()
    assert created.token.revoked_at is None
