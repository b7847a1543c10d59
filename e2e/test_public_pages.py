"""A citizen visits the public site: it works on a phone and without JS.

Every public page's accessibility, identity links and console are checked by the crawl in
test_public_crawl.py, at phone and desktop widths.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

SEED_ACTIVITIES = 13


@pytest.fixture
def seeded(demo):
    return demo


def test_missing_page_shows_an_accessible_spanish_404(seeded, live_server, page, axe_check):
    response = page.goto(f"{live_server.url}/estrategia/1999/")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("No encontramos esta página")
    expect(page.get_by_role("link", name="Ir al inicio")).to_be_visible()
    axe_check(page)
    # Chromium reports the 404 status of the document itself; nothing else may be logged.
    assert [e for e in page.console_errors if "status of 404" not in e] == []


def test_data_request_form_errors_are_accessible(seeded, live_server, page, axe_check):
    page.goto(f"{live_server.url}/datos-personales/solicitud/")
    page.get_by_role("button", name="Enviar mi solicitud").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Elija qué quiere hacer con sus datos.")
    expect(summary).to_contain_text("Escriba su número de documento.")
    axe_check(page)
    assert page.console_errors == []


def test_citizen_on_a_phone_sees_the_whole_cronograma_without_scrolling_sideways(
    seeded, live_server, phone_page, axe_check
):
    phone_page.goto(f"{live_server.url}/estrategia/2023/")

    cronograma = phone_page.get_by_role("table", name="Cronograma 2023: 13 actividades")
    rows = cronograma.locator("tbody tr")
    expect(rows).to_have_count(SEED_ACTIVITIES)
    for index in range(SEED_ACTIVITIES):
        expect(rows.nth(index)).to_be_visible()
    expect(rows.first).to_contain_text("Conformar el equipo líder de la estrategia")
    expect(rows.last).to_contain_text("Fomentar la apertura y el aprovechamiento de datos abiertos")
    widths = phone_page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, viewport: window.innerWidth})"
    )
    assert widths["viewport"] == 360
    assert widths["scroll"] <= widths["viewport"], widths
    axe_check(phone_page)


def test_strategy_page_works_without_javascript(seeded, live_server, browser):
    context = browser.new_context(locale="es-CO", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/estrategia/2023/")

        expect(page.get_by_role("heading", name="Cronograma", exact=True)).to_be_visible()
        cronograma = page.get_by_role("table", name="Cronograma 2023: 13 actividades")
        expect(cronograma.locator("tbody tr")).to_have_count(SEED_ACTIVITIES)
        expect(cronograma).to_contain_text("Realizar mínimo dos audiencias públicas")
    finally:
        context.close()


def test_first_tab_reveals_the_skip_link_which_jumps_to_the_main_content(seeded, live_server, page):
    page.goto(f"{live_server.url}/estrategia/2023/")
    skip_link = page.get_by_role("link", name="Saltar al contenido principal")
    expect(skip_link).not_to_be_in_viewport()

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    box = skip_link.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["width"] > 1 and box["height"] > 1, box

    page.keyboard.press("Enter")

    expect(page.locator("main#contenido")).to_be_focused()
    expect(page).to_have_url(f"{live_server.url}/estrategia/2023/#contenido")
