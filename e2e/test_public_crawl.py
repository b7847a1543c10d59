"""Every public page a citizen can reach from `/`, found by following links, passes axe on a
phone and on a desktop, carries the entity's identity and legal links, and logs no errors.

The pages are not listed by hand: a new page is checked as soon as a link leads to it.
"""

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.django_db(transaction=True)

MAX_PAGES = 300
WIDTHS = {"teléfono": {"width": 390, "height": 844}, "escritorio": {"width": 1366, "height": 768}}
DOWNLOADS = (
    ".pdf",
    ".docx",
    ".ics",
    ".csv",
    ".xlsx",
    ".json",
    ".jsonld",
    ".ttl",
    ".xml",
    ".zip",
    ".png",
    ".jpg",
    ".html",
)  # fmt: skip  (pages end in "/"; a path ending in .html is an export, such as the topic matrix)
# Staff pages need a login (they redirect to it); the login page itself is public.
STAFF_PREFIX = "/gestion/"
PUBLIC_STAFF_PAGES = {"/gestion/entrar/"}
# The home page, and the staff login (public, though no public page links to it).
START = ("/", "/gestion/entrar/")
# Pages whose main heading the crawl must find (once in a hand list of their own).
HEADINGS = {
    "/": "Rendición de cuentas",
    "/estrategia/2023/": "Estrategia de rendición de cuentas 2023",
    "/politica-de-datos/": "Política de tratamiento de datos personales",
    "/terminos-de-uso/": "Términos y condiciones de uso",
    "/datos/": "Datos abiertos",
    "/datos/2023/participacion/": "Participación por espacio 2023",
    "/gestion/entrar/": "Entrar a la gestión",
}


def _crawlable(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return False
    path = parts.path
    if path.lower().endswith(DOWNLOADS) or path.startswith(("/api/v1/", "/datos/api/")):
        return False
    return not path.startswith(STAFF_PREFIX) or path in PUBLIC_STAFF_PAGES


def _links(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    return [urldefrag(href).url for href in hrefs if _crawlable(urldefrag(href).url, origin)]


def _check_page(page, axe_check, path: str) -> list[str]:
    """What is wrong with the page now open, as readable lines (none when all is well)."""
    problems = []
    try:
        axe_check(page)
    except AssertionError as violations:
        problems.append(str(violations))
    identity = {
        "GOV.CO": page.get_by_role("link", name="GOV.CO Portal del Estado colombiano"),
        "política de datos": page.get_by_role(
            "link", name="Política de tratamiento de datos personales"
        ),
    }
    problems += [
        f"{path}: falta el enlace {name}" for name, link in identity.items() if not link.count()
    ]
    headings = page.get_by_role("heading", level=1)
    if headings.count() != 1:
        problems.append(f"{path}: {headings.count()} encabezados de nivel 1")
    elif path in HEADINGS and headings.inner_text().strip() != HEADINGS[path]:
        problems.append(f"{path}: encabezado «{headings.inner_text()}»")
    return problems


def _crawl(browser, origin: str, viewport: dict, axe_check) -> tuple[set[str], list[str]]:
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota", viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    start = [f"{origin}{path}" for path in START]
    queue, seen, visited, problems = deque(start), set(start), set(), []
    try:
        while queue and len(visited) < MAX_PAGES:
            url = queue.popleft()
            path = url.removeprefix(origin)
            try:
                response = page.goto(url)
            except PlaywrightError as error:  # a download that no extension announced
                problems.append(f"{path}: {error.message.splitlines()[0]}")
                continue
            if response.status != 200:
                problems.append(f"{path}: respuesta {response.status}")
                continue
            if not response.headers.get("content-type", "").startswith("text/html"):
                continue
            visited.add(path)
            errors.clear()
            problems += _check_page(page, axe_check, path)
            problems += [f"{path}: consola: {e}" for e in errors]
            for link in _links(page, origin):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    finally:
        context.close()
    return visited, problems


def test_every_public_page_reachable_from_home_is_accessible_on_phone_and_desktop(
    demo, live_server, browser, axe_check
):
    problems = []
    for name, viewport in WIDTHS.items():
        visited, found = _crawl(browser, live_server.url, viewport, axe_check)
        problems += [f"[{name}] {p}" for p in found]
        print(f"crawl [{name}]: {len(visited)} pages")
        # The crawl reaches the pages a citizen needs, frozen report versions included.
        missing = set(HEADINGS) - visited
        problems += [f"[{name}] la exploración no llegó a {path}" for path in sorted(missing)]
        for prefix in ("/informes/publicados/", "/espacios/"):
            if not any(p.startswith(prefix) for p in visited):
                problems.append(f"[{name}] la exploración no llegó a ninguna página {prefix}")
        if len(visited) >= MAX_PAGES:
            problems.append(f"[{name}] la exploración llegó a su límite de {MAX_PAGES} páginas")
    assert not problems, "\n".join(problems)
