"""The annual follow-up report for a large synthetic year.

Spec: for a year with 100,000 attendances, 50 spaces and 5,000 questions, the HTML annual report
in < 0.5 s with a query count that does not grow with the data; the PDF in < 5 s; report peak
memory. Baselines measured in the same run: the demo year (570 attendances, 5 spaces) for the
query count and the render time.
"""

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import (
    django_sandbox,
    emit,
    log,
    peak_rss_mb,
    peak_rss_reset,
    rss_mb,
    timing_summary,
)

ATTENDANCES = 100_000
SPACES = 50
QUESTIONS = 5_000
RUNS = 7


def build_year(strategy) -> None:
    """45 more held dialogues, 100,000 attendances spread over 50 spaces, 5,000 questions."""
    from django.db import connection, transaction
    from django.utils import timezone

    from rendicion.core.models import Office
    from rendicion.participation.models import Attendance
    from rendicion.questions.models import Answer, Question, QuestionState
    from rendicion.spaces import services as space_services
    from rendicion.spaces.models import Space, SpaceStatus

    started = time.perf_counter()
    for n in range(Space.objects.filter(strategy=strategy).count(), SPACES):
        space = space_services.space_create(
            actor=None,
            strategy=strategy,
            data=space_services.SpaceData(
                kind="dialogue",
                title=f"Diálogo sintético {n}",
                slug=f"dialogo-sintetico-{n}",
                starts_at=timezone.make_aware(dt.datetime(2023, 2 + n % 10, 1 + n % 27, 9)),
                modality=["in_person", "virtual", "hybrid"][n % 3],
                venue_name="" if n % 3 == 1 else "Aulas Barulé",
            ),
        )
        Space.objects.filter(pk=space.pk).update(status=SpaceStatus.HELD)
    spaces = list(Space.objects.filter(strategy=strategy))
    existing = Attendance.objects.filter(space__strategy=strategy).count()
    rng = random.Random(2023)
    sexes = ["mujer", "hombre", "intersexual", "no_responde"]
    groups = ["nna", "joven", "adulto", "persona_mayor", "no_responde"]
    now = timezone.now()
    fields = [f for f in Attendance._meta.concrete_fields if not f.primary_key]
    rows = []
    for n in range(ATTENDANCES - existing):
        values = {
            "space_id": spaces[n % len(spaces)].pk,
            "full_name": f"Persona {n}",
            "name_key": f"persona {n}",
            "document_type": "CC",
            "document_number": f"99000{n:07d}",
            "email": "",
            "phone": "",
            "sex": rng.choice(sexes),
            "age": None,
            "age_group": rng.choice(groups),
            "locality": "Kennedy",
            "stakeholder_group": "",
            "consent_at": now,
            "consent_answer": "Autoriza: Sí",
            "source": "import",
            "created_at": now,
        }
        rows.append(
            Attendance(**{k: v for k, v in values.items() if k in {f.attname for f in fields}})
        )
    with transaction.atomic():
        Attendance.objects.bulk_create(rows, batch_size=2000)
    offices = list(Office.objects.filter(entity=strategy.entity))
    questions = []
    today = timezone.localdate()
    for n in range(QUESTIONS):
        at = timezone.make_aware(dt.datetime(2023, 1 + n % 12, 1 + n % 28, 10))
        questions.append(
            Question(
                space=spaces[n % len(spaces)],
                text=f"¿Pregunta sintética número {n}?",
                channel="form",
                kind="general",
                received_at=at,
                received_on=at.date(),
                due_date=today,
                deadline=today,
                state=QuestionState.PUBLISHED,
                office=offices[n % len(offices)],
                answered_at=at,
            )
        )
    with transaction.atomic():
        Question.objects.bulk_create(questions, batch_size=2000)
        created = Question.objects.filter(text__startswith="¿Pregunta sintética")
        Answer.objects.bulk_create(
            [
                Answer(
                    question=q,
                    text=f"Respuesta en lenguaje claro a la pregunta {q.pk}.",
                    office=offices[q.pk % len(offices)],
                    approved_at=now,
                    published_at=now,
                )
                for q in created.only("pk")
            ],
            batch_size=2000,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    log(f"annual_report: synthetic year built in {time.perf_counter() - started:.1f} s")


def measure(strategy, runs: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rendicion.reports.annual import annual_report
    from rendicion.reports.render import report_body_html

    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        report_body_html(annual_report(strategy=strategy))
        seconds.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as queries:
        report = annual_report(strategy=strategy)
        html = report_body_html(report)
    data = report.as_json()
    return {
        "html": timing_summary(seconds),
        "queries": len(queries),
        "data": data,
        "html_bytes": len(html.encode()),
    }


def main() -> int:
    with django_sandbox():
        from rendicion.demo.services import demo_load
        from rendicion.reports.annual import annual_report
        from rendicion.reports.render import report_render

        strategy = demo_load().strategy
        small = measure(strategy, RUNS)
        build_year(strategy)
        peak_rss_reset()
        before = rss_mb()
        large = measure(strategy, RUNS)
        html_peak = peak_rss_mb()
        report = annual_report(strategy=strategy)
        started = time.perf_counter()
        pdf = report_render(report, "pdf")
        pdf_s = time.perf_counter() - started
        counts = large["data"]
        facts = {
            "spaces_held": len(counts["hearings"]) + counts["dialogues"]["count"],
            "dialogue_attendances": counts["dialogues"]["attendances"],
            "hearing_attendances": sum(h["attendance_forms"] for h in counts["hearings"]),
            "questions_received": counts["questions"]["counts"].get("received", 0)
            if counts.get("questions")
            else 0,
        }
        ok_html = large["html"]["median_ms"] < 500
        ok_queries = large["queries"] == small["queries"]
        ok_pdf = pdf_s < 5
        ok_data = (
            facts["spaces_held"] == SPACES
            and facts["dialogue_attendances"] + facts["hearing_attendances"] >= ATTENDANCES
        )
        emit(
            {
                "target": "HTML annual report < 500 ms (median) with as many queries as the demo year; "
                "PDF < 5 s; peak memory reported",
                "ok": ok_html and ok_queries and ok_pdf and ok_data,
                "database": "sqlite",
                "year": facts,
                "questions": QUESTIONS,
                "demo_year": {
                    "html": small["html"],
                    "queries": small["queries"],
                    "html_bytes": small["html_bytes"],
                },
                "large_year": {
                    "html": large["html"],
                    "queries": large["queries"],
                    "html_bytes": large["html_bytes"],
                },
                "html_time_ratio_large_over_demo": round(
                    large["html"]["median_ms"] / small["html"]["median_ms"], 1
                ),
                "pdf": {"seconds": round(pdf_s, 2), "bytes": len(pdf)},
                "memory": {
                    "rss_before_mb": round(before, 1),
                    "peak_rss_html_mb": round(html_peak, 1),
                    "peak_rss_with_pdf_mb": round(peak_rss_mb(), 1),
                },
                "checks": {
                    "html_under_500_ms": ok_html,
                    "queries_constant": ok_queries,
                    "pdf_under_5_s": ok_pdf,
                    "data_as_built": ok_data,
                },
            }
        )
        return 0


if __name__ == "__main__":
    sys.exit(main())
