"""One download layer: an exporter names its columns once and yields rows; this module writes them.

Formats: CSV (UTF-8 with a byte-order mark, so that Excel reads the accents), XLSX (openpyxl's
write-only mode), JSON, and HTML (one accessible table, for exporters that offer it). CSV and JSON are generated while the response is sent; an XLSX is written
row by row to an anonymous temporary file, then sent from it. Nothing holds the whole file.

Spreadsheet formula injection (OWASP's CSV-injection rule, DESIGN.md section 2): a text cell that
starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written so that Excel and LibreOffice
show it as text. In CSV it gets a leading apostrophe; in XLSX it stays a string cell (never a
formula) with the quote-prefix style, and its value is unchanged. Numbers are numbers: -2 is not
text and is not touched. JSON is data, not a spreadsheet: its strings are left as they are.

Exporters register themselves (`exporter_register`) so that a page or the open-data catalogue can
list and look them up by identifier; each app keeps its exporters in `exports.py`, which
`CoreConfig.ready` imports.
"""

import datetime as dt
import enum
import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any, ClassVar

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "html": "text/html; charset=utf-8",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_PREFIX = "'"
# Bytes gathered before a chunk of CSV or JSON is handed to the server.
CHUNK_SIZE = 64 * 1024
# A CSV field is quoted when it holds one of these: the comma, quote and line breaks of RFC 4180,
# plus `;` and tab, which a spreadsheet set to another list separator (Excel in es-CO uses `;`)
# would otherwise split into cells of their own, each able to start like a formula.
CSV_QUOTE_WHEN = re.compile('[,";\t\r\n]')


class ColumnType(enum.StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"


DATE_FORMATS = {ColumnType.DATE: "yyyy-mm-dd", ColumnType.DATETIME: "yyyy-mm-dd hh:mm:ss"}


@dataclass(frozen=True)
class ExportColumn:
    """One column: `key` names it in JSON and in row mappings, `header` is its Spanish title.

    `type` is what the column holds; a value is still written by its own Python type (a number in
    a text column stays a number), so that mixed columns keep the layout the imports read back.
    """

    key: str
    header: str
    type: ColumnType = ColumnType.TEXT
    width: int | None = None


class Exporter:
    """A download: subclasses set the class attributes and implement `rows`.

    `rows` yields one row at a time, either a mapping by column key or a sequence in column order;
    it should read the database with `.iterator()` so that a long list is never held whole.
    """

    identifier: ClassVar[str] = ""
    verbose_name: ClassVar[str] = ""  # Spanish, e.g. "Lista de asistencia"
    columns: ClassVar[Sequence[ExportColumn]] = ()
    formats: ClassVar[tuple[str, ...]] = ("csv", "xlsx", "json")
    sheet_title: ClassVar[str] = ""  # XLSX sheet name; the verbose name when empty
    freeze_panes: ClassVar[str | None] = None  # e.g. "A2" keeps the header row in view
    wrap_text: ClassVar[bool] = False

    def filename(self) -> str:
        """The file name without its extension."""
        return self.identifier

    def rows(self) -> Iterable[Mapping[str, Any] | Sequence[Any]]:
        raise NotImplementedError


# Registry --------------------------------------------------------------------------------------

_REGISTRY: dict[str, type[Exporter]] = {}


class ExporterUnknown(LookupError):
    pass


def exporter_register(exporter: type[Exporter]) -> type[Exporter]:
    """Class decorator: makes an exporter available by its identifier."""
    identifier = exporter.identifier
    if not identifier or not exporter.columns:
        raise ValueError(f"{exporter.__name__} needs an identifier and columns")
    registered = _REGISTRY.get(identifier)
    same = (registered.__module__, registered.__qualname__) if registered else None
    if registered is not None and same != (exporter.__module__, exporter.__qualname__):
        raise ValueError(f"two exporters share the identifier {identifier!r}")
    keys = [column.key for column in exporter.columns]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{exporter.__name__} repeats a column key")
    _REGISTRY[identifier] = exporter
    return exporter


def exporter_get(identifier: str) -> type[Exporter]:
    try:
        return _REGISTRY[identifier]
    except KeyError:
        raise ExporterUnknown(identifier) from None


def exporter_list() -> list[type[Exporter]]:
    """Every registered exporter, by identifier."""
    return [_REGISTRY[identifier] for identifier in sorted(_REGISTRY)]


# Cells -----------------------------------------------------------------------------------------


def formula_risky(value: Any) -> bool:
    """Whether a spreadsheet could read this value as a formula (only text can be)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def formula_neutralise(text: str) -> str:
    """The text as a CSV cell that a spreadsheet shows as text (OWASP's leading apostrophe)."""
    return FORMULA_PREFIX + text if formula_risky(text) else text


def formula_prefix_remove(text: str) -> str:
    """Undoes formula_neutralise, for an import reading back a CSV this layer wrote."""
    if text.startswith(FORMULA_PREFIX) and formula_risky(text[1:]):
        return text[1:]
    return text


def _local_naive(value: dt.datetime) -> dt.datetime:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def _row_values(exporter: Exporter, row: Mapping[str, Any] | Sequence[Any]) -> Sequence[Any]:
    if isinstance(row, Mapping):
        return [row.get(column.key) for column in exporter.columns]
    if len(row) != len(exporter.columns):
        raise ValueError(
            f"{exporter.identifier}: a row has {len(row)} values for "
            f"{len(exporter.columns)} columns"
        )
    return row


def _text(value: Any) -> str:
    """Any other value (lazy translations, enums) as its text."""
    return str(value)


def _csv_cell(value: Any) -> str:
    """One CSV field: typed values as text, formula-like text neutralised, quoted when needed.

    Called once per cell of files with hundreds of thousands of rows: the common types first.
    """
    kind = type(value)
    if kind is str:
        text = value
    elif value is None:
        return ""
    elif kind is bool:
        return _("Sí") if value else _("No")
    elif kind is int or kind is float or kind is Decimal:
        return str(value)
    elif isinstance(value, dt.datetime):
        return _local_naive(value).isoformat(sep=" ", timespec="seconds")
    elif isinstance(value, dt.date):
        return value.isoformat()
    else:
        text = _text(value)
    if text.startswith(FORMULA_STARTS):
        text = FORMULA_PREFIX + text
    if CSV_QUOTE_WHEN.search(text):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _csv_line(values: Iterable[Any]) -> str:
    return ",".join(map(_csv_cell, values)) + "\r\n"


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return _local_naive(value).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _text(value)


# Writers ---------------------------------------------------------------------------------------


def _chunked(pieces: Iterable[str]) -> Iterator[bytes]:
    buffer = bytearray()
    for piece in pieces:
        buffer += piece.encode("utf-8")
        if len(buffer) >= CHUNK_SIZE:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)


def csv_chunks(exporter: Exporter) -> Iterator[bytes]:
    """The CSV as chunks of bytes: a byte-order mark, the Spanish headers, one line per row."""

    def lines() -> Iterator[str]:
        yield "\ufeff" + _csv_line(_text(column.header) for column in exporter.columns)
        for row in exporter.rows():
            yield _csv_line(_row_values(exporter, row))

    return _chunked(lines())


def json_chunks(exporter: Exporter) -> Iterator[bytes]:
    """A JSON array of objects keyed by column key, written one object at a time."""
    keys = [column.key for column in exporter.columns]

    def pieces() -> Iterator[str]:
        yield "["
        separator = "\n"
        for row in exporter.rows():
            values = (_json_value(value) for value in _row_values(exporter, row))
            yield separator + json.dumps(dict(zip(keys, values, strict=True)), ensure_ascii=False)
            separator = ",\n"
        yield "\n]\n"

    return _chunked(pieces())


def _html_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Sí") if value else _("No")
    if isinstance(value, dt.datetime):
        return _local_naive(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return escape(_text(value))


def html_chunks(exporter: Exporter) -> Iterator[bytes]:
    """A standalone, accessible HTML page with one table: for reading and printing, offered
    only by exporters that list "html" in their formats. Text is escaped, never interpreted."""
    title = escape(_text(exporter.verbose_name))

    def pieces() -> Iterator[str]:
        yield (
            '<!DOCTYPE html>\n<html lang="es-CO">\n<head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="{escape(static("img/logo.svg"))}" type="image/svg+xml">'
            f"<title>{title}</title></head>\n"
            f"<body><main><h1>{title}</h1>\n<table>\n<thead><tr>"
        )
        yield "".join(f'<th scope="col">{escape(_text(c.header))}</th>' for c in exporter.columns)
        yield "</tr></thead>\n<tbody>\n"
        for row in exporter.rows():
            cells = "".join(f"<td>{_html_cell(v)}</td>" for v in _row_values(exporter, row))
            yield f"<tr>{cells}</tr>\n"
        yield "</tbody>\n</table>\n</main></body>\n</html>\n"

    return _chunked(pieces())


class _XlsxCells:
    """Turns values into write-only cells; plain values where openpyxl needs no help."""

    def __init__(self, sheet: Any, exporter: Exporter) -> None:
        self.sheet = sheet
        self.wrap = Alignment(wrap_text=True, vertical="top") if exporter.wrap_text else None
        self.formats = [DATE_FORMATS.get(column.type) for column in exporter.columns]

    def cell(self, value: Any, index: int) -> Any:
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        elif isinstance(value, dt.datetime):
            value = _local_naive(value)
        elif value is not None and not isinstance(value, int | float | Decimal | dt.date):
            value = _text(value)
        risky = isinstance(value, str) and (formula_risky(value) or value in ERROR_CODES)
        number_format = self.formats[index] if isinstance(value, dt.date) else None
        if not (risky or number_format or self.wrap):
            return value
        cell = WriteOnlyCell(self.sheet, value=value)
        if risky:
            # Assigning the value made "=..." a formula and "#N/A" an error: it is text.
            cell.data_type = "s"
            cell.quotePrefix = True
        if number_format:
            cell.number_format = number_format
        if self.wrap:
            cell.alignment = self.wrap
        return cell


def xlsx_write(exporter: Exporter, target: IO[bytes]) -> None:
    """The XLSX into a binary file: bold headers, then one row at a time."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_text(exporter.sheet_title or exporter.verbose_name)[:31])
    for index, column in enumerate(exporter.columns, 1):
        if column.width:
            sheet.column_dimensions[get_column_letter(index)].width = column.width
    if exporter.freeze_panes:
        sheet.freeze_panes = exporter.freeze_panes
    bold = Font(bold=True)
    header = []
    for column in exporter.columns:
        cell = WriteOnlyCell(sheet, value=_text(column.header))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    cells = _XlsxCells(sheet, exporter)
    for row in exporter.rows():
        sheet.append(
            [cells.cell(value, index) for index, value in enumerate(_row_values(exporter, row))]
        )
    workbook.save(target)


def export_bytes(exporter: Exporter, fmt: str) -> bytes:
    """The whole file in memory: for commands and tests, not for web downloads of long lists."""
    if fmt == "xlsx":
        with tempfile.TemporaryFile() as target:
            xlsx_write(exporter, target)
            target.seek(0)
            return target.read()
    chunks = {"csv": csv_chunks, "json": json_chunks, "html": html_chunks}[fmt](exporter)
    return b"".join(chunks)


def export_response(exporter: Exporter, fmt: str) -> StreamingHttpResponse:
    """The download of one format; 404 for a format the exporter does not offer.

    Permission checks belong to the view, before this is called. CSV and JSON stream as they are
    generated (their queries run while the response is sent); XLSX goes through a temporary file
    that is deleted when the response is closed.
    """
    if fmt not in exporter.formats:
        raise Http404
    filename = f"{exporter.filename()}.{fmt}"
    if fmt == "xlsx":
        # Closed, hence deleted, by FileResponse once sent.
        target = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            xlsx_write(exporter, target)
        except BaseException:
            target.close()
            raise
        target.seek(0)
        return FileResponse(
            target, as_attachment=True, filename=filename, content_type=CONTENT_TYPES[fmt]
        )
    if fmt == "html":  # a page to read in the browser, not a download
        return StreamingHttpResponse(html_chunks(exporter), content_type=CONTENT_TYPES[fmt])
    chunks = csv_chunks(exporter) if fmt == "csv" else json_chunks(exporter)
    response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
