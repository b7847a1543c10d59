"""The one reader of the spreadsheets staff import (attendance, cronograma, self-assessment).

A file is untrusted: no file, however crafted, may take the process down or use unbounded
memory (DESIGN.md section 2, "Files"). So:

- an XLSX is checked before any parser sees it (xlsx_check): the ZIP's declared and actual
  uncompressed sizes, each part's compression ratio, and each sheet's declared dimension
  against the rows it really holds;
- python-calamine then reads it in a forked child with an address-space and CPU limit, which
  streams the rows back in chunks over a pipe; whatever the file makes calamine do (it aborts
  the whole process on some files, with no Python exception), the parent survives and refuses
  the file with a Spanish message;
- a CSV is decoded line by line (UTF-8 where valid, else Windows-1252) and any field longer than
  MAX_FIELD_CHARS refuses the file, naming the row.

An importer is its column declaration (Column) plus a row reader over table_open(); problems are
Issue values and a file refused as a whole raises SpreadsheetRefused.
"""

from django.utils.translation import gettext as _

from .base import (
    MAX_COMPRESSION_RATIO,
    MAX_DECLARED_CELLS,
    MAX_FIELD_CHARS,
    MAX_UNCOMPRESSED_BYTES,
    Column,
    HeaderMatch,
    Issue,
    SpreadsheetRefused,
    Table,
    excel_serial_date,
    header_map,
    header_match,
    is_xlsx,
    row_values,
    spreadsheet_size_check,
    upload_max_bytes,
)
from .csvfile import csv_table
from .xlsx import xlsx_check, xlsx_table

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_DECLARED_CELLS",
    "MAX_FIELD_CHARS",
    "MAX_UNCOMPRESSED_BYTES",
    "Column",
    "HeaderMatch",
    "Issue",
    "SpreadsheetRefused",
    "Table",
    "csv_table",
    "excel_serial_date",
    "header_map",
    "header_match",
    "is_xlsx",
    "row_values",
    "spreadsheet_size_check",
    "table_open",
    "upload_max_bytes",
    "xlsx_check",
    "xlsx_table",
]


def table_open(
    data: bytes,
    *,
    sheet: str | None = None,
    missing: str = "refuse",
    allow_csv: bool = True,
) -> Table:
    """The rows of an XLSX sheet or of a CSV (, ; or tab), checked and bounded.

    `sheet` names the sheet wanted (None: the first). When the file has no such sheet,
    `missing` says what to do: "refuse", "first" (read the first sheet) or "none" (an empty
    table whose `sheet` is None).
    """
    spreadsheet_size_check(len(data))
    if is_xlsx(data):
        xlsx_check(data)
        return xlsx_table(data, sheet=sheet, missing=missing)
    if not allow_csv:
        raise SpreadsheetRefused(_("El archivo no es una hoja de cálculo XLSX que se pueda leer."))
    return csv_table(data)
