"""Self-assessment page /gestion/autodiagnosticos/<year>/ and the report's summary selector:
query count and render time with the demo's 26 items and with 2,600 items.

Target: the page and `self_assessment_for_strategy` make the same number of queries whatever
the number of items. Times are reported side by side (same run, interleaved) with their ratio.
"""

import os
import sys
import time

from _support import django_sandbox, emit, log, timing_summary

SMALL_YEAR = 2022  # the demo's assessment (26 items of the generic MURC template)
LARGE_YEAR = 2021
LARGE_ITEMS = 2600
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
WARMUP = 3


def build_data() -> dict[int, int]:
    """The demo, and a 2021 assessment on a 2,600-item template, one item in 20 under 80."""
    from rendicion.assessment import services
    from rendicion.assessment.spreadsheet import AssessmentRow, AssessmentSheet
    from rendicion.demo.services import demo_load
    from rendicion.strategy import services as strategy_services

    started = time.perf_counter()
    demo = demo_load()
    rows = [
        AssessmentRow(
            row=n + 2,
            stage=f"Etapa {n % 5 + 1}",
            category=f"Categoría {n % 15 + 1}",
            text=f"Ítem de prueba número {n + 1}.",
        )
        for n in range(LARGE_ITEMS)
    ]
    template = services.assessment_template_save(
        actor=None, sheet=AssessmentSheet(rows=rows), name="Plantilla grande"
    ).template
    assessment = services.assessment_create(
        actor=None, entity=demo.entity, year=LARGE_YEAR, template=template
    )
    services.assessment_scores_save(
        actor=None,
        assessment=assessment,
        scores={n + 1: services.ScoreData(60 if n % 20 == 0 else 90) for n in range(LARGE_ITEMS)},
    )
    # The 2022 strategy, so that the large assessment's points can become its activities.
    strategy_services.strategy_create(
        actor=None, entity=demo.entity, year=LARGE_YEAR + 1, objective="Estrategia de prueba."
    )
    log(f"assessment_page: data built in {time.perf_counter() - started:.1f} s")
    return {SMALL_YEAR: 26, LARGE_YEAR: LARGE_ITEMS}


def fetch(client, year: int, items: int):
    response = client.get(f"/gestion/autodiagnosticos/{year}/")
    if response.status_code != 200:
        raise SystemExit(f"/gestion/autodiagnosticos/{year}/ answered {response.status_code}")
    rows = response.content.count(b'<th scope="row" data-label="No.">')
    if rows != items:
        raise SystemExit(f"/gestion/autodiagnosticos/{year}/ shows {rows} items, not {items}")
    return response


def count_queries(call) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def main() -> int:
    with django_sandbox():
        from django.test import Client

        from rendicion.assessment.selectors import self_assessment_for_strategy
        from rendicion.core.models import User
        from rendicion.strategy.models import Strategy

        items = build_data()
        client = Client()
        client.force_login(User.objects.get(username="demo-planeacion"))
        years = [SMALL_YEAR, LARGE_YEAR]
        sizes = {year: len(fetch(client, year, items[year]).content) for year in years}
        for _ in range(WARMUP - 1):
            for year in years:
                fetch(client, year, items[year])
        page_queries = {
            year: count_queries(lambda y=year: fetch(client, y, items[y])) for year in years
        }
        strategies = {year: Strategy.objects.get(year=year + 1) for year in years}
        summary_queries = {
            year: count_queries(lambda y=year: self_assessment_for_strategy(strategy=strategies[y]))
            for year in years
        }
        seconds: dict[int, list[float]] = {year: [] for year in years}
        log(f"assessment_page: timing {REQUESTS} requests per size")
        for i in range(REQUESTS):
            for year in years if i % 2 == 0 else reversed(years):
                started = time.perf_counter()
                fetch(client, year, items[year])
                seconds[year].append(time.perf_counter() - started)

    same = (
        page_queries[SMALL_YEAR] == page_queries[LARGE_YEAR]
        and summary_queries[SMALL_YEAR] == summary_queries[LARGE_YEAR]
    )

    def figures(year: int) -> dict:
        return {
            "path": f"/gestion/autodiagnosticos/{year}/",
            "items": items[year],
            "queries": page_queries[year],
            "summary_queries": summary_queries[year],
            "response_bytes": sizes[year],
            **timing_summary(seconds[year]),
        }

    small, large = figures(SMALL_YEAR), figures(LARGE_YEAR)
    emit(
        {
            "target": "page and summary queries with 2,600 items == with 26 items",
            "ok": same,
            "database": "sqlite",
            "requests_per_size": REQUESTS,
            "items_26": small,
            "items_2600": large,
            "time_ratio_2600_over_26": {
                "median": round(large["median_ms"] / small["median_ms"], 2),
                "p95": round(large["p95_ms"] / small["p95_ms"], 2),
            },
        }
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
