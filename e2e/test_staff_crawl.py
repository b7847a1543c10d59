"""Every staff page the demo administrator can reach from /gestion/, found by following links,
passes axe on a phone and on a desktop and logs no errors.

Only links are followed (GET): no form is ever submitted, so the crawl changes nothing, which
the audit log confirms. Django's own admin site, the logout and downloads are left out.
"""

from collections import Counter, deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

from e2e.staff_login import staff_login
from e2e.test_public_crawl import WIDTHS
from rendicion.core.models import AuditRecord

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "rendicion-demo"
START = "/gestion/"
STAFF_PREFIX = "/gestion/"
SKIPPED_PREFIXES = ("/gestion/admin/", "/gestion/salir/", "/gestion/entrar/", "/gestion/verificar/")
DOWNLOADS = (
    ".csv", ".xlsx", ".pdf", ".docx", ".ics", ".json", ".jsonld", ".zip", ".png", ".jpg",
)  # fmt: skip
DOWNLOAD_SEGMENTS = ("archivo", "file", "descargar", "original")  # "original": a photo as sent
# The demo's staff side links to more URLs than this (a page per space, question, commitment,
# audit page...). Once more are found, each URL pattern keeps its first few (breadth first);
# one question or commitment page is laid out like the next.
MAX_PAGES = 150
PER_PATTERN_WHEN_CAPPED = 3


def _crawlable(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return False
    path = parts.path
    if not path.startswith(STAFF_PREFIX) or path.startswith(SKIPPED_PREFIXES):
        return False
    if path.lower().endswith(DOWNLOADS):
        return False
    return not any(segment in DOWNLOAD_SEGMENTS for segment in path.strip("/").split("/"))


def _pattern(path: str) -> str:
    try:
        return resolve(path).view_name
    except Resolver404:
        return path


def _crawl(context, origin: str, axe_check) -> tuple[list[str], list[str], int]:
    """Visits the staff pages breadth first; returns them, the problems found, and how many
    links the per-pattern cap left out."""
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    start = f"{origin}{START}"
    queue, seen, visited, problems = deque([start]), {start}, [], []
    per_pattern: Counter[str] = Counter()
    capped = 0
    while queue:
        url = queue.popleft()
        path = url.removeprefix(origin)
        pattern = _pattern(urlsplit(path).path)
        if len(seen) > MAX_PAGES and per_pattern[pattern] >= PER_PATTERN_WHEN_CAPPED:
            capped += 1
            continue
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" not in error.message:  # a download is no page to check
                problems.append(f"{path}: {error.message.splitlines()[0]}")
            continue
        if response.status != 200:
            problems.append(f"{path}: respuesta {response.status}")
            continue
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        if not page.url.removeprefix(origin).startswith(STAFF_PREFIX) or "/entrar/" in page.url:
            problems.append(f"{path}: llevó a {page.url.removeprefix(origin)}")
            continue
        visited.append(path)
        per_pattern[pattern] += 1
        try:
            axe_check(page)
        except AssertionError as violations:
            problems.append(str(violations))
        headings = page.get_by_role("heading", level=1).count()
        if headings != 1:
            problems.append(f"{path}: {headings} encabezados de nivel 1")
        problems += [f"{path}: consola: {e}" for e in errors]
        errors.clear()
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            link = urldefrag(href).url
            if link not in seen and _crawlable(link, origin):
                seen.add(link)
                queue.append(link)
    page.close()
    return visited, problems, capped


def test_every_staff_page_the_administrator_reaches_is_accessible_on_phone_and_desktop(
    demo, live_server, browser, axe_check
):
    origin = live_server.url
    login_context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    try:
        staff_login(login_context.new_page(), origin, "demo-admin", PASSWORD)
        session = login_context.storage_state()
    finally:
        login_context.close()
    audit_before = AuditRecord.objects.count()

    problems = []
    for name, viewport in WIDTHS.items():
        context = browser.new_context(
            locale="es-CO", timezone_id="America/Bogota", viewport=viewport, storage_state=session
        )
        try:
            visited, found, capped = _crawl(context, origin, axe_check)
        finally:
            context.close()
        print(f"staff crawl [{name}]: {len(visited)} pages, {capped} left out by the cap")
        problems += [f"[{name}] {p}" for p in found]
        # The crawl reaches the main work areas, not only the home page.
        for prefix in ("/gestion/espacios/", "/gestion/estrategias/", "/gestion/preguntas/"):
            if not any(p.startswith(prefix) for p in visited):
                problems.append(f"[{name}] la exploración no llegó a ninguna página {prefix}")

    assert AuditRecord.objects.count() == audit_before, "la exploración cambió datos"
    assert not problems, "\n".join(problems)
