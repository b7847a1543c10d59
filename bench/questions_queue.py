"""Staff question queue and overdue dashboard /gestion/preguntas/ with 100,000 questions.

Target: every page answers in < 300 ms (median) with 100,000 questions, and makes the same number
of queries as with 1,000. The 1,000-question figures are the baseline of the same run.

Data: the demo (`demo_load()`: 5 spaces, 7 questions, the staff logins) plus questions added with
`bulk_create` (a service call per question would take minutes and measure the writes, not the
pages) up to 1,000, measured, then up to 100,000, measured again. They are spread over the
demo's spaces and offices, received on
business and non-business days from 2023 to today, of the three kinds, in every state, their
due dates computed with the entity's business calendar exactly as `question_receive` does.
Requests go through Django's test `Client` as the planning user (every question) and as office
staff (one office's queue), after warm-up, interleaved small/large. SQLite, DEBUG off.
"""

import datetime as dt
import os
import random
import sys
import time

from _support import django_sandbox, emit, log, timing_summary

QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "100000"))
SMALL = 1000  # the baseline: enough for every list to have rows, so both pages run every query
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
WARMUP = 3
TARGET_MS = 300
PAGES = [
    ("planning", "/gestion/preguntas/"),
    ("planning", "/gestion/preguntas/?view=overdue"),
    ("planning", "/gestion/preguntas/?view=week"),
    ("planning", "/gestion/preguntas/?view=all&pagina=50"),
    ("office", "/gestion/preguntas/?view=overdue"),
]


def add_questions(count: int, seed: int = 2023) -> int:
    """`count` questions in every state, with due dates from the entity's calendar."""
    from django.db import transaction
    from django.utils import timezone

    from rendicion.core.dates import business_days_after
    from rendicion.core.models import Office
    from rendicion.core.selectors import business_calendar, entity_current
    from rendicion.questions.models import (
        TERM_DAYS,
        Question,
        QuestionChannel,
        QuestionKind,
        QuestionState,
    )
    from rendicion.spaces.models import Space

    rng = random.Random(seed + count)
    entity = entity_current()
    calendar = business_calendar(entity=entity)
    spaces = list(Space.objects.filter(strategy__entity=entity))
    offices = list(Office.objects.filter(entity=entity))
    today = timezone.localdate()
    first = dt.date(2023, 1, 2)
    span = (today - first).days
    states = [
        (QuestionState.RECEIVED, 5),
        (QuestionState.ASSIGNED, 25),
        (QuestionState.RETURNED, 2),
        (QuestionState.IN_REVIEW, 8),
        (QuestionState.CHANGES_REQUESTED, 3),
        (QuestionState.ANSWERED, 12),
        (QuestionState.PUBLISHED, 45),
    ]
    state_values = [s for s, _w in states]
    state_weights = [w for _s, w in states]
    kinds = list(QuestionKind)
    due_cache: dict[tuple[dt.date, str], dt.date] = {}
    started = time.perf_counter()
    batch = []
    with transaction.atomic():
        for n in range(count):
            # Recent questions are more likely to be open: half within the last 60 days.
            back = rng.randint(0, 60) if n % 2 else rng.randint(0, span)
            received = today - dt.timedelta(days=back)
            kind = rng.choice(kinds)
            key = (received, kind.value)
            if key not in due_cache:
                due_cache[key] = business_days_after(received, TERM_DAYS[kind], calendar)
            state = rng.choices(state_values, state_weights)[0]
            at = timezone.make_aware(dt.datetime.combine(received, dt.time(9 + n % 8, n % 60)))
            batch.append(
                Question(
                    space=spaces[n % len(spaces)],
                    text=f"¿Pregunta de prueba número {n}? ¿Cuándo y cómo se resolverá?",
                    channel=rng.choice(list(QuestionChannel)),
                    kind=kind,
                    received_at=at,
                    received_on=received,
                    due_date=due_cache[key],
                    deadline=due_cache[key],
                    state=state,
                    office=None if state in ("received", "returned") else offices[n % len(offices)],
                    answered_at=at if state in ("answered", "published") else None,
                )
            )
            if len(batch) == 5000:
                Question.objects.bulk_create(batch)
                batch = []
        Question.objects.bulk_create(batch)
    log(f"questions_queue: {count:,} questions added in {time.perf_counter() - started:.1f} s")
    return Question.objects.count()


def main() -> int:
    with django_sandbox():
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from rendicion.core.models import User
        from rendicion.demo.services import demo_load

        started = time.perf_counter()
        demo_load()
        log(f"questions_queue: demo loaded in {time.perf_counter() - started:.1f} s")
        clients = {}
        for who, username in (("planning", "demo-planeacion"), ("office", "demo-dependencia")):
            clients[who] = Client()
            clients[who].force_login(User.objects.get(username=username))

        def fetch(who: str, path: str) -> bytes:
            response = clients[who].get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path} answered {response.status_code} to {who}")
            if b"Preguntas ciudadanas" not in response.content:
                raise SystemExit(f"{path} is not the questions page")
            return response.content

        def measure(label: str) -> dict:
            for _ in range(WARMUP):
                for who, path in PAGES:
                    fetch(who, path)
            queries = {}
            for who, path in PAGES:
                with CaptureQueriesContext(connection) as captured:
                    fetch(who, path)
                queries[(who, path)] = [q["sql"] for q in captured.captured_queries]
            seconds = {page: [] for page in PAGES}
            for i in range(REQUESTS):
                for page in PAGES if i % 2 == 0 else list(reversed(PAGES)):
                    begun = time.perf_counter()
                    fetch(*page)
                    seconds[page].append(time.perf_counter() - begun)
            log(f"questions_queue: {label} measured")
            return {"queries": queries, "seconds": seconds}

        small_count = add_questions(SMALL)
        small = measure("small")
        large_count = add_questions(QUESTIONS - small_count)
        large = measure("large")

    pages = []
    ok = True
    for page in PAGES:
        who, path = page
        small_t = timing_summary(small["seconds"][page])
        large_t = timing_summary(large["seconds"][page])
        same = len(small["queries"][page]) == len(large["queries"][page])
        fast = large_t["median_ms"] < TARGET_MS
        ok = ok and same and fast
        if not same:
            log(f"questions_queue: query counts differ for {who} {path}:")
            for label, run in (("small", small), ("large", large)):
                log(f"--- {label}: {len(run['queries'][page])} queries")
                for sql in run["queries"][page]:
                    log(f"    {sql[:300]}")
        pages.append(
            {
                "user": who,
                "path": path,
                "queries_small": len(small["queries"][page]),
                "queries_large": len(large["queries"][page]),
                "small": small_t,
                "large": large_t,
                "median_ratio_large_over_small": round(
                    large_t["median_ms"] / small_t["median_ms"], 2
                ),
                "ok": same and fast,
            }
        )
    emit(
        {
            "target": f"staff queue pages with {QUESTIONS:,} questions: median < {TARGET_MS} ms, "
            "same query count as with 1,000",
            "ok": ok,
            "database": "sqlite",
            "questions_small": small_count,
            "questions_large": large_count,
            "requests_per_page": REQUESTS,
            "pages": pages,
            "slowest_median_ms": max(p["large"]["median_ms"] for p in pages),
        }
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
