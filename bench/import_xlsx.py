"""Import of a 100,000-row attendance XLSX (a Google Forms export) into an empty space on SQLite.

Target: >= 5,000 rows/s and all 100,000 rows imported. Peak RSS of the import is reported next
to the RSS before it; the baseline is openpyxl in read-only mode iterating the same file.
"""

import sys

from _support import ATTENDANCE_HEADERS, attendance_rows, import_benchmark

ROWS = 100_000
TARGET_ROWS_PER_SECOND = 5_000


def write(path, rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Respuestas de formulario 1")
    sheet.append(ATTENDANCE_HEADERS)
    for row in attendance_rows(rows, typed=True):
        sheet.append(row)
    workbook.save(path)


def baseline(path) -> int:
    """openpyxl read-only, values only: every row iterated, nothing kept. Returns data rows."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True)) - 1
    finally:
        workbook.close()


if __name__ == "__main__":
    sys.exit(
        import_benchmark(
            name="import_xlsx",
            rows=ROWS,
            suffix="xlsx",
            write=write,
            baseline=baseline,
            baseline_name="openpyxl read-only iter_rows over the same file",
            target_rows_per_second=TARGET_ROWS_PER_SECOND,
        )
    )
