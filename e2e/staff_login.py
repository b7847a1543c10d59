"""The one way browser tests log staff in: the real login form, then the second step (2FA)
with a code computed from the user's app, which is created for them when they have none."""

from rendicion.core.models import User
from rendicion.core.permissions import must_use_two_factor
from rendicion.core.tests.two_factor import totp_code, totp_device_for

VERIFY_PATH = "/gestion/verificar/"


def staff_two_factor_prepare(username: str) -> None:
    """A user who must use 2FA gets an app, as if they had enrolled on an earlier visit."""
    user = User.objects.get(username=username)
    if must_use_two_factor(user):
        totp_device_for(user)


def staff_login_submit(page, base_url: str, username: str, password: str) -> None:
    staff_two_factor_prepare(username)
    page.goto(f"{base_url}/gestion/entrar/")
    page.get_by_label("Usuario").fill(username)
    page.get_by_label("Contraseña").fill(password)
    page.get_by_role("button", name="Entrar").click()


def staff_two_factor_complete(page, username: str) -> None:
    """Types the app's current code on the verification page, when the login led there."""
    page.wait_for_url(lambda url: "/entrar/" not in url)
    if VERIFY_PATH not in page.url:
        return
    device = totp_device_for(User.objects.get(username=username))
    page.get_by_label("Código de verificación").fill(totp_code(device))
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url(lambda url: VERIFY_PATH not in url)


def staff_login(page, base_url: str, username: str, password: str) -> None:
    staff_login_submit(page, base_url, username, password)
    staff_two_factor_complete(page, username)
