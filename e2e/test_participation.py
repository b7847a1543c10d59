"""A citizen registers attendance and evaluates a space, on a phone, with or without JavaScript."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rendicion.participation.models import Attendance, Evaluation
from rendicion.spaces import services as space_services

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
SLUG = "dialogo-ciudadano-abierto"
TITLE = "Diálogo ciudadano sobre servicio a la ciudadanía"
VENUE_ADDRESS = "Calle 11 No. 8-17"
# A fictitious citizen (documents in the demo's reserved range, e-mail on a reserved domain).
CITIZEN = {
    "name": "Marcela Rojas Pinzón",
    "document": "99000777",
    "email": "marcela.rojas@example.invalid",
}

# What the error summary lists when the attendance form is sent empty, in the form's order.
EMPTY_FORM_ERRORS = [
    "Nombres y apellidos: Escriba sus nombres y apellidos.",
    "Tipo de documento: Elija el tipo de documento.",
    "Número de documento: Escriba el número de su documento.",
    "Sexo: Elija una opción. Puede elegir «Prefiero no responder».",
    "Edad (en años): Escriba su edad o elija un rango (puede elegir «Prefiero no responder»).",
    "¿En qué localidad de Bogotá vive?: Elija su localidad o «Vivo fuera de Bogotá».",
    "Autorizo el tratamiento de mis datos personales según el texto anterior: Para registrar su "
    "asistencia necesitamos su autorización. Sin ella no guardamos ningún dato.",
]


@pytest.fixture
def open_space(demo):
    """A hybrid dialogue starting in an hour: attendance open (a week before), evaluation open."""
    seeded = demo
    starts = timezone.now() + dt.timedelta(hours=1)
    space = space_services.space_create(
        actor=None,
        strategy=seeded.strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title=TITLE,
            slug=SLUG,
            starts_at=starts,
            modality="hybrid",
            venue_name="Manzana Liévano",
            venue_address=VENUE_ADDRESS,
            venue_locality="La Candelaria",
            topics=["Servicio a la ciudadanía"],
        ),
    )
    space_services.space_channels_replace(
        actor=None,
        space=space,
        channels=[
            space_services.ChannelData("YouTube", "Secretaría General", "https://www.youtube.com/"),
            space_services.ChannelData(
                "Facebook Live", "@SgeneralBogota", "https://www.facebook.com/SgeneralBogota"
            ),
        ],
    )
    space_services.space_form_window_set(
        actor=None,
        space=space,
        form="evaluation",
        opens_at=timezone.now() - dt.timedelta(minutes=1),
        closes_at=starts + dt.timedelta(days=2),
    )
    return space


def assert_no_sideways_scroll(page) -> None:
    # Asked through the DevTools protocol: page.evaluate() cannot run when JavaScript is off.
    metrics = page.context.new_cdp_session(page).send("Page.getLayoutMetrics")
    content, viewport = metrics["cssContentSize"], metrics["cssLayoutViewport"]
    assert content["width"] <= viewport["clientWidth"] == PHONE["width"], (content, viewport)


def fill_attendance(page, *, citizen=CITIZEN, sex="Mujer", age="34") -> None:
    page.get_by_label("Nombres y apellidos").fill(citizen["name"])
    page.get_by_label("Tipo de documento").select_option(label="Cédula de ciudadanía")
    page.get_by_label("Número de documento").fill(citizen["document"])
    page.get_by_label("Correo electrónico").fill(citizen["email"])
    page.get_by_role("group", name="Sexo").get_by_label(sex, exact=True).check()
    page.get_by_label("Edad (en años)").fill(age)
    page.get_by_label("¿En qué localidad de Bogotá vive?").select_option("Kennedy")
    page.get_by_label("Autorizo el tratamiento de mis datos personales").check()


def submit_attendance(page) -> None:
    page.get_by_role("button", name="Enviar mi registro").click()


def expect_confirmation(page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Su asistencia quedó registrada")
    expect(page).to_have_url(
        re.compile(rf"/espacios/{SLUG}/asistencia/registrada/[0-9a-f-]+/(#.*)?$")
    )


def citizen_registers_on_a_phone(page, live_server, axe_check=None) -> None:
    """The whole story; axe needs JavaScript, so it runs only when the page has it."""
    page.goto(f"{live_server.url}/espacios/{SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_no_sideways_scroll(page)
    if axe_check:
        axe_check(page)

    page.get_by_role("link", name="Registrar mi asistencia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registre su asistencia")
    assert_no_sideways_scroll(page)
    if axe_check:
        axe_check(page)

    # Sent empty: the summary at the top lists every problem, and each link jumps to its field.
    submit_attendance(page)
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_no_sideways_scroll(page)
    if axe_check:
        axe_check(page)
    links = summary.get_by_role("link")
    expect(links).to_have_text(EMPTY_FORM_ERRORS)
    for index in range(len(EMPTY_FORM_ERRORS)):
        target = links.nth(index).get_attribute("href")
        links.nth(index).click()
        expect(page.locator(target)).to_be_focused()
    assert Attendance.objects.filter(space__slug=SLUG).count() == 0

    fill_attendance(page)
    submit_attendance(page)
    expect_confirmation(page)
    assert_no_sideways_scroll(page)
    if axe_check:
        axe_check(page)

    attendance = Attendance.objects.get(space__slug=SLUG)
    assert attendance.document_number == CITIZEN["document"]
    assert (attendance.sex, attendance.age, attendance.age_group) == ("mujer", 34, "adulto")
    assert attendance.locality == "Kennedy"
    assert attendance.consent_text is not None


def test_citizen_on_a_phone_registers_attendance_from_the_space_page(
    open_space, live_server, phone_page, axe_check
):
    citizen_registers_on_a_phone(phone_page, live_server, axe_check)


def test_citizen_on_a_phone_without_javascript_registers_attendance(
    open_space, live_server, browser
):
    context = browser.new_context(
        locale="es-CO",
        timezone_id="America/Bogota",
        java_script_enabled=False,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(10_000)
    try:
        citizen_registers_on_a_phone(context.new_page(), live_server)
    finally:
        context.close()


def test_second_click_while_the_first_is_on_its_way_stores_one_attendance(
    open_space, live_server, page
):
    page.goto(f"{live_server.url}/espacios/{SLUG}/asistencia/")
    fill_attendance(page)
    reached_server: list[str] = []
    held = {"first_answered": False, "second": None}

    def slow_connection(route):
        # The first send reaches the server, and is stored, but its answer is slow to come back,
        # as on a mobile connection: the citizen, seeing nothing happen, clicks again. The
        # second send is let through once the first is stored (racing writers are tested on
        # PostgreSQL in participation/tests/test_races.py; SQLite's shared in-memory test
        # database answers "table is locked" instead of waiting).
        reached_server.append(route.request.method)
        if len(reached_server) == 1:
            route.fetch()
            held["first_answered"] = True
            if held["second"] is not None:
                held["second"].continue_()
        elif held["first_answered"]:
            route.continue_()
        else:
            held["second"] = route

    page.route(f"**/espacios/{SLUG}/asistencia/", slow_connection)
    send = page.get_by_role("button", name="Enviar mi registro")
    send.scroll_into_view_if_needed()
    box = send.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    # The mouse, unlike a locator, does not wait for the first send to come back.
    with page.expect_request(lambda request: request.method == "POST"):
        page.mouse.click(x, y)
    page.mouse.click(x, y)

    expect_confirmation(page)
    assert reached_server == ["POST", "POST"]
    assert Attendance.objects.filter(space=open_space).count() == 1


def test_double_click_then_back_and_send_again_store_one_attendance(open_space, live_server, page):
    page.goto(f"{live_server.url}/espacios/{SLUG}/asistencia/")
    fill_attendance(page)

    page.get_by_role("button", name="Enviar mi registro").dblclick()

    expect_confirmation(page)
    assert Attendance.objects.filter(space=open_space).count() == 1

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registre su asistencia")
    # Chromium does not restore fields marked autocomplete="off", such as the document number.
    page.get_by_label("Número de documento").fill(CITIZEN["document"])
    submit_attendance(page)

    expect_confirmation(page)
    assert Attendance.objects.filter(space=open_space).count() == 1


def test_back_and_send_again_shows_the_same_confirmation(open_space, live_server, page):
    page.goto(f"{live_server.url}/espacios/{SLUG}/asistencia/")
    fill_attendance(page)
    submit_attendance(page)
    expect_confirmation(page)
    done_url = page.url

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registre su asistencia")
    # Back fetches a fresh form (new submission key); the browser does not refill the document
    # number (autocomplete=off, for shared devices at the venue), so the citizen types it again.
    page.get_by_label("Número de documento").fill(CITIZEN["document"])
    submit_attendance(page)

    expect(page.get_by_role("status")).to_be_visible()
    assert page.url == done_url
    expect_confirmation(page)
    assert Attendance.objects.filter(space=open_space).count() == 1


def test_same_person_registering_again_is_told_and_not_counted_twice(
    open_space, live_server, page, axe_check
):
    page.goto(f"{live_server.url}/espacios/{SLUG}/asistencia/")
    fill_attendance(page)
    submit_attendance(page)
    expect_confirmation(page)

    # Later, from another device, with the same document but another e-mail and spelling.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/espacios/{SLUG}/asistencia/")
    other = {"name": "MARCELA ROJAS", "document": "99.000.777", "email": "marce@example.invalid"}
    fill_attendance(page, citizen=other, sex="Prefiero no responder", age="35")
    submit_attendance(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Usted ya estaba registrado en este espacio"
    )
    expect(page.get_by_role("status")).to_contain_text("ya estaba registrado")
    axe_check(page)
    attendance = Attendance.objects.get(space=open_space)
    assert (attendance.full_name, attendance.email) == (CITIZEN["name"], CITIZEN["email"])


def test_citizen_on_a_phone_evaluates_the_space_with_a_comment(
    open_space, live_server, phone_page, axe_check
):
    page = phone_page
    page.goto(f"{live_server.url}/espacios/{SLUG}/")
    page.get_by_role("link", name="Evaluar este espacio").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Evalúe este espacio")
    assert_no_sideways_scroll(page)
    axe_check(page)

    answers = {
        "En general, ¿cómo le pareció el espacio?": "5 — Muy bien",
        "¿Qué tan clara fue la información?": "4 — Bien",
        "¿Qué tan útil fue para usted?": "3 — Regular",
        "¿Se habló del tema que le interesaba?": "En parte",
        "¿Volvería a participar?": "Sí",
    }
    for question, answer in answers.items():
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    comment = "Faltó tiempo para las preguntas del público."
    page.get_by_label("Comentario o sugerencia").fill(comment)
    page.get_by_role("button", name="Enviar mi evaluación").click()

    # A comment may hold personal data: it is kept only with the authorisation.
    summary = page.get_by_role("alert", name="Hay un problema")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Para guardar su comentario necesitamos su autorización")
    consent = page.get_by_label("Autorizo el tratamiento de los datos que escribí en el comentario")
    expect(consent).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link").click()
    expect(consent).to_be_focused()
    expect(page.get_by_label("Comentario o sugerencia")).to_have_value(comment)
    assert_no_sideways_scroll(page)
    axe_check(page)
    assert not Evaluation.objects.filter(space=open_space).exists()

    consent.check()
    page.get_by_role("button", name="Enviar mi evaluación").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gracias: su evaluación quedó guardada"
    )
    assert_no_sideways_scroll(page)
    axe_check(page)
    evaluation = Evaluation.objects.get(space=open_space)
    assert (evaluation.satisfaction, evaluation.clarity, evaluation.usefulness) == (5, 4, 3)
    assert (evaluation.topic_covered, evaluation.would_return) == ("partly", "yes")
    assert evaluation.comment == comment
    assert evaluation.consent_text is not None and evaluation.consent_at is not None


def test_hybrid_space_shows_venue_and_streaming_links_and_public_lists_are_accessible(
    open_space, live_server, page, axe_check
):
    page.goto(f"{live_server.url}/espacios/{SLUG}/")
    details = page.locator("dl.details")
    expect(details).to_contain_text("Mixto")
    expect(details).to_contain_text("Manzana Liévano")
    expect(details).to_contain_text(VENUE_ADDRESS)
    youtube = details.get_by_role("link", name="YouTube — Secretaría General")
    expect(youtube).to_have_attribute("href", "https://www.youtube.com/")
    facebook = details.get_by_role("link", name="Facebook Live — @SgeneralBogota")
    expect(facebook).to_have_attribute("href", "https://www.facebook.com/SgeneralBogota")

    # The demo's hybrid dialogue, already held, shows the same.
    page.goto(f"{live_server.url}/espacios/dialogo-territorio-inteligente-2023/")
    details = page.locator("dl.details")
    expect(details).to_contain_text("Avenida El Dorado No. 68D-35")
    for channel in ("Facebook Live", "YouTube", "LinkedIn"):
        expect(details.get_by_role("link", name=re.compile(f"^{channel} — "))).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Este espacio ya se realizó.")
    axe_check(page)

    page.get_by_role("link", name="Códigos QR para imprimir").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Logros Bogotá Territorio Inteligente 2022 – 2023"
    )
    for label, path in (
        ("Registre su asistencia", "asistencia"),
        ("Evalúe este espacio", "evaluacion"),
    ):
        card = page.get_by_role("region", name=label)
        expect(card.get_by_role("img", name=label)).to_be_visible()
        expect(card).to_contain_text(
            f"{live_server.url}/espacios/dialogo-territorio-inteligente-2023/{path}/"
        )
    axe_check(page)

    page.goto(f"{live_server.url}/espacios/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Audiencias públicas y diálogos ciudadanos"
    )
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    expect(
        page.get_by_role("link", name="Audiencia Pública de Rendición de Cuentas – Vigencia 2022")
    ).to_be_visible()
    axe_check(page)


def test_personal_data_never_reaches_the_public_pages(open_space, live_server, page):
    page.goto(f"{live_server.url}/espacios/{SLUG}/asistencia/")
    fill_attendance(page)
    submit_attendance(page)
    expect_confirmation(page)
    assert Attendance.objects.filter(space=open_space).count() == 1
    # One of the demo's (fictitious) attendees of a held space, too.
    demo_person = Attendance.objects.filter(
        space__slug="dialogo-territorio-inteligente-2023"
    ).first()
    assert demo_person is not None

    secrets = [
        CITIZEN["name"],
        CITIZEN["document"],
        CITIZEN["email"],
        demo_person.full_name,
        demo_person.document_number,
    ]
    if demo_person.email:
        secrets.append(demo_person.email)
    for path in (
        page.url,
        f"/espacios/{SLUG}/",
        f"/espacios/{SLUG}/codigos-qr/",
        "/espacios/dialogo-territorio-inteligente-2023/",
        "/espacios/",
    ):
        page.goto(path if path.startswith("http") else f"{live_server.url}{path}")
        html = page.content()
        for secret in secrets:
            assert secret not in html, (path, secret)
