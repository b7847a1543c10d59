"""Staff two-factor authentication: who must use it, enrolment, verification, recovery codes,
the administrator's reset. These tests go through the real pages (no force_login shortcut)."""

from binascii import unhexlify

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from rendicion.core.middleware import LAST_ACTIVITY_SESSION_KEY
from rendicion.core.models import AuditRecord, Role
from rendicion.core.tests.factories import UserFactory
from rendicion.core.tests.two_factor import totp_code, totp_device_for
from rendicion.core.two_factor import PENDING_KEY_SESSION_KEY

pytestmark = [pytest.mark.django_db, pytest.mark.real_two_factor]

PASSWORD = "clave-de-prueba-123"
ENROL = "/gestion/cuenta/verificacion/activar/"
VERIFY = "/gestion/verificar/"


def _login(client, user):
    response = client.post("/gestion/entrar/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return response


def _enrol(client) -> list[str]:
    page = client.get(ENROL)
    assert page.status_code == 200
    key = client.session[PENDING_KEY_SESSION_KEY]
    code = f"{TOTP(unhexlify(key)).token():06d}"
    response = client.post(ENROL, {"code": code, "next": "/gestion/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    return codes_page.context["codes"]


@pytest.mark.parametrize("role", [Role.PLANNING, Role.ADMINISTRATOR])
def test_a_user_who_sees_personal_data_is_sent_to_enrolment_before_any_staff_page(client, role):
    user = UserFactory(role=role)
    _login(client, user)
    for url in ["/gestion/", "/gestion/espacios/", "/gestion/auditoria/", "/gestion/cuenta/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{ENROL}?next={url.replace('/', '%2F')}"
    response = client.post("/gestion/espacios/", {})
    assert response.status_code == 302 and response["Location"] == ENROL


def test_a_planner_enrols_sees_ten_recovery_codes_once_and_then_reaches_staff_pages(client):
    user = UserFactory(role=Role.PLANNING)
    _login(client, user)
    page = client.get(ENROL)
    assert "Active la verificación en dos pasos" in page.text
    assert 'src="data:image/svg+xml' in page.text
    assert ' style="' not in page.text and "<script" not in page.text
    secret = page.context["enrolment"].secret.replace(" ", "")
    assert len(secret) == 32

    response = client.post(ENROL, {"code": "000000", "next": "/gestion/espacios/"})
    assert "El código no es correcto" in response.text
    assert 'class="error-summary"' in response.text
    assert client.session[PENDING_KEY_SESSION_KEY]  # the scanned key stays the same

    key = client.session[PENDING_KEY_SESSION_KEY]
    response = client.post(
        ENROL, {"code": f"{TOTP(unhexlify(key)).token():06d}", "next": "/gestion/espacios/"}
    )
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = codes_page.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert codes[0] in codes_page.text
    assert 'href="/gestion/espacios/"' in codes_page.text
    assert "no-store" in codes_page["Cache-Control"]

    again = client.get("/gestion/cuenta/verificacion/codigos/")
    assert again.status_code == 302 and codes[0] not in client.get(again["Location"]).text
    assert client.get("/gestion/").status_code == 200
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert AuditRecord.objects.filter(action="two_factor_enrol", object_id=str(user.pk)).exists()


def test_a_planner_with_an_app_types_its_code_after_the_password(client):
    user = UserFactory(role=Role.PLANNING)
    device = totp_device_for(user)
    _login(client, user)
    response = client.get("/gestion/espacios/")
    assert response["Location"] == f"{VERIFY}?next=%2Fgestion%2Fespacios%2F"

    page = client.get(response["Location"])
    assert "Verificación en dos pasos" in page.text
    response = client.post(VERIFY, {"code": totp_code(device), "next": "/gestion/espacios/"})
    assert response.status_code == 302 and response["Location"] == "/gestion/espacios/"
    assert client.get("/gestion/espacios/").status_code == 200


def test_a_wrong_code_is_refused_with_a_spanish_message_and_the_pages_stay_closed(client):
    user = UserFactory(role=Role.PLANNING)
    totp_device_for(user)
    _login(client, user)
    response = client.post(VERIFY, {"code": "123456", "next": "/gestion/"})
    assert response.status_code == 200
    assert "Hay un problema" in response.text
    assert "Código de verificación: El código no es correcto" in response.text
    response = client.post(VERIFY, {"code": "", "next": "/gestion/"})
    assert "Código de verificación: Escriba el código." in response.text
    assert client.get("/gestion/")["Location"].startswith(VERIFY)


def test_repeated_wrong_codes_are_slowed_down(client, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute after a failure, so the test cannot race
    user = UserFactory(role=Role.PLANNING)
    device = totp_device_for(user)
    _login(client, user)
    client.post(VERIFY, {"code": "123456"})
    response = client.post(VERIFY, {"code": totp_code(device)})
    assert response.status_code == 200
    assert "Hubo varios intentos fallidos seguidos" in response.text


def test_a_recovery_code_works_once(client):
    user = UserFactory(role=Role.PLANNING)
    _login(client, user)
    codes = _enrol(client)
    client.post("/gestion/salir/")

    _login(client, user)
    response = client.post(VERIFY, {"code": codes[3].upper(), "next": "/gestion/"})
    assert response.status_code == 302 and response["Location"] == "/gestion/"
    assert client.get("/gestion/").status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == 9
    assert AuditRecord.objects.filter(action="two_factor_recovery_code_use").count() == 1
    client.post("/gestion/salir/")

    _login(client, user)
    response = client.post(VERIFY, {"code": codes[3], "next": "/gestion/"})
    assert response.status_code == 200
    assert "El código no es correcto" in response.text


def test_office_staff_may_work_without_an_app_and_may_turn_it_on(client):
    user = UserFactory(role=Role.OFFICE_STAFF)
    _login(client, user)
    assert client.get("/gestion/").status_code == 200
    account = client.get("/gestion/cuenta/")
    assert "No está activa" in account.text
    _enrol(client)
    assert client.get("/gestion/").status_code == 200
    client.post("/gestion/salir/")
    _login(client, user)
    assert client.get("/gestion/")["Location"].startswith(VERIFY)


def test_new_recovery_codes_need_a_current_code_and_replace_the_old_ones(client):
    user = UserFactory(role=Role.PLANNING)
    _login(client, user)
    old = _enrol(client)
    url = "/gestion/cuenta/verificacion/codigos/nuevos/"
    response = client.post(url, {"code": "999999"})
    assert "El código no es correcto" in response.text
    response = client.post(url, {"code": old[0]})
    assert response.status_code == 302
    new = client.get(response["Location"]).context["codes"]
    assert not set(new) & set(old)
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert AuditRecord.objects.filter(action="two_factor_recovery_codes_regenerate").exists()


def test_a_planner_who_removes_the_app_must_enrol_a_new_one(client):
    user = UserFactory(role=Role.PLANNING)
    _login(client, user)
    _enrol(client)
    url = "/gestion/cuenta/verificacion/quitar/"
    response = client.post(url, {"code": "abcd-efgh"})
    assert response.status_code == 200 and "El código no es correcto" in response.text
    assert TOTPDevice.objects.filter(user=user).exists()

    response = client.post(url, {"code": totp_code(totp_device_for(user))})
    assert response["Location"] == ENROL
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert client.get("/gestion/")["Location"].startswith(ENROL)
    _enrol(client)
    assert client.get("/gestion/").status_code == 200


def test_an_administrator_resets_a_users_two_factor_and_it_is_audited(client):
    admin = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    planner = UserFactory(role=Role.PLANNING)
    totp_device_for(planner)
    _login(client, admin)
    client.post(VERIFY, {"code": totp_code(totp_device_for(admin))})

    changelist = client.get("/gestion/admin/core/user/")
    assert "Restablecer la verificación en dos pasos" in changelist.text
    assert client.get("/gestion/admin/otp_totp/totpdevice/").status_code == 404
    response = client.post(
        "/gestion/admin/core/user/",
        {"action": "reset_two_factor", "_selected_action": [planner.pk]},
        follow=True,
    )
    assert "Se restableció la verificación en dos pasos de 1 usuario" in response.text
    assert not TOTPDevice.objects.filter(user=planner).exists()
    record = AuditRecord.objects.get(action="two_factor_reset")
    assert record.actor == admin and record.object_id == str(planner.pk)


def test_a_reset_reaches_a_session_that_was_already_verified(client):
    planner = UserFactory(role=Role.PLANNING)
    device = totp_device_for(planner)
    _login(client, planner)
    client.post(VERIFY, {"code": totp_code(device)})
    assert client.get("/gestion/").status_code == 200

    TOTPDevice.objects.filter(user=planner).delete()
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] -= 120  # the next request re-reads the devices
    session.save()
    assert client.get("/gestion/")["Location"].startswith(ENROL)


def test_the_login_throttle_still_counts_wrong_passwords_of_users_with_an_app(client):
    user = UserFactory(role=Role.PLANNING, username="ana")
    totp_device_for(user)
    for _ in range(5):
        client.post("/gestion/entrar/", {"username": "ana", "password": "mala"})
    response = client.post("/gestion/entrar/", {"username": "ana", "password": PASSWORD})
    assert response.status_code == 429


def test_a_reset_while_the_code_is_asked_leads_to_enrolment(client):
    planner = UserFactory(role=Role.PLANNING)
    totp_device_for(planner)
    _login(client, planner)
    assert client.get("/gestion/")["Location"].startswith(VERIFY)

    TOTPDevice.objects.filter(user=planner).delete()
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] -= 120
    session.save()
    assert client.get("/gestion/")["Location"].startswith(ENROL)
