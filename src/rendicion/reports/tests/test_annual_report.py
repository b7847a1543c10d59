"""The annual follow-up report computed from the demo's records: the seed's figures, exactly."""

import io
import json

import pytest
from django.core.management import call_command

from rendicion.core.tests.commands import rendicion_run
from rendicion.participation.models import Attendance
from rendicion.reports.annual import annual_report
from rendicion.reports.render import report_body_html
from rendicion.reports.selectors import annual_report_data
from rendicion.spaces.models import Space, SpaceStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo):
    out = io.StringIO()
    call_command("annual_report", "2023", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_the_demo_report_has_the_seeds_figures(report):
    assert report["year"] == 2023
    assert report["entity"] == "Secretaría General de la Alcaldía Mayor de Bogotá D.C."
    assert report["activities"]["total"] == 13
    assert sum(report["activities"]["by_status"].values()) == 13
    [hearing] = report["hearings"]
    assert (hearing["slug"], hearing["date"]) == ("audiencia-publica-2023", "2023-04-20")
    assert (hearing["attendance_forms"], hearing["views"], hearing["communication_pieces"]) == (
        317,
        872,
        4,
    )
    dialogues = report["dialogues"]
    assert (dialogues["count"], dialogues["attendances"]) == (4, 253)
    assert {c: s["pct"] for c, s in dialogues["by_sex"].items()} == {
        "mujer": 48,
        "hombre": 33,
        "intersexual": 0,
        "no_responde": 19,
    }
    assert {c: s["pct"] for c, s in dialogues["by_age_group"].items()} == {
        "nna": 0,
        "joven": 18,
        "adulto": 60,
        "persona_mayor": 8,
        "no_responde": 14,
    }
    assert sum(s["count"] for s in dialogues["by_sex"].values()) == 253
    assert [m["slug"] for m in dialogues["most_attended"]] == [
        "dialogo-justicia-transicional-2023",
        "dialogo-talento-humano-2023",
    ]


def test_counts_are_numbers(report):
    assert isinstance(report["hearings"][0]["topics_proposed"], int)
    assert isinstance(report["hearings"][0]["topics_included"], int)
    assert isinstance(report["proposed_topics"]["count"], int)


def test_two_separate_processes_print_the_same_json_and_html(demo_files):
    """Each run is its own `rendicion` process on the same demo database: no date, random id
    or process state (pygal's dated comment in the charts included) may leak into the output."""

    def rendicion(*args: str) -> bytes:
        return rendicion_run(demo_files.url, demo_files.data_dir, *args).stdout.encode()

    for fmt in ("json", "html"):
        first = rendicion("annual_report", "2023", "--format", fmt)
        second = rendicion("annual_report", "2023", "--format", fmt)
        assert first == second, fmt
        assert b"2023" in first
    html = rendicion("annual_report", "2023", "--format", "html").decode()
    assert "data:image/svg+xml;base64," in html
    # The other JSON contracts (DESIGN.md section 5), each printed by two separate processes.
    for command in (
        ("strategy", "2023", "--json"),
        ("events", "--json"),
        ("participation_stats", "--year", "2023", "--json"),
        ("participation_stats", "audiencia-publica-2023", "--json"),
    ):
        first, second = rendicion(*command), rendicion(*command)
        assert first == second, command
        assert json.loads(first), command


def test_the_cronograma_shows_counted_progress(report):
    hearings = next(a for a in report["activities"]["items"] if a["number"] == 2)
    assert (hearings["achieved"], hearings["target_quantity"], hearings["progress"]) == (1, 2, 50)
    reports = next(a for a in report["activities"]["items"] if a["number"] == 10)
    assert (reports["achieved"], reports["status"]) == (5, "done")


def test_the_report_carries_no_personal_data(demo):
    """Every attendee of the demo, not a random sample; each value checked is a real one."""
    report = annual_report(strategy=demo.strategy)
    text = json.dumps(report.as_json(), ensure_ascii=False) + report_body_html(report)
    people = list(Attendance.objects.order_by("pk"))
    assert len(people) > 500
    checked = 0
    for person in people:
        for value in (person.full_name, person.document_number, person.email):
            if value:
                assert len(value) >= 5, "a value this short would match by chance"
                assert value not in text
                checked += 1
    assert checked > 2 * len(people)


def test_most_attended_are_those_above_the_average(demo):
    Space.objects.filter(slug="dialogo-red-cade-2023").update(status=SpaceStatus.CANCELLED)
    data = annual_report_data(strategy=demo.strategy)
    # 75, 70, 53 → average 66: the two above it.
    assert data["dialogues"]["count"] == 3
    assert [m["attendances"] for m in data["dialogues"]["most_attended"]] == [75, 70]


def test_a_year_with_nothing_recorded_omits_sections_without_error(demo):
    from rendicion.strategy.services import strategy_copy

    copy = strategy_copy(actor=None, strategy=demo.strategy, year=2024)
    report = annual_report(strategy=copy)
    data = report.as_json()
    assert data["hearings"] == [] and data["dialogues"]["count"] == 0
    assert {"hearings", "dialogues"} <= set(data["sections_omitted"])

    staff = report_body_html(report, staff=True)
    assert "Sección omitida: no hay audiencias públicas registradas." in staff
    assert "Sección omitida" not in report_body_html(report)


def test_report_query_count_does_not_grow_with_the_data(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rendicion.commitments.tests.factories import CommitmentFactory
    from rendicion.participation.services import attendance_import
    from rendicion.questions.tests.factories import ProposedTopicFactory
    from rendicion.spaces.models import SpaceKind
    from rendicion.spaces.tests.factories import SpaceFactory

    with CaptureQueriesContext(connection) as small:
        annual_report_data(strategy=demo.strategy)
    new_spaces = [
        SpaceFactory(strategy=demo.strategy, kind=kind, status=SpaceStatus.HELD)
        for kind in (SpaceKind.DIALOGUE, SpaceKind.DIALOGUE, SpaceKind.HEARING)
    ]
    for space in new_spaces:
        CommitmentFactory(space=space)
        ProposedTopicFactory(proposed_for=space)
    space = Space.objects.get(slug="dialogo-red-cade-2023")
    rows = "".join(f"Persona {n},99000{90000 + n},Sí,F,30\n" for n in range(300))
    attendance_import(
        space=space,
        data=("Nombre,Documento,Autorizo,Sexo,Edad\n" + rows).encode(),
        filename="mas.csv",
    )
    with CaptureQueriesContext(connection) as large:
        data = annual_report_data(strategy=demo.strategy)
    assert data["dialogues"]["attendances"] == 553
    assert (data["dialogues"]["count"], len(data["hearings"])) == (6, 2)
    assert len(large) == len(small)


def test_pdf_docx_and_html_formats_open(demo, tmp_path):
    from docx import Document

    for fmt in ("pdf", "docx", "html"):
        target = tmp_path / f"informe.{fmt}"
        call_command("annual_report", "2023", "--format", fmt, "--output", str(target))
        content = target.read_bytes()
        if fmt == "pdf":
            assert content.startswith(b"%PDF-")
            assert b"/StructTreeRoot" in _inflated(content)  # tagged for accessibility
        elif fmt == "docx":
            document = Document(str(target))
            text = "\n".join(p.text for p in document.paragraphs)
            assert "Informe de seguimiento a la estrategia de rendición de cuentas 2023" in text
            assert any("Mujer" in c.text for t in document.tables for r in t.rows for c in r.cells)
        else:
            assert b'<h2 id="h-dialogos">' in content and b"data:image/svg+xml;base64," in content


def _inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams expanded, to look for objects inside them."""
    import re
    import zlib

    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        try:
            parts.append(zlib.decompressobj().decompress(pdf[match.end() :]))
        except zlib.error:
            continue
    return b"".join(parts)
