"""Browser harness: Debian's Chromium driven by Playwright, with axe-core for accessibility.

Without Chromium the browser tests are skipped locally and fail under CI=true.
"""

import os
import shutil

import pytest

from rendicion.conftest import _demo_snapshot, demo  # noqa: F401  (the same demo year as in src/)

# Playwright's sync API keeps an event loop in the test thread; Django's ORM, used by the tests
# to arrange data, refuses to run there unless told it is safe (it is: the tests are sync).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 740}


def _chromium_path() -> str | None:
    return (
        os.environ.get("CHROMIUM_PATH")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    path = _chromium_path()
    if path is None:
        if IN_CI:
            pytest.fail("Chromium es obligatorio con CI=true (make browser lo instala).")
        pytest.skip("Chromium no está instalado (make browser lo instala).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    page.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        locale="es-CO",
        timezone_id="America/Bogota",
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Runs axe-core (bundled with axe-playwright-python, no CDN) and fails on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> None:
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} → "
            + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
            for v in violations
        ]
        assert not violations, f"axe en {page.url}:\n" + "\n".join(summary)

    return check


@pytest.fixture
def login(live_server):
    """Logs a page in through the real login form and the second step (e2e/staff_login.py)."""
    from e2e.staff_login import staff_login

    def do_login(page, username: str, password: str) -> None:
        staff_login(page, live_server.url, username, password)

    return do_login
