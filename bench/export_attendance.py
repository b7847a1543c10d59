"""Staff download of a 50,000-person attendance list as CSV and XLSX, through the real view.

Target: the memory a download adds (peak RSS over the RSS before it) is about the same for
50,000 people as for 5,000: at most 1.5 times the small list's plus 8 MiB. A layer that held the
rows or the file would grow about ten times. Times are reported next to each other.
"""

import csv
import gc
import io
import sys
import time

from _support import (
    ATTENDANCE_HEADERS,
    attendance_rows,
    django_sandbox,
    emit,
    import_space,
    log,
    peak_rss_mb,
    peak_rss_reset,
    rss_mb,
)

SMALL, LARGE = 5_000, 50_000


def _csv(rows: int) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(ATTENDANCE_HEADERS)
    writer.writerows(attendance_rows(rows, typed=False))
    return output.getvalue().encode("utf-8")


def _download(client, slug: str, fmt: str) -> dict:
    """One download, consumed chunk by chunk as a server would send it."""
    gc.collect()
    before = rss_mb()
    reset = peak_rss_reset()
    started = time.perf_counter()
    response = client.get(f"/gestion/espacios/{slug}/asistencia.{fmt}")
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    assert response.status_code == 200 and response.streaming
    return {
        "seconds": round(seconds, 2),
        "bytes": size,
        "rss_before_mib": round(before, 1),
        "added_peak_mib": round(peak - before, 1) if reset else None,
    }


def main() -> int:
    with django_sandbox():
        from django.test import Client

        from rendicion.core.models import Role, User
        from rendicion.participation.services import attendance_import

        slugs = {}
        for rows in (SMALL, LARGE):
            space = import_space(f"Descarga de {rows:,} personas")
            started = time.perf_counter()
            result = attendance_import(space=space, data=_csv(rows), filename="a.csv")
            log(
                f"export_attendance: {result.imported:,} people stored in "
                f"{time.perf_counter() - started:.1f} s"
            )
            assert result.imported == rows, result
            slugs[rows] = space.slug
        client = Client()
        client.force_login(User.objects.create(username="bench-planeacion", role=Role.PLANNING))
        figures = {}
        for fmt in ("csv", "xlsx"):
            for rows in (SMALL, LARGE):
                figures[f"{fmt}_{rows}"] = _download(client, slugs[rows], fmt)
                log(f"export_attendance: {fmt} {rows:,}: {figures[f'{fmt}_{rows}']}")
    ok = all(
        figures[f"{fmt}_{LARGE}"]["added_peak_mib"] is not None
        and figures[f"{fmt}_{LARGE}"]["added_peak_mib"]
        <= 1.5 * max(figures[f"{fmt}_{SMALL}"]["added_peak_mib"], 0) + 8
        for fmt in ("csv", "xlsx")
    )
    emit(
        {
            "target": "a 50,000-person download adds at most 1.5x the memory of a 5,000-person "
            "one, plus 8 MiB (CSV and XLSX)",
            "ok": ok,
            **figures,
        }
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
