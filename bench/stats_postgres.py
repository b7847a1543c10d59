"""participation_stats for a year with 1,000,000 attendances, on a throwaway PostgreSQL cluster.

Target: under 1 s (median of 5 after a warm-up), in one query, with the right count. The
baseline, timed the same way in the same run, is a bare `SELECT count(*)` over the attendances
table: the floor of any query that reads every row once.
"""

import os
import signal
import statistics
import sys
import time
from pathlib import Path

from _support import django_sandbox, emit, log, timing_summary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.pgcluster import PgCluster  # noqa: E402

YEAR = 2023
SPACES = 50  # the demo's 5 spaces of 2023 and 45 more
ATTENDANCES = int(os.environ.get("BENCH_ATTENDANCES", "1000000"))
# clustered: each space's attendances are stored together, as an import or a form's window
# leaves them; interleaved: round-robin over the spaces (every space on every table page).
LAYOUT = os.environ.get("BENCH_LAYOUT", "clustered")
RUNS = 5
TARGET_MS = 1000

# Shares in percent, spread over the rows by a multiplicative hash of the row number.
SEX_SHARES = [("mujer", 48), ("hombre", 33), ("intersexual", 1), ("no_responde", 18)]
AGE_SHARES = [
    ("nna", 4, "mod(g, 14)"),
    ("joven", 20, "14 + mod(g, 15)"),
    ("adulto", 56, "29 + mod(g, 31)"),
    ("persona_mayor", 12, "60 + mod(g, 30)"),
    ("no_responde", 8, "NULL"),
]
LOCALITIES = [
    "Usaquén", "Chapinero", "Santa Fe", "San Cristóbal", "Usme", "Tunjuelito", "Bosa",
    "Kennedy", "Fontibón", "Engativá", "Suba", "Barrios Unidos", "Teusaquillo", "Los Mártires",
    "Antonio Nariño", "Puente Aranda", "La Candelaria", "Rafael Uribe Uribe", "Ciudad Bolívar", "",
]  # fmt: skip


def _buckets(shares, hashed: str) -> str:
    """A CASE choosing among `shares` (code, percent, ...) by `hashed` in 0..99."""
    whens, upper = [], 0
    for code, percent, *_rest in shares:
        upper += percent
        whens.append(f"WHEN {hashed} < {upper} THEN '{code}'")
    assert upper == 100, shares
    return f"CASE {' '.join(whens)} END"


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _default_sql(field) -> str | None:
    """The SQL literal of a field's default, or None when it has none usable here."""
    value = field.get_default()
    if value is None:
        return "NULL" if field.null else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _sql_text(value)
    return None


def insert_sql(space_ids: list[int]) -> tuple[str, list]:
    """One INSERT ... SELECT over generate_series: the server builds every row.

    Documents (99000 + 7 digits) and e-mails (example.invalid) are distinct, so the
    same-person constraints hold; sex and age_group take valid codes; consent_at is set and
    the source is 'import', as an import leaves them.
    """
    from rendicion.participation.models import Attendance

    sex_hash, age_hash = "mod(g * 7919, 100)", "mod(g * 104729 + 13, 100)"
    age_cases = " ".join(
        f"WHEN {age_hash} < {sum(s[1] for s in AGE_SHARES[: i + 1])} THEN {expression}"
        for i, (_code, _percent, expression) in enumerate(AGE_SHARES)
    )
    if LAYOUT == "interleaved":
        space_index = f"1 + mod(g, {len(space_ids)})"
    else:
        space_index = f"1 + (g - 1) * {len(space_ids)} / {ATTENDANCES}"
    localities = "ARRAY[" + ", ".join(_sql_text(name) for name in LOCALITIES) + "]"
    columns = {
        "space_id": f"(%s::bigint[])[{space_index}]",
        "full_name": "'Persona de prueba ' || g",
        "name_key": "'persona de prueba ' || g",
        "document_type": "'CC'",
        "document_number": "'99000' || lpad(g::text, 7, '0')",
        "email": "'persona.prueba' || g || '@example.invalid'",
        "phone": "''",
        "sex": _buckets(SEX_SHARES, sex_hash),
        "age": f"(CASE {age_cases} END)::smallint",
        "age_group": _buckets(AGE_SHARES, age_hash),
        "locality": f"({localities})[1 + mod(g, {len(LOCALITIES)})]",
        "stakeholder_group": "''",
        "consent_at": "now()",
        "consent_text_id": "NULL",
        "consent_answer": "'¿Autoriza el tratamiento de sus datos personales?: Sí'",
        "guardian_consent": "false",
        "source": "'import'",
        "submission_key": "NULL",
        "import_batch_id": "NULL",
        "source_row": "g + 1",
        "submitted_at_text": "''",
        "created_at": "now()",
    }
    fields = {f.column: f for f in Attendance._meta.concrete_fields if not f.primary_key}
    unknown = sorted(set(columns) - set(fields))
    # A column added to the model later takes its default (NULL, False, ''), as a bulk_create
    # of rows that do not set it would; one without a usable default stops the benchmark.
    for column, field in fields.items():
        if column not in columns:
            columns[column] = _default_sql(field)
    missing = sorted(column for column, sql in columns.items() if sql is None)
    if unknown or missing:
        raise SystemExit(
            "stats_postgres: the Attendance columns changed; update insert_sql(): "
            f"no default for {missing}, not in the model {unknown}"
        )
    table = Attendance._meta.db_table
    sql = (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {', '.join(columns.values())} FROM generate_series(1, %s::bigint) AS g"
    )
    return sql, [space_ids, ATTENDANCES]


def build_data() -> dict:
    import datetime as dt

    from django.db import connection, transaction
    from django.utils import timezone

    from rendicion.demo.services import demo_load
    from rendicion.participation.models import Attendance
    from rendicion.spaces.models import Space
    from rendicion.spaces.services import SpaceData, space_create

    started = time.perf_counter()
    strategy = demo_load().strategy
    with transaction.atomic():
        for n in range(strategy.spaces.count() + 1, SPACES + 1):
            space_create(
                actor=None,
                strategy=strategy,
                data=SpaceData(
                    kind="dialogue",
                    title=f"Diálogo ciudadano de prueba {n}",
                    starts_at=timezone.make_aware(dt.datetime(YEAR, 1 + n % 12, 1 + n % 28, 9)),
                    modality="virtual",
                    status="held",
                ),
            )
    space_ids = list(Space.objects.filter(strategy=strategy).values_list("pk", flat=True))
    before = Attendance.objects.filter(space__strategy__year=YEAR).count()
    log(
        f"stats_postgres: demo and {len(space_ids)} spaces of {YEAR} ready in "
        f"{time.perf_counter() - started:.1f} s ({before} attendances from the demo)"
    )

    sql, params = insert_sql(space_ids)
    log(f"stats_postgres: inserting {ATTENDANCES:,} attendances")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        inserted = cursor.rowcount
    insert_s = time.perf_counter() - started
    log(f"stats_postgres: inserted {inserted:,} rows in {insert_s:.1f} s")
    # The whole database, not only the attendances: without statistics on the one-row strategy
    # table (too small for autovacuum's threshold) the planner expects 1 space instead of 50
    # and loops over the spaces with bitmap scans (4 s instead of 0.3 s when every space has
    # rows on every page, BENCH_LAYOUT=interleaved). VACUUM too: autovacuum would run it after
    # a bulk insert, and done now it cannot start in the middle of the timed queries.
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    vacuum_s = time.perf_counter() - started
    return {
        "spaces": len(space_ids),
        "demo_attendances": before,
        "inserted": inserted,
        "insert_s": round(insert_s, 1),
        "insert_rows_per_s": round(inserted / insert_s),
        "vacuum_analyze_s": round(vacuum_s, 1),
    }


def measure() -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rendicion.participation.models import Attendance
    from rendicion.participation.selectors import participation_stats
    from rendicion.spaces.models import Space

    def stats():
        return participation_stats(spaces=Space.objects.filter(strategy__year=YEAR))

    def bare_count():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {Attendance._meta.db_table}")
            return cursor.fetchone()[0]

    stats()  # warm-up: connection, caches
    bare_count()
    with CaptureQueriesContext(connection) as captured:
        result = stats()
    queries = [query["sql"] for query in captured.captured_queries]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + queries[-1])
        plan = [row[0] for row in cursor.fetchall()]
    log("stats_postgres: plan of the stats query:\n    " + "\n    ".join(plan))

    seconds: dict[str, list[float]] = {"stats": [], "bare_count": []}
    for i in range(RUNS):  # interleaved, alternating order: noise falls on both alike
        order = [("stats", stats), ("bare_count", bare_count)]
        for name, function in order if i % 2 == 0 else reversed(order):
            started = time.perf_counter()
            function()
            seconds[name].append(time.perf_counter() - started)
    table_rows = bare_count()
    return {
        "result": result,
        "queries": queries,
        "plan": plan,
        "seconds": seconds,
        "table_rows": table_rows,
    }


def _interrupted(signum, _frame):
    raise SystemExit(f"stats_postgres: stopped by signal {signum}")


def main() -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _interrupted)
    cluster = PgCluster()
    try:
        started = time.perf_counter()
        url = cluster.start()
        log(f"stats_postgres: PostgreSQL cluster up in {time.perf_counter() - started:.1f} s")
        with django_sandbox(database_url=url):
            from django.db import connection

            data = build_data()
            figures = measure()
            server_version = connection.cursor().connection.info.server_version
    finally:
        cluster.stop()
        log("stats_postgres: cluster stopped and removed")

    result = figures["result"]
    expected = data["demo_attendances"] + data["inserted"]
    stats_ms = statistics.median(figures["seconds"]["stats"]) * 1000
    count_ms = statistics.median(figures["seconds"]["bare_count"]) * 1000
    checks = {
        "inserted_all": data["inserted"] == ATTENDANCES,
        "attendances_match": result.attendances == expected,
        "sex_counts_add_up": sum(result.by_sex.values()) == result.attendances,
        "age_counts_add_up": sum(result.by_age_group.values()) == result.attendances,
        "one_query": len(figures["queries"]) == 1,
        "under_target": stats_ms < TARGET_MS,
    }
    ok = all(checks.values())
    if not ok:
        log(f"stats_postgres: failed checks: {[k for k, v in checks.items() if not v]}")
        for sql in figures["queries"]:
            log(f"    {sql[:500]}")
    plan_nodes = [
        line.strip().removeprefix("->").split("  (")[0].strip()
        for line in figures["plan"]
        if "(cost=" in line
    ]
    emit(
        {
            "target": f"participation_stats of {YEAR} with {ATTENDANCES:,} attendances on "
            f"PostgreSQL: median < {TARGET_MS} ms, in 1 query, count right",
            "ok": ok,
            "database": f"postgresql {server_version // 10000}.{server_version % 10000}",
            "attendances": result.attendances,
            "expected_attendances": expected,
            "table_rows": figures["table_rows"],
            "queries": len(figures["queries"]),
            "runs": RUNS,
            "stats": timing_summary(figures["seconds"]["stats"]),
            "baseline": "SELECT count(*) over the attendances table, same runs",
            "baseline_count": timing_summary(figures["seconds"]["bare_count"]),
            "stats_over_baseline_median": round(stats_ms / count_ms, 2),
            "plan_nodes": plan_nodes,
            "layout": LAYOUT,
            "data": data,
            "checks": checks,
        }
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
