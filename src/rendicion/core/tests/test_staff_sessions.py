"""Staff sessions end after an idle time and with the browser; passwords follow the policy."""

import time

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rendicion.core.middleware import LAST_ACTIVITY_SESSION_KEY
from rendicion.core.models import Role
from rendicion.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _idle_for(client, minutes: float) -> None:
    """Time travel: the session's last activity is moved into the past."""
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time() - minutes * 60)
    session.save()


def test_a_staff_session_ends_after_the_configured_idle_minutes(client, settings):
    settings.STAFF_SESSION_IDLE_MINUTES = 20
    client.force_login(UserFactory(role=Role.PLANNING))
    assert client.get("/gestion/").status_code == 200

    _idle_for(client, 19)
    assert client.get("/gestion/").status_code == 200

    _idle_for(client, 21)
    response = client.get("/gestion/espacios/")
    assert response.status_code == 302
    assert response["Location"] == "/gestion/entrar/?next=/gestion/espacios/"
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"])
    assert "Su sesión se cerró porque pasaron 20 minutos sin actividad." in login_page.text


def test_the_default_idle_time_is_thirty_minutes(client):
    assert settings.STAFF_SESSION_IDLE_MINUTES == 30
    client.force_login(UserFactory(role=Role.OFFICE_STAFF))
    _idle_for(client, 29)
    assert client.get("/gestion/").status_code == 200
    _idle_for(client, 31)
    assert client.get("/gestion/").status_code == 302


def test_an_expired_session_on_a_public_page_just_logs_out(client):
    client.force_login(UserFactory(role=Role.PLANNING))
    _idle_for(client, 31)
    response = client.get("/")
    assert response.status_code in (200, 302) and "_auth_user_id" not in client.session


def test_a_staff_page_does_not_write_the_session_on_every_request(client):
    client.force_login(UserFactory(role=Role.PLANNING))
    _idle_for(client, 0.1)  # six seconds ago
    before = client.session[LAST_ACTIVITY_SESSION_KEY]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/gestion/").status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]]
    assert client.session[LAST_ACTIVITY_SESSION_KEY] == before

    _idle_for(client, 2)  # once the timestamp is a minute old it is rewritten
    client.get("/gestion/")
    assert client.session[LAST_ACTIVITY_SESSION_KEY] >= int(time.time()) - 5


def test_sessions_end_when_the_browser_closes(client):
    user = UserFactory(role=Role.OFFICE_STAFF)
    response = client.post(
        "/gestion/entrar/", {"username": user.username, "password": "clave-de-prueba-123"}
    )
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert not cookie["max-age"] and not cookie["expires"]


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("corta-1", "La contraseña es demasiado corta. Debe contener por lo menos 12 caracteres."),
        ("password123456", "Esta contraseña es demasiado común."),
        ("482910573920184", "Esta contraseña es completamente numérica."),
        ("marta.quintero", "La contraseña es muy parecida a nombre de usuario."),
    ],
)
def test_a_weak_new_password_is_refused_in_spanish_on_the_password_change_form(
    client, password, message
):
    user = UserFactory(role=Role.OFFICE_STAFF, username="marta.quintero")
    client.force_login(user)
    response = client.post(
        "/gestion/cuenta/contrasena/",
        {
            "old_password": "clave-de-prueba-123",
            "new_password1": password,
            "new_password2": password,
        },
    )
    assert response.status_code == 200
    assert "Hay un problema" in response.text
    assert message in response.text
    user.refresh_from_db()
    assert user.check_password("clave-de-prueba-123")


def test_a_strong_password_is_changed_and_the_user_stays_logged_in(client):
    user = UserFactory(role=Role.OFFICE_STAFF)
    client.force_login(user)
    form = client.get("/gestion/cuenta/contrasena/")
    assert "Su contraseña debe contener por lo menos 12 caracteres." in form.text
    response = client.post(
        "/gestion/cuenta/contrasena/",
        {
            "old_password": "clave-de-prueba-123",
            "new_password1": "tres pájaros en el alambre",
            "new_password2": "tres pájaros en el alambre",
        },
        follow=True,
    )
    assert "Su contraseña quedó cambiada." in response.text
    user.refresh_from_db()
    assert user.check_password("tres pájaros en el alambre")


def test_the_demo_password_is_long_enough_and_not_common():
    validate_password("rendicion-demo")  # no user: length, common list and numeric rules
    with pytest.raises(ValidationError):
        validate_password("rendicion")
