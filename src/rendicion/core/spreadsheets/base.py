"""Limits, the one refusal and problem type, column declarations and cell values."""

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from rendicion.core.text import normalise_words

# Limits ---------------------------------------------------------------------------------------

# The 100,000-row benchmark file (6 MiB) unpacks to 57 MiB at a ratio of 9.4; a 20 MiB upload
# of the same kind unpacks to about 190 MiB.
MAX_UNCOMPRESSED_BYTES = 256 * 2**20
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 2**20  # smaller parts may compress better without being a threat
MAX_PARTS = 10_000
# A sheet may declare a used range far larger than what it holds (some writers do), but not
# billions of cells over a handful of rows: that is how a 2 KB file asks for 512 GB.
MAX_DECLARED_CELLS = 5_000_000
PLAUSIBLE_COLUMNS_PER_ROW = 200
# The longest real value seen in an attendance export is the consent question (~1,000
# characters); a field ten times longer is not a list of people.
MAX_FIELD_CHARS = 10_000
ROWS_PER_CHUNK = 1_000


class SpreadsheetRefused(Exception):
    """The file as a whole cannot be read (not a spreadsheet, too large, crafted, no headers…)."""


@dataclass
class Issue:
    """One problem in a file: where it is (row, column, sheet) and what it is, in Spanish."""

    row: int | None
    column: str | None
    message: str
    sheet: str = ""
    # "error" (the row, or the file, is not imported) or "warning" (imported; worth a look)
    severity: str = field(default="error", kw_only=True)

    def as_dict(self) -> dict[str, Any]:
        values: dict[str, Any] = {"row": self.row, "column": self.column, "message": self.message}
        if self.sheet:
            values = {"sheet": self.sheet, **values}
        return values

    def __str__(self) -> str:
        values = {"sheet": self.sheet, "row": self.row, "column": self.column, "msg": self.message}
        if self.row and self.column:
            return _("Fila %(row)s, columna «%(column)s»: %(msg)s") % values
        if self.row:
            return _("Fila %(row)s: %(msg)s") % values
        return str(self.message)


def upload_max_bytes() -> int:
    """The one size limit for an imported file, on the web and on the command line."""
    return settings.UPLOAD_MAX_BYTES


def spreadsheet_size_check(size: int) -> None:
    limit = upload_max_bytes()
    if size > limit:
        raise SpreadsheetRefused(
            _("El archivo pesa %(size)s; el máximo es %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


# Columns --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A field of an import: the header an export writes and the headers a file may use.

    `synonyms` match a whole header after normalise_words(); `markers` match a substring of it
    (only for columns whose header is a question, like the consent one).
    """

    field: str
    header: str
    synonyms: tuple[str, ...]
    required: bool = False
    width: int = 16
    markers: tuple[str, ...] = ()


_OVERRIDE_RANK = 10_000


@dataclass
class HeaderMatch:
    """What a header row says: {column index: Column}, and warnings for every column ignored."""

    columns: dict[int, Column] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def fields(self) -> set[str]:
        return {column.field for column in self.columns.values()}

    def header_of(self, field_name: str) -> str:
        """The file's own header text for a field (for messages naming the column)."""
        return next(
            self.texts[index]
            for index, column in self.columns.items()
            if column.field == field_name
        )


def header_match(
    cells: Sequence[Any],
    columns: Sequence[Column],
    *,
    overrides: Mapping[str, str] | None = None,
    row: int = 1,
) -> HeaderMatch:
    """Matches a header row ignoring case, accents and punctuation (DESIGN.md section 2).

    When two headers give the same field, an override (HEADER=FIELD) wins, then the most
    specific (longest) synonym, then a substring marker, then the first column. Every header
    not used is listed in the warnings: no column is dropped silently.
    """
    by_field = {column.field: column for column in columns}
    lookup: dict[str, tuple[Column, int]] = {}
    for column in columns:
        for synonym in column.synonyms:
            key = normalise_words(synonym)
            if key not in lookup or len(key) > lookup[key][1]:
                lookup[key] = (column, len(key))
    wanted = {normalise_words(k): v for k, v in (overrides or {}).items()}
    match = HeaderMatch()
    candidates: dict[int, tuple[Column, int]] = {}
    for index, header in enumerate(cells):
        text = "" if header is None else str(header).strip()
        key = normalise_words(text)
        if not key:
            continue
        match.texts[index] = text
        if key in wanted and wanted[key] in by_field:
            candidates[index] = (by_field[wanted[key]], _OVERRIDE_RANK)
        elif key in lookup:
            candidates[index] = lookup[key]
        else:
            marked = next((c for c in columns if any(marker in key for marker in c.markers)), None)
            if marked is not None:
                candidates[index] = (marked, 0)
    chosen: dict[str, int] = {}
    for index, (column, rank) in candidates.items():
        if column.field not in chosen or rank > candidates[chosen[column.field]][1]:
            chosen[column.field] = index
    match.columns = {index: candidates[index][0] for index in sorted(chosen.values())}
    for index, text in match.texts.items():
        if index not in candidates:
            match.warnings.append(
                Issue(row, text, _("columna desconocida: se ignora"), severity="warning")
            )
        elif index not in match.columns:
            winner = match.texts[chosen[candidates[index][0].field]]
            match.warnings.append(
                Issue(
                    row,
                    text,
                    _("la columna «%(other)s» ya da este dato: se ignora") % {"other": winner},
                    severity="warning",
                )
            )
    return match


def header_map(cells: Sequence[Any], columns: Sequence[Column]) -> dict[int, Column]:
    """{column index: Column} for a header row (header_match without the warnings)."""
    return header_match(cells, columns).columns


def row_values(cells: Sequence[Any], columns: Mapping[int, Column]) -> dict[str, Any]:
    """{field: cell} for one row; missing cells are None."""
    return {
        column.field: cells[index] if index < len(cells) else None
        for index, column in columns.items()
    }


# Cell values ----------------------------------------------------------------------------------

# Excel counts 29 February 1900, which never was: from serial 61 (1900-03-01) on, day 0 is
# 1899-12-30. Earlier serials are no one's birth date and are not taken for dates.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL = re.compile(r"^\d{1,7}(?:[.,]0+)?$")
_MIN_SERIAL, _MAX_SERIAL = 61, 2_958_465  # 1900-03-01, 9999-12-31


def excel_serial_date(value: Any) -> dt.date | None:
    """The date an Excel serial number (45200, "45200", 45200.0) stands for, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            value = int(value)  # a date and time: the date part
        number = int(value)
    elif isinstance(value, str) and _SERIAL.match(value.strip()):
        number = int(re.split(r"[.,]", value.strip())[0])
    else:
        return None
    if not _MIN_SERIAL <= number <= _MAX_SERIAL:
        return None
    return _EXCEL_EPOCH + dt.timedelta(days=number)


# Opening a table ------------------------------------------------------------------------------


@dataclass
class Table:
    """The rows of one sheet (or of a CSV), read lazily; `warnings` grows as rows are read."""

    sheet: str | None
    rows: Iterator[list[Any]]
    warnings: list[Issue] = field(default_factory=list)


def is_xlsx(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"
