"""The open-data CSV of published answers with 1,000,000 rows, on a throwaway PostgreSQL cluster,
against a bare Django streaming response of the same rows in the same run.

Target: the dataset's download takes at most 1.5 × the bare response's time, and the peak RSS it
adds to the process (which already holds Django and the demo, about 150 MB) stays under 100 MB. The bare response is the pattern of Django's own
documentation: the same queryset read with `.iterator()`, each row through `csv.writer` into a
StreamingHttpResponse, without the exporter layer (formula neutralisation, typed cells, header
of the dictionary).
"""

import csv
import os
import signal
import statistics
import sys
import time
from pathlib import Path

from _support import django_sandbox, emit, log, peak_rss_mb, peak_rss_reset, rss_mb, timing_summary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.pgcluster import PgCluster  # noqa: E402

YEAR = 2023
ROWS = int(os.environ.get("BENCH_ANSWERS", "1000000"))
RUNS = 2
TARGET_RATIO = 1.5
TARGET_RSS_MB = 100


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _default_sql(field) -> str | None:
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


def _insert(model, columns: dict[str, str], source: str) -> str:
    """INSERT … SELECT with every column: those given, the others at their default."""
    fields = {f.column: f for f in model._meta.concrete_fields if not f.primary_key}
    unknown = sorted(set(columns) - set(fields))
    for column, field in fields.items():
        if column not in columns:
            columns[column] = _default_sql(field)
    missing = sorted(column for column, sql in columns.items() if sql is None)
    if unknown or missing:
        raise SystemExit(
            f"opendata_stream: the {model.__name__} columns changed; update build_data(): "
            f"no default for {missing}, not in the model {unknown}"
        )
    return (
        f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) "
        f"SELECT {', '.join(columns.values())} {source}"
    )


def build_data() -> dict:
    from django.db import connection, transaction

    from rendicion.core.models import Office
    from rendicion.demo.services import demo_load
    from rendicion.questions.models import Answer, Question
    from rendicion.spaces.models import Space

    started = time.perf_counter()
    strategy = demo_load().strategy
    space_ids = list(Space.objects.filter(strategy=strategy).values_list("pk", flat=True))
    office_id = Office.objects.filter(entity=strategy.entity).order_by("pk").values("pk")[0]["pk"]
    before = Question.objects.filter(space__strategy=strategy, state="published").count()
    log(f"opendata_stream: demo ready in {time.perf_counter() - started:.1f} s")
    marker = "bench-"
    questions = _insert(
        Question,
        {
            "space_id": f"(%s::bigint[])[1 + (g - 1) * {len(space_ids)} / %s]",
            "text": "'¿Cuándo publica la entidad el informe número ' || g || ', con sus cifras?'",
            "channel": "'public_form'",
            "kind": "'general'",
            "received_at": "timestamp with time zone '2023-04-20 10:00-05' + g * interval '1 second'",
            "received_on": "date '2023-04-20'",
            "due_date": "date '2023-05-12'",
            "deadline": "date '2023-05-12'",
            "office_id": "%s",
            "state": "'published'",
            "answered_at": "timestamp with time zone '2023-05-02 10:00-05'",
            "extension_reason": _sql_text(marker) + " || g",
            "created_at": "now()",
            "updated_at": "now()",
        },
        "FROM generate_series(1, %s::bigint) AS g",
    )
    answers = _insert(
        Answer,
        {
            "question_id": "q.id",
            "text": "'La entidad publica el informe en el segundo trimestre, en su sitio web. "
            "Respuesta ' || q.id || '.'",
            "office_id": "q.office_id",
            "approved_at": "q.answered_at",
            "published_at": "q.answered_at",
            "created_at": "now()",
            "updated_at": "now()",
        },
        f"FROM {Question._meta.db_table} AS q WHERE q.extension_reason LIKE "
        f"{_sql_text(marker + '%')}",
    )
    log(f"opendata_stream: inserting {ROWS:,} published questions and their answers")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(questions, [space_ids, ROWS, office_id, ROWS])
        inserted = cursor.rowcount
        cursor.execute(answers)
        cursor.execute(
            f"UPDATE {Question._meta.db_table} SET extension_reason = '' "
            f"WHERE extension_reason LIKE {_sql_text(marker + '%')}"
        )
    insert_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    log(f"opendata_stream: inserted in {insert_s:.1f} s")
    return {
        "published_before": before,
        "inserted": inserted,
        "insert_s": round(insert_s, 1),
        "spaces": len(space_ids),
    }


class _Echo:
    def write(self, value):
        return value


def _bare_view(request):
    """Django's documented way to stream a large CSV, over the same rows."""
    from django.http import StreamingHttpResponse

    from rendicion.questions.selectors import published_answer_rows
    from rendicion.spaces.models import Space

    rows = published_answer_rows(spaces=Space.objects.filter(strategy__year=YEAR))
    writer = csv.writer(_Echo())
    lines = (writer.writerow(row) for row in rows.iterator(chunk_size=2000))
    return StreamingHttpResponse(lines, content_type="text/csv")


def _consume(response) -> tuple[int, int]:
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    response.close()
    return size, lines


def measure() -> dict:
    from django.test import RequestFactory

    from rendicion.opendata.views import download

    factory = RequestFactory()

    def opendata():
        return download(factory.get("/"), YEAR, "preguntas-respuestas", "csv")

    def bare():
        return _bare_view(factory.get("/"))

    results = {"opendata": [], "bare": []}
    rss = {"opendata": [], "bare": []}
    added = {"opendata": [], "bare": []}
    sizes = {}
    for i in range(RUNS):  # alternating order: noise falls on both alike
        order = [("opendata", opendata), ("bare", bare)]
        for name, view in order if i % 2 == 0 else reversed(order):
            reset = peak_rss_reset()
            before = rss_mb()
            started = time.perf_counter()
            size, lines = _consume(view())
            results[name].append(time.perf_counter() - started)
            rss[name].append(round(peak_rss_mb(), 1) if reset else None)
            added[name].append(round(max(0.0, peak_rss_mb() - before), 1) if reset else None)
            sizes[name] = (size, lines)
            log(
                f"opendata_stream: {name} {lines:,} lines, {size / 1e6:.0f} MB in "
                f"{results[name][-1]:.1f} s (RSS before {before:.0f} MB, peak {rss[name][-1]} MB)"
            )
    return {"seconds": results, "peak_rss_mb": rss, "added_mb": added, "sizes": sizes}


def _interrupted(signum, _frame):
    raise SystemExit(f"opendata_stream: stopped by signal {signum}")


def main() -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _interrupted)
    cluster = PgCluster()
    try:
        url = cluster.start()
        with django_sandbox(database_url=url):
            data = build_data()
            figures = measure()
    finally:
        cluster.stop()
        log("opendata_stream: cluster stopped and removed")
    ratio = statistics.median(figures["seconds"]["opendata"]) / statistics.median(
        figures["seconds"]["bare"]
    )
    # The process already holds Django and the loaded demo (about 150 MB here) before the
    # download starts: the figure is the peak RSS the download adds to it.
    peaks = [value for value in figures["added_mb"]["opendata"] if value is not None]
    peak = max(peaks) if peaks else None
    expected_lines = data["published_before"] + data["inserted"] + 1  # the header
    checks = {
        "inserted_all": data["inserted"] == ROWS,
        "every_row_sent": figures["sizes"]["opendata"][1] >= expected_lines,
        "ratio_within_target": ratio <= TARGET_RATIO,
        "peak_rss_within_target": peak is not None and peak < TARGET_RSS_MB,
    }
    ok = all(checks.values())
    emit(
        {
            "target": f"/datos/ CSV of {ROWS:,} published answers on PostgreSQL: at most "
            f"{TARGET_RATIO}× a bare Django StreamingHttpResponse of the same rows, peak RSS "
            f"added < {TARGET_RSS_MB} MB",
            "ok": ok,
            "ratio_to_bare": round(ratio, 2),
            "peak_rss_mb": peak,
            "opendata": timing_summary(figures["seconds"]["opendata"]),
            "bare": timing_summary(figures["seconds"]["bare"]),
            "peak_rss_meaning": "MB the download adds to the process's RSS at its peak",
            "process_peak_rss_mb": figures["peak_rss_mb"],
            "bare_added_rss_mb": figures["added_mb"]["bare"],
            "bytes": {name: size for name, (size, _lines) in figures["sizes"].items()},
            "lines": {name: lines for name, (_size, lines) in figures["sizes"].items()},
            "data": data,
            "checks": checks,
        }
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
