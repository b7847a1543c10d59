"""Security basics: CSP without inline scripts, CSRF, login throttling, production settings."""

import re
import subprocess
import sys

import pytest

from rendicion.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_pages_send_a_content_security_policy_without_inline_scripts(client, demo):
    response = client.get("/estrategia/2023/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert not re.search(r"<script(?![^>]*\bsrc=)", response.text)
    assert ' style="' not in response.text


def test_forms_require_the_csrf_token():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/gestion/entrar/", {"username": "x", "password": "y"})
    assert response.status_code == 403


def test_login_is_locked_after_repeated_failures(client):
    user = UserFactory(username="ana")
    for _ in range(5):
        response = client.post("/gestion/entrar/", {"username": "ana", "password": "mala"})
    response = client.post(
        "/gestion/entrar/", {"username": "ana", "password": "clave-de-prueba-123"}
    )
    assert response.status_code == 429
    assert "Acceso bloqueado por un tiempo" in response.text
    assert "_auth_user_id" not in client.session
    assert user.is_active


def test_a_wrong_password_is_explained_in_spanish(client):
    UserFactory(username="luis")
    response = client.post("/gestion/entrar/", {"username": "luis", "password": "mala"})
    assert "El usuario o la contraseña no son correctos" in response.text


def test_a_correct_login_reaches_the_staff_side(client):
    UserFactory(username="marta")
    response = client.post(
        "/gestion/entrar/", {"username": "marta", "password": "clave-de-prueba-123"}
    )
    assert response.status_code == 302 and response["Location"] == "/gestion/"


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "rendicion.settings.production",
        "SECRET_KEY": "k" * 20 + "-x8#vQ2!mZr4@pLw9$Tn6^bYc1&Hd5*Jf0",
        "ALLOWED_HOSTS": "rendicion.example.gov.co",
        "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite3",
        "RENDICION_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "rendicion.cli", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "rendicion.settings.production",
        "RENDICION_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "rendicion.cli", "check"], capture_output=True, text=True, env=env
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
