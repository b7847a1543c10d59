"""Public strategy page /estrategia/<year>/: render time and query count, 13 vs 1,300 activities.

Target: the page makes the same number of queries whatever the number of activities.
The times are reported side by side (same run, interleaved requests) with their ratio.
"""

import os
import re
import sys
import time

from _support import django_sandbox, emit, log, timing_summary

SMALL_YEAR = 2023  # the demo's strategy (the seed's 13 activities)
LARGE_YEAR = 2024
LARGE_ACTIVITIES = 1300
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
WARMUP = 3
ACTIVITY_ROW = re.compile(rb'<th scope="row"')


def build_data() -> dict[int, int]:
    """The demo's 2023 strategy, and a 2024 copy of it grown to 1,300 activities; both published."""
    from django.db import transaction

    from rendicion.demo.services import demo_load
    from rendicion.strategy import services

    started = time.perf_counter()
    small = demo_load().strategy
    log(f"strategy_page: demo loaded ({small.activities.count()} activities)")
    template = list(
        small.activities.select_related("stage").prefetch_related("responsible").order_by("number")
    )
    with transaction.atomic():
        large = services.strategy_copy(actor=None, strategy=small, year=LARGE_YEAR)
        stages = {stage.number: stage for stage in large.stages.all()}
        for number in range(large.activities.count() + 1, LARGE_ACTIVITIES + 1):
            model = template[(number - 1) % len(template)]
            services.activity_create(
                actor=None,
                strategy=large,
                data=services.ActivityData(
                    number=number,
                    name=f"{model.name} ({number})",
                    target=model.target,
                    stage=stages[model.stage.number] if model.stage else None,
                    target_quantity=model.target_quantity,
                    target_unit=model.target_unit,
                    progress_source=model.progress_source,
                    evidence_expected=model.evidence_expected,
                    responsible=list(model.responsible.all()),
                    responsible_note=model.responsible_note,
                    quarters=model.quarters,
                ),
            )
        services.strategy_update(actor=None, strategy=large, is_published=True)
    small.refresh_from_db()
    if not small.is_published:
        services.strategy_update(actor=None, strategy=small, is_published=True)
    counts = {
        SMALL_YEAR: small.activities.count(),
        LARGE_YEAR: large.activities.count(),
    }
    log(f"strategy_page: data built in {time.perf_counter() - started:.1f} s: {counts}")
    return counts


def fetch(client, year: int, expected_rows: int):
    response = client.get(f"/estrategia/{year}/")
    if response.status_code != 200:
        raise SystemExit(f"/estrategia/{year}/ answered {response.status_code}, not 200")
    rows = len(ACTIVITY_ROW.findall(response.content))
    if rows != expected_rows:
        raise SystemExit(
            f"/estrategia/{year}/ shows {rows} activity rows, expected {expected_rows}"
        )
    return response


def count_queries(client, year: int, expected_rows: int) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fetch(client, year, expected_rows)
    return [query["sql"] for query in captured.captured_queries]


def main() -> int:
    with django_sandbox():
        from django.test import Client

        counts = build_data()
        client = Client()
        years = [SMALL_YEAR, LARGE_YEAR]
        sizes = {year: len(fetch(client, year, counts[year]).content) for year in years}
        for _ in range(WARMUP - 1):
            for year in years:
                fetch(client, year, counts[year])

        queries = {year: count_queries(client, year, counts[year]) for year in years}

        # Interleaved, alternating order, so machine noise falls on both sizes alike.
        seconds: dict[int, list[float]] = {year: [] for year in years}
        log(f"strategy_page: timing {REQUESTS} requests per size")
        for i in range(REQUESTS):
            for year in years if i % 2 == 0 else reversed(years):
                started = time.perf_counter()
                fetch(client, year, counts[year])
                seconds[year].append(time.perf_counter() - started)

    same = len(queries[SMALL_YEAR]) == len(queries[LARGE_YEAR])
    if not same:
        log("strategy_page: query counts differ; the queries were:")
        for year in years:
            log(f"--- {year} ({counts[year]} activities): {len(queries[year])} queries")
            for sql in queries[year]:
                log(f"    {sql[:300]}")

    def figures(year: int) -> dict:
        return {
            "path": f"/estrategia/{year}/",
            "activities": counts[year],
            "queries": len(queries[year]),
            "response_bytes": sizes[year],
            **timing_summary(seconds[year]),
        }

    small, large = figures(SMALL_YEAR), figures(LARGE_YEAR)
    extra = counts[LARGE_YEAR] - counts[SMALL_YEAR]
    emit(
        {
            "target": "queries with 1,300 activities == queries with 13 activities",
            "ok": same,
            "database": "sqlite",
            "requests_per_size": REQUESTS,
            "activities_13": small,
            "activities_1300": large,
            "time_ratio_1300_over_13": {
                "median": round(large["median_ms"] / small["median_ms"], 2),
                "p95": round(large["p95_ms"] / small["p95_ms"], 2),
            },
            "ms_per_extra_activity_median": round(
                (large["median_ms"] - small["median_ms"]) / extra, 3
            ),
        }
    )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
