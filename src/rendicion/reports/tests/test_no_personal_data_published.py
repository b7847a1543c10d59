"""A citizen's personal data never reaches what the public sees (Ley 1581 de 2012).

A person writes their name, document, phone and e-mail into every free text Rendición takes
(a proposed topic, a question, an evaluation comment, an attendance), then staff publish the
reports. Crawling every public page and document reachable from `/` must not find those
strings, while the counts still include what they sent.
"""

import io
import json
import uuid
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from docx import Document
from pypdf import PdfReader

from rendicion.core.services import consent_text_ensure
from rendicion.participation import services as participation_services
from rendicion.participation.models import Answer3
from rendicion.questions import services as question_services
from rendicion.questions.models import QuestionChannel, TopicChannel, TopicState
from rendicion.reports.services import report_publish_annual, report_publish_space
from rendicion.spaces.models import Space

pytestmark = pytest.mark.django_db

NAME = "Zacarías Quintanilla Ybarra"
DOCUMENT = "88123456789"
PHONE = "3217654098"
EMAIL = "zquintanilla.canario@example.invalid"
SECRETS = (NAME, DOCUMENT, PHONE, EMAIL)
WHO = f"{NAME}, cédula {DOCUMENT}, celular {PHONE}, correo {EMAIL}"
HEARING = "audiencia-publica-2023"
DIALOGUE = "dialogo-talento-humano-2023"
MAX_PAGES = 400


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"href", "src"} and value and not value.startswith(("data:", "#")):
                self.links.append(value)


def _text_of(response) -> str:
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if content_type.startswith("application/pdf"):
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    if "wordprocessingml" in content_type:
        return _docx_text(body)
    return body.decode("utf-8", errors="replace")


def _docx_text(body: bytes) -> str:
    document = Document(io.BytesIO(body))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


# The public URLs of DESIGN.md section 5 that are not reached by links alone.
START = ["/", "/informes/", "/informes/2023/", "/informes/2023.pdf", "/espacios/"]


def _crawl(client) -> dict[str, str]:
    """Every public page and document a visitor can reach from the home page and the public
    addresses, by URL."""
    seen: dict[str, str] = {}
    queue = deque(START)
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = _text_of(response) if response.status_code == 200 else ""
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(seen[url])
        for link in parser.links:
            parts = urlsplit(urljoin(f"http://testserver{url}", link))
            if parts.netloc != "testserver" or parts.path.startswith(("/gestion/", "/static/")):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                queue.append(target)
    return seen


def _submit_everything(demo) -> None:
    hearing = Space.objects.get(slug=HEARING)
    dialogue = Space.objects.get(slug=DIALOGUE)
    entity = demo.strategy.entity
    consent = consent_text_ensure(entity=entity)
    for space, channel in ((hearing, TopicChannel.PUBLIC_FORM), (dialogue, TopicChannel.CHAT)):
        question_services.topic_propose(
            entity=entity,
            text=f"Quiero hablar de mi caso: {WHO}"[:300],
            channel=channel,
            proposed_on=space.starts_at.date(),
            proposed_in=space,
            proposed_for=space,
            submission_key=uuid.uuid4(),
        )
    question_services.question_receive(
        space=dialogue,
        data=question_services.QuestionData(
            text=f"¿Cuándo me responden? Soy {WHO}",
            channel=QuestionChannel.PUBLIC_FORM,
            asker_name=NAME,
            asker_email=EMAIL,
            asker_phone=PHONE,
        ),
        consent_text=consent,
        submission_key=uuid.uuid4(),
    )
    participation_services.evaluation_record(
        space=dialogue,
        data=participation_services.EvaluationData(
            satisfaction=5,
            clarity=5,
            usefulness=5,
            topic_covered=Answer3.YES,
            would_return=Answer3.YES,
            comment=f"Muy bueno. Escríbanme: {WHO}",
        ),
        consent_text=consent,
        submission_key=uuid.uuid4(),
    )
    result = participation_services.attendance_record(
        space=dialogue,
        data=participation_services.AttendanceData(
            full_name=NAME,
            sex="hombre",
            age_group="adulto",
            document_type="CC",
            document_number=DOCUMENT,
            email=EMAIL,
            phone=PHONE,
        ),
        consent_text=consent,
        submission_key=uuid.uuid4(),
    )
    assert result.outcome == "created"


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


def test_a_crawl_of_the_public_site_finds_no_personal_data_after_publishing(client, demo):
    _submit_everything(demo)
    report = report_publish_annual(actor=None, strategy=demo.strategy)
    for slug in (HEARING, DIALOGUE):
        report_publish_space(actor=None, space=Space.objects.get(slug=slug))

    pages = _crawl(client)

    # The crawl reached the published reports, their PDFs and each space's answers.
    assert pages["/informes/2023/"], sorted(pages)
    assert sum(1 for url in pages if url.endswith(".pdf") and pages[url]) >= 3, sorted(pages)
    assert pages[f"/espacios/{DIALOGUE}/preguntas/"], sorted(pages)
    assert all(pages[url] for url in ("/", "/informes/2023/")), "empty page in the crawl"
    leaks = {url: _leaks(text) for url, text in pages.items() if _leaks(text)}
    assert leaks == {}
    # The counts still include what the person sent: one more topic for the year.
    assert report.data["proposed_topics"]["count"] == 22
    assert report.data["proposed_topics"]["pending_review"] == 2


def test_no_report_format_carries_an_unreviewed_topic(demo, tmp_path):
    _submit_everything(demo)
    texts = {}
    for fmt in ("json", "html", "pdf", "docx"):
        path = tmp_path / f"informe.{fmt}"
        call_command("annual_report", "2023", "--format", fmt, "--output", str(path))
        body = path.read_bytes()
        if fmt == "pdf":
            texts[fmt] = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
        elif fmt == "docx":
            texts[fmt] = _docx_text(body)
        else:
            texts[fmt] = body.decode()
    assert all(len(text) > 1000 for text in texts.values())
    assert {fmt: _leaks(text) for fmt, text in texts.items() if _leaks(text)} == {}
    data = json.loads(texts["json"])
    hearing = next(h for h in data["hearings"] if h["slug"] == HEARING)
    # The seed's 15 topics plus the unreviewed one are counted; only the 15 are listed.
    assert (hearing["topics_proposed"], hearing["topics_included"]) == (16, 15)
    assert len(hearing["proposed_topics"]) == 15


def test_a_topic_is_published_only_once_staff_reviewed_its_text(client, demo):
    entity = demo.strategy.entity
    office = demo.strategy.activities.first().responsible.first()
    topic = question_services.topic_propose(
        entity=entity,
        text=f"Tema de {WHO}"[:300],
        channel=TopicChannel.PUBLIC_FORM,
        proposed_on=Space.objects.get(slug=HEARING).starts_at.date(),
    )

    def public() -> str:
        return client.get("/estrategia/2023/temas/").text

    assert NAME not in public()
    # In study without confirming the text: still private.
    review = question_services.TopicReview(
        text=topic.text, state=TopicState.IN_STUDY, office=office
    )
    question_services.topic_review(actor=None, topic=topic, review=review)
    assert NAME not in public()
    # Staff take the personal data out and confirm the text: now it is public.
    review.text = "Atención a personas con discapacidad en los trámites"
    review.text_reviewed = True
    question_services.topic_review(actor=None, topic=topic, review=review)
    page = public()
    assert "Atención a personas con discapacidad en los trámites" in page
    assert NAME not in page
