"""One way to write dates and numbers on every public page (es-CO, plain language).

The pages are found by crawling from the home page, as a visitor would, over the demo year.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

pytestmark = pytest.mark.django_db

MAX_PAGES = 400
MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
CAPITALS = "|".join(month.capitalize() for month in MONTHS.split())
CAPITAL_MONTH = re.compile(r"\b\d{1,2} de (" + CAPITALS + r")\b")
DOUBLE_STOP = re.compile(r"\b[ap]\.\s?m\.\.")
# Nouns the site counts; after a lone "1" they must be singular.
PLURAL_AFTER_ONE = re.compile(
    r"(?<![\d.,])\b1\s+(asistencias|evaluaciones|preguntas|respuestas|personas|espacios|"
    r"diálogos|audiencias|compromisos|temas|actividades|días|meses|años|votos|versiones|"
    r"informes|grupos|dependencias|comentarios|publicaciones|fotos|resultados)\b"
)
DECIMAL_POINT = re.compile(r"(?<![\w.])\d{1,3}\.\d{1,2}(?![\d.])(?:\s?%)?")
# Licence names ("Creative Commons Atribución 4.0 Internacional (CC BY 4.0)") are names.
LICENCE_NAME = re.compile(r"Creative Commons [^()]*\([^)]*\)|\bCC(?:0 1\.0| BY(?:-SA)? 4\.0)")
OVER_TARGET = re.compile(r"\b(\d+) de (\d+) (diálogos|audiencias|informes|espacios)\b")


class _Page(HTMLParser):
    """The text a visitor reads (no scripts or styles), and the links on the page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name == "href" and value and not value.startswith(("#", "mailto:", "tel:")):
                self.links.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def _public_pages(client) -> dict[str, str]:
    pages: dict[str, str] = {}
    queue, seen = deque(["/"]), {"/"}
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        html = "text/html" in response.get("Content-Type", "")
        if response.status_code != 200 or not html or response.streaming:
            continue
        parser = _Page()
        parser.feed(response.content.decode())
        pages[url] = " ".join(" ".join(parser.text).split())
        for link in parser.links:
            target = urldefrag(urljoin(url, link)).url
            parts = urlsplit(target)
            if parts.netloc or parts.path.startswith(("/gestion/", "/static/", "/admin/")):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


def _problems(text: str) -> list[str]:
    text = LICENCE_NAME.sub("", text)
    found = []
    for pattern, what in (
        (CAPITAL_MONTH, "mes con mayúscula"),
        (DOUBLE_STOP, "«a. m.» con punto doble"),
        (PLURAL_AFTER_ONE, "plural después de 1"),
        (DECIMAL_POINT, "punto decimal"),
    ):
        found += [f"{what}: «{m.group(0)}»" for m in pattern.finditer(text)]
    for match in OVER_TARGET.finditer(text):
        if int(match.group(1)) > int(match.group(2)):
            found.append(f"logro mayor que la meta escrito como «{match.group(0)}»")
    return found


def test_the_checks_catch_what_they_are_meant_to_catch():
    assert _problems("el 20 de Abril de 2023, 10:00 a.m.. Hubo 1 evaluaciones, 92.9 %") == [
        "mes con mayúscula: «20 de Abril»",
        "«a. m.» con punto doble: «a.m..»",
        "plural después de 1: «1 evaluaciones»",
        "punto decimal: «92.9 %»",
    ]
    assert _problems("4 de 3 diálogos") == [
        "logro mayor que la meta escrito como «4 de 3 diálogos»"
    ]
    assert _problems("20 de abril de 2023, 339.876 interacciones, 1 evaluación, 11 días") == []
    assert _problems("Licencia CC BY 4.0 o CC0 1.0") == []
    assert _problems("Creative Commons Atribución 4.0 Internacional (CC BY 4.0)") == []


def test_no_public_page_writes_a_date_or_a_number_the_wrong_way(client, demo):
    pages = _public_pages(client)
    assert len(pages) > 20, sorted(pages)
    problems = [f"{url}: {problem}" for url, text in pages.items() for problem in _problems(text)]
    assert problems == [], "\n".join(problems)
