"""The canary: a made-up person whose name, document, e-mail and phone are unique strings enters
through every public input, and none of those strings comes out of anything public afterwards:
datasets in every format, the catalogue files, the CKAN actions, the public pages and the annual
report. Another output joins the check by adding a producer of URLs to PUBLIC_URL_PRODUCERS.
"""

import datetime as dt
import io
import json
import re
import uuid
import zipfile
from collections import deque
from collections.abc import Callable, Iterable

import pytest
from django.utils import timezone
from pypdf import PdfReader

from rendicion.api.schemas import API_CHANNELS
from rendicion.api.services import api_token_create
from rendicion.core.models import Office, User
from rendicion.opendata.datasets import DATASETS
from rendicion.participation.services import attendance_import
from rendicion.questions import services as question_services
from rendicion.questions.models import Question
from rendicion.reports.selectors import annual_report_data
from rendicion.reports.services import report_publish_annual
from rendicion.spaces import services as space_services
from rendicion.spaces.models import Space
from rendicion.strategy.selectors import strategy_years
from rendicion.strategy.tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db

# ASCII only, so that no output can escape them (JSON's \\u00e1) past the search.
NAME = "Canarioxq Pajarolinoz"
DOCUMENT = "99055512347"
EMAIL = "canarioxq.pajarolinoz@example.invalid"
PHONE = "3009988776"
CANARY = (NAME, "Pajarolinoz", DOCUMENT, "99.055.512.347", EMAIL, "canarioxq.pajarolinoz", PHONE)


def _dataset_urls(client) -> list[str]:
    return [
        f"/datos/{year}/{dataset.slug}.{fmt}"
        for year in strategy_years(entity=Space.objects.first().strategy.entity)
        for dataset in DATASETS
        for fmt in dataset.formats
    ]


def _catalogue_urls(client) -> list[str]:
    names = client.get("/datos/api/3/action/package_list").json()["result"]
    return [
        "/datos/datapackage.json",
        "/datos/dcat.jsonld",
        "/datos/dcat.ttl",
        "/datos/api/3/action/package_list",
        "/datos/api/3/action/current_package_list_with_resources",
        "/datos/api/3/action/package_search?rows=1000",
        *(f"/datos/api/3/action/package_show?id={name}" for name in names),
    ]


def _report_urls(client) -> list[str]:
    return ["/informes/2023/", "/informes/2023.pdf", "/informes/"]


def _api_urls(client) -> list[str]:
    """Every public read of the API, each space's detail included, and its schema."""
    spaces = client.get("/api/v1/espacios?page_size=100").json()["results"]
    return [
        "/api/openapi.json",
        "/api/v1/estrategias",
        "/api/v1/estrategias/2023",
        "/api/v1/espacios?page_size=100",
        *(f"/api/v1/espacios/{space['slug']}" for space in spaces),
        "/api/v1/informes?page_size=100",
        "/api/v1/respuestas?page_size=100",
        "/api/v1/compromisos?page_size=100",
        "/api/v1/datos?page_size=100",
    ]


# Each producer returns the public URLs of one output; the API adds its own here.
PUBLIC_URL_PRODUCERS: list[Callable[..., Iterable[str]]] = [
    _dataset_urls,
    _catalogue_urls,
    _report_urls,
    _api_urls,
]


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if body.startswith(b"%PDF"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    if body.startswith(b"PK"):  # XLSX, DOCX: every XML part of the archive
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    text = body.decode("utf-8", "replace")
    if "json" in kind:
        # Also the decoded form, in case a serialiser escaped characters.
        text += json.dumps(json.loads(text), ensure_ascii=False)
    return text


LINK = re.compile(r'href="(/[^"#?]*)')


def _crawl(client, start: str = "/", limit: int = 600) -> dict[str, str]:
    """Every public page (and download) reachable from / by following links."""
    seen, queue, pages = {start}, deque([start]), {}
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        pages[url] = _text(response)
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in LINK.findall(pages[url]):
            if link.startswith(("/gestion/", "/static/")) or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return pages


def _enter_everywhere(client, demo) -> None:
    """The canary goes in through every public input, with the services behind each."""
    strategy = demo.strategy
    space = space_services.space_create(
        actor=None,
        strategy=strategy,
        data=space_services.SpaceData(
            kind="dialogue",
            title="Diálogo del canario",
            slug="dialogo-canario",
            starts_at=timezone.now() + dt.timedelta(hours=1),
            modality="in_person",
            venue_name="Aulas Barulé",
        ),
    )
    consent = {"consent": "on", "consent_version": "1", "website": ""}
    attendance = client.post(
        "/espacios/dialogo-canario/asistencia/",
        {
            "submission_key": str(uuid.uuid4()),
            "full_name": NAME,
            "document_type": "CC",
            "document_number": DOCUMENT,
            "email": EMAIL,
            "phone": PHONE,
            "sex": "mujer",
            "age": "41",
            "locality": "Kennedy",
            "stakeholder_group": "",
            "topic": f"Que llamen a {NAME} al {PHONE}",
            **consent,
        },
    )
    assert attendance.status_code == 302, attendance.content[:2000]
    space_services.space_form_window_set(
        actor=None, space=space, form="evaluation", opens_at=timezone.now(), closes_at=None
    )
    evaluation = client.post(
        "/espacios/dialogo-canario/evaluacion/",
        {
            "submission_key": str(uuid.uuid4()),
            "satisfaction": "5",
            "clarity": "4",
            "usefulness": "4",
            "topic_covered": "yes",
            "would_return": "yes",
            "comment": f"Soy {NAME}, documento {DOCUMENT}, escríbanme a {EMAIL} o al {PHONE}",
            **consent,
        },
    )
    assert evaluation.status_code == 302
    hearing = Space.objects.get(slug="audiencia-publica-2023")
    sheet = (
        "Nombres y apellidos,Número de documento,Correo electrónico,Teléfono,Sexo,Edad,"
        "Localidad,¿Autoriza el tratamiento de sus datos personales?\n"
        f"{NAME},{DOCUMENT},{EMAIL},{PHONE},Mujer,41,Kennedy,Sí\n"
    )
    result = attendance_import(space=hearing, data=sheet.encode(), filename="canario.csv")
    assert result.imported == 1, result
    question = client.post(
        "/espacios/dialogo-canario/preguntas/",
        {
            "submission_key": str(uuid.uuid4()),
            "text": "¿Cuándo abren la nueva sede del SuperCADE?",
            "asker_name": NAME,
            "asker_email": EMAIL,
            **consent,
        },
    )
    assert question.status_code == 302
    # The question goes all the way to a published answer: its text is public, its asker not.
    asked = Question.objects.get(asker_email=EMAIL)
    office = Office.objects.filter(entity=strategy.entity).order_by("pk").first()
    question_services.question_route(actor=None, question=asked, office=office)
    question_services.answer_submit(
        actor=None, question=asked, text="La sede abre en marzo, en la calle 26."
    )
    question_services.answer_approve(actor=None, question=asked, publish=True)
    # Another system sends the same person's attendance and a question through the API.
    key = api_token_create(
        user=User.objects.get(username="demo-planeacion"), name="Sistema de turnos"
    ).key
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    through_api = client.post(
        "/api/v1/espacios/dialogo-red-cade-2023/asistencias",
        {
            "submission_key": str(uuid.uuid4()),
            "full_name": NAME,
            "document_type": "CC",
            "document_number": DOCUMENT,
            "email": EMAIL,
            "phone": PHONE,
            "sex": "mujer",
            "age": 41,
            "locality": "Kennedy",
            "consent": True,
            "topic": f"Que llamen a {NAME} al {PHONE}",
        },
        content_type="application/json",
        **auth,
    )
    assert through_api.status_code in (200, 201), through_api.content[:2000]
    asked_by_api = client.post(
        "/api/v1/preguntas",
        {
            "space": "dialogo-red-cade-2023",
            "text": "¿Dónde queda el SuperCADE de la calle 13?",
            "channel": API_CHANNELS[0],
            "asker_name": NAME,
            "asker_email": EMAIL,
            "asker_phone": PHONE,
            "consent": True,
        },
        content_type="application/json",
        **auth,
    )
    assert asked_by_api.status_code in (200, 201), asked_by_api.content[:2000]
    this_year = StrategyFactory(entity=strategy.entity, year=timezone.localdate().year)
    topic = client.post(
        f"/estrategia/{this_year.year}/temas/proponer/",
        {"submission_key": str(uuid.uuid4()), "text": f"Hablar con {NAME}, {EMAIL}"},
    )
    assert topic.status_code == 302
    report_publish_annual(actor=None, strategy=strategy)


def _leaks(outputs: dict[str, str]) -> list[str]:
    return [
        f"{url}: «{canary}»"
        for url, text in outputs.items()
        for canary in CANARY
        if canary.lower() in text.lower()
    ]


def test_a_person_entering_through_every_input_appears_in_no_public_output(client, demo):
    from rendicion.participation.models import Attendance, Evaluation

    _enter_everywhere(client, demo)
    # The canary is really stored: three attendances (form, import, API), the comment, the asker.
    assert Attendance.objects.filter(email=EMAIL, phone=PHONE).count() == 3
    assert Evaluation.objects.filter(comment__contains=DOCUMENT).exists()
    outputs = {}
    for producer in PUBLIC_URL_PRODUCERS:
        for url in producer(client):
            response = client.get(url)
            assert response.status_code == 200, url
            outputs[url] = _text(response)
    pages = _crawl(client)
    assert "/datos/" in pages and "/datos/2023/participacion/" in pages
    outputs |= pages
    outputs["annual_report.json"] = json.dumps(
        annual_report_data(strategy=demo.strategy), ensure_ascii=False, default=str
    )
    # The question did reach the public side, without its asker.
    assert any("nueva sede del SuperCADE" in text for text in outputs.values())
    assert _leaks(outputs) == []
