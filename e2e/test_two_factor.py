"""A planner's first login: enrolment of an authentication app, recovery codes, then a later
login with a code — in the browser, checked with axe on a desktop and at phone width."""

import re
from base64 import b32decode

from django_otp.oath import TOTP
from playwright.sync_api import expect

from e2e.conftest import PHONE
from rendicion.core.models import User
from rendicion.core.tests.two_factor import totp_code, totp_device_for

PASSWORD = "rendicion-demo"
DESKTOP = {"width": 1280, "height": 800}


def _axe_at_both_widths(page, axe_check) -> None:
    axe_check(page)
    page.set_viewport_size(PHONE)
    axe_check(page)
    page.set_viewport_size(DESKTOP)


def test_a_planner_enrols_on_first_login_and_later_logs_in_with_a_code(
    demo, live_server, page, axe_check
):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/gestion/espacios/")
    page.get_by_label("Usuario").fill("demo-planeacion")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()

    expect(page).to_have_url(re.compile(r"/gestion/cuenta/verificacion/activar/\?next="))
    expect(page.get_by_role("heading", level=1)).to_have_text("Active la verificación en dos pasos")
    expect(
        page.get_by_role(
            "img", name="Código QR para agregar Rendición a su aplicación de autenticación"
        )
    ).to_be_visible()
    _axe_at_both_widths(page, axe_check)

    page.get_by_role("button", name="Activar", exact=True).click()
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Escriba el código que muestra la aplicación.")
    _axe_at_both_widths(page, axe_check)

    secret = page.locator(".secret code").inner_text().replace(" ", "")
    page.get_by_label("Código de 6 dígitos").fill(f"{TOTP(b32decode(secret)).token():06d}")
    page.get_by_role("button", name="Activar", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sus códigos de recuperación")
    expect(
        page.get_by_role("list", name="Códigos de recuperación").get_by_role("listitem")
    ).to_have_count(10)
    _axe_at_both_widths(page, axe_check)
    page.get_by_role("link", name="Ya los guardé, continuar").click()
    expect(page).to_have_url(f"{live_server.url}/gestion/espacios/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audiencias y diálogos")

    page.get_by_role("button", name="Salir").click()
    page.goto(f"{live_server.url}/gestion/")
    page.get_by_label("Usuario").fill("demo-planeacion")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    expect(page).to_have_url(re.compile(r"/gestion/verificar/\?next=%2Fgestion%2F$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Verificación en dos pasos")
    _axe_at_both_widths(page, axe_check)

    page.get_by_label("Código de verificación").fill("000000")
    page.get_by_role("button", name="Continuar").click()
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("El código no es correcto.")
    _axe_at_both_widths(page, axe_check)

    device = totp_device_for(User.objects.get(username="demo-planeacion"))
    device.throttle_reset()  # the wrong code above slows the next try down by a second
    page.get_by_label("Código de verificación").fill(totp_code(device))
    page.get_by_role("button", name="Continuar").click()
    expect(page).to_have_url(f"{live_server.url}/gestion/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lo que tiene pendiente")
