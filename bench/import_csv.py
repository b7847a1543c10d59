"""Import of a 100,000-row attendance CSV (a Google Forms export) into an empty space on SQLite.

Target: >= 10,000 rows/s and all 100,000 rows imported. Peak RSS of the import is reported
next to the RSS before it; the baseline is Python's csv module reading the same file.
"""

import csv
import sys

from _support import ATTENDANCE_HEADERS, attendance_rows, import_benchmark

ROWS = 100_000
TARGET_ROWS_PER_SECOND = 10_000


def write(path, rows: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as output:
        writer = csv.writer(output)
        writer.writerow(ATTENDANCE_HEADERS)
        writer.writerows(attendance_rows(rows, typed=False))


def baseline(path) -> int:
    """Python's csv module alone: every row read, nothing kept. Returns the data rows."""
    with open(path, newline="", encoding="utf-8-sig") as source:
        return sum(1 for _row in csv.reader(source)) - 1


if __name__ == "__main__":
    sys.exit(
        import_benchmark(
            name="import_csv",
            rows=ROWS,
            suffix="csv",
            write=write,
            baseline=baseline,
            baseline_name="csv.reader over the same file",
            target_rows_per_second=TARGET_ROWS_PER_SECOND,
        )
    )
