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

import contextlib
import csv
import datetime as dt
import faulthandler
import io
import os
import pickle
import re
import resource
import signal
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .text import normalise_words

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
DEFAULT_READ_MEMORY_MB = 512
DEFAULT_READ_CPU_SECONDS = 300


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
        return _xlsx_table(data, sheet=sheet, missing=missing)
    if not allow_csv:
        raise SpreadsheetRefused(_("El archivo no es una hoja de cálculo XLSX que se pueda leer."))
    return csv_table(data)


# XLSX: checks before parsing ------------------------------------------------------------------

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?\"")
_LOCAL_HEADER = struct.Struct("<4s22xHH")
_READ_BLOCK = 1 << 16
_OUT_BLOCK = 1 << 20


def _refuse_unreadable(error: Exception | None = None) -> SpreadsheetRefused:
    return SpreadsheetRefused(_("El archivo no es una hoja de cálculo XLSX que se pueda leer."))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _mib(size: int) -> str:
    return filesizeformat(size)


def xlsx_check(data: bytes) -> None:
    """Refuses an XLSX whose parts would unpack to too much, or whose sheets lie about their size.

    Declared sizes may lie, so every part is inflated here (and discarded as it goes) with a
    cap; a worksheet's rows are counted on the way and compared with its declared dimension.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _refuse_unreadable(error) from None
    if len(parts) > MAX_PARTS:
        raise SpreadsheetRefused(
            _("El archivo tiene %(count)s partes internas: no parece una hoja de cálculo.")
            % {"count": len(parts)}
        )
    declared = sum(part.file_size for part in parts)
    if declared > MAX_UNCOMPRESSED_BYTES:
        raise SpreadsheetRefused(
            _(
                "Al descomprimirlo, el archivo ocuparía %(size)s; el máximo es %(limit)s. "
                "Divida el archivo o quite lo que no sea la tabla."
            )
            % {"size": _mib(declared), "limit": _mib(MAX_UNCOMPRESSED_BYTES)}
        )
    total = 0
    view = memoryview(data)
    for part in parts:
        ratio_cap = max(RATIO_CHECKED_FROM, part.compress_size * MAX_COMPRESSION_RATIO)
        if part.file_size > ratio_cap:
            raise _refuse_ratio(part.filename)
        cap = min(ratio_cap, MAX_UNCOMPRESSED_BYTES - total)
        is_sheet = part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")
        size, rows, dimension = _part_scan(view, part, cap=cap, count_rows=is_sheet)
        if size > cap:
            if cap == ratio_cap:
                raise _refuse_ratio(part.filename)
            raise SpreadsheetRefused(
                _("Al descomprimirlo, el archivo ocupa más de %(limit)s: no se puede leer.")
                % {"limit": _mib(MAX_UNCOMPRESSED_BYTES)}
            )
        total += size
        if is_sheet and dimension is not None:
            _dimension_check(dimension, rows)


def _refuse_ratio(name: str) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "La parte «%(part)s» del archivo se comprime más de %(ratio)s veces: así se "
            "construyen los archivos hechos para agotar la memoria. No se lee."
        )
        % {"part": name, "ratio": MAX_COMPRESSION_RATIO}
    )


def _dimension_check(dimension: tuple[bytes, ...], rows: int) -> None:
    first_col, first_row, last_col, last_row = dimension
    if not last_col:
        return
    height = int(last_row) - int(first_row) + 1
    width = _column_number(last_col) - _column_number(first_col) + 1
    cells = height * width
    if cells > MAX_DECLARED_CELLS and cells > (rows + 1) * PLAUSIBLE_COLUMNS_PER_ROW:
        reference = b"%s%s:%s%s" % dimension
        raise SpreadsheetRefused(
            _(
                "La hoja dice ocupar el rango %(range)s (%(cells)s celdas) pero solo tiene "
                "%(rows)s filas. Ábrala en Excel o LibreOffice, copie la tabla a un libro nuevo "
                "y guárdelo de nuevo."
            )
            % {"range": reference.decode(), "cells": f"{cells:,}".replace(",", "."), "rows": rows}
        )


def _part_scan(
    view: memoryview, part: zipfile.ZipInfo, *, cap: int, count_rows: bool
) -> tuple[int, int, tuple[bytes, ...] | None]:
    """(actual size up to cap + 1, rows counted, declared dimension) of one ZIP part."""
    start = part.header_offset
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(view, start)
    if signature != b"PK\x03\x04":
        raise _refuse_unreadable()
    start += _LOCAL_HEADER.size + name_length + extra_length
    raw = view[start : start + part.compress_size]
    if part.compress_type == zipfile.ZIP_STORED:
        chunks: Iterator[bytes] = (
            bytes(raw[i : i + _OUT_BLOCK]) for i in range(0, len(raw), _OUT_BLOCK)
        )
    elif part.compress_type == zipfile.ZIP_DEFLATED:
        chunks = _inflate(raw, cap=cap)
    else:
        raise _refuse_unreadable()
    size = rows = 0
    dimension = None
    tail = b""
    for chunk in chunks:
        if count_rows:
            if size == 0:
                found = _DIMENSION.search(chunk[:8192])
                dimension = found.groups(b"") if found else None
            rows += (tail + chunk).count(b"<row")
            tail = chunk[-3:]
        size += len(chunk)
        if size > cap:
            break
    return size, rows, dimension


def _inflate(raw: memoryview, *, cap: int) -> Iterator[bytes]:
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    try:
        for position in range(0, len(raw), _READ_BLOCK):
            pending = bytes(raw[position : position + _READ_BLOCK])
            while pending:
                chunk = inflater.decompress(pending, _OUT_BLOCK)
                produced += len(chunk)
                yield chunk
                if produced > cap:
                    return
                pending = inflater.unconsumed_tail
        yield inflater.flush()
    except zlib.error:
        raise _refuse_unreadable() from None


# XLSX: parsing in a bounded child ---------------------------------------------------------------


def _read_limits() -> tuple[int, int]:
    memory_mb = getattr(settings, "SPREADSHEET_READ_MEMORY_MB", DEFAULT_READ_MEMORY_MB)
    cpu_seconds = getattr(settings, "SPREADSHEET_READ_CPU_SECONDS", DEFAULT_READ_CPU_SECONDS)
    return memory_mb * 2**20, cpu_seconds


def _virtual_size() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _limit_child(memory: int, cpu_seconds: int) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _virtual_size() + memory
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    used = int(sum(os.times()[:2]))
    cpu = used + cpu_seconds
    if hard != resource.RLIM_INFINITY:
        cpu = min(cpu, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))


_EXIT_MEMORY = 3
_EXIT_OTHER = 4


def _child_read(data: bytes, sheet: str | None, missing: str, output) -> None:
    """In the child: open with calamine, send ("sheet", name), ("rows", [...])…, ("end", None)."""
    from python_calamine import CalamineError, CalamineWorkbook

    def send(kind: str, value: Any) -> None:
        pickle.dump((kind, value), output, protocol=pickle.HIGHEST_PROTOCOL)

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(workbook.sheet_names)
        if not names:
            send("refused", str(_refuse_unreadable()))
            return
        name = names[0] if sheet is None else sheet
        if name not in names:
            if missing == "none":
                send("sheet", None)
                send("end", None)
                return
            if missing == "refuse":
                send(
                    "refused",
                    _("El archivo no tiene una hoja llamada «%(sheet)s». Tiene: %(names)s.")
                    % {"sheet": sheet, "names": ", ".join(names)},
                )
                return
            name = names[0]
        rows = workbook.get_sheet_by_name(name).iter_rows()
        send("sheet", name)
        chunk: list[list[Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == ROWS_PER_CHUNK:
                send("rows", chunk)
                chunk = []
        if chunk:
            send("rows", chunk)
        send("end", None)
    except (CalamineError, ValueError, OSError, UnicodeError, KeyError):
        send("refused", str(_refuse_unreadable()))


def _xlsx_table(data: bytes, *, sheet: str | None, missing: str) -> Table:
    memory, cpu_seconds = _read_limits()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is tested through the parent
        status = 0
        try:
            os.close(read_end)
            # calamine's Rust panics print a backtrace (and a test runner's faulthandler, a
            # Python one): neither is for the person importing.
            faulthandler.disable()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            _limit_child(memory, cpu_seconds)
            with os.fdopen(write_end, "wb", buffering=_OUT_BLOCK) as output:
                _child_read(data, sheet, missing, output)
        except MemoryError:
            status = _EXIT_MEMORY
        except BaseException:
            status = _EXIT_OTHER
        os._exit(status)
    os.close(write_end)
    source = os.fdopen(read_end, "rb", buffering=_OUT_BLOCK)
    child = _Child(pid, source, memory)
    try:
        kind, value = child.receive()
        if kind == "refused":
            raise SpreadsheetRefused(value)
        if kind != "sheet":
            raise child.failure()
    except BaseException:
        child.close()
        raise
    return Table(sheet=value, rows=child.rows())


class _Child:
    def __init__(self, pid: int, source, memory: int) -> None:
        self.pid, self.source, self.memory = pid, source, memory
        self.reaped: int | None = None

    def receive(self) -> tuple[str, Any]:
        try:
            return pickle.load(self.source)
        except (EOFError, pickle.UnpicklingError, ValueError):
            raise self.failure() from None

    def failure(self) -> SpreadsheetRefused:
        status = self.wait()
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
            return SpreadsheetRefused(
                _("Leer el archivo tomó demasiado tiempo: no se importa. Revise que sea la tabla.")
            )
        return SpreadsheetRefused(
            _(
                "El archivo no se pudo leer con el límite de memoria de %(limit)s: está dañado "
                "o fue hecho para agotar la memoria. Ábralo en Excel o LibreOffice, copie la "
                "tabla a un libro nuevo y guárdelo de nuevo."
            )
            % {"limit": _mib(self.memory)}
        )

    def rows(self) -> Iterator[list[Any]]:
        try:
            while True:
                kind, value = self.receive()
                if kind == "rows":
                    yield from value
                elif kind == "end":
                    return
                elif kind == "refused":
                    raise SpreadsheetRefused(value)
                else:
                    raise self.failure()
        finally:
            self.close()

    def wait(self) -> int:
        if self.reaped is None:
            self.source.close()
            _pid, self.reaped = os.waitpid(self.pid, 0)
        return self.reaped

    def close(self) -> None:
        if self.reaped is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self.wait()


# CSV ------------------------------------------------------------------------------------------

_DELIMITERS = (",", ";", "\t")
_SAMPLE_ROWS = 20
_LISTED_FALLBACK_ROWS = 20


def _decode_lines(data: bytes) -> tuple[str, set[int]]:
    """The text, and the physical line numbers (1-based) read as Windows-1252.

    The whole file is UTF-8 (fast path) or Windows-1252 when no line is UTF-8 with accents;
    only a file that mixes both is decoded line by line.
    """
    try:
        return data.decode("utf-8-sig"), set()
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    texts: list[str] = []
    fallback: set[int] = set()
    for number, line in enumerate(lines, start=1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            texts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                texts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                raise SpreadsheetRefused(
                    _(
                        "No se pudo leer el texto de la línea %(line)s: guarde el archivo como "
                        "CSV en UTF-8 o Windows-1252."
                    )
                    % {"line": number}
                ) from None
            fallback.add(number)
    utf8_with_accents = any(
        number not in fallback and not line.isascii() for number, line in enumerate(lines, start=1)
    )
    if not utf8_with_accents:
        fallback = set()  # a plain Windows-1252 file: nothing mixed to report
    return "".join(texts), fallback


def _delimiter(text: str) -> str:
    """The delimiter that splits most of the first rows into the same number of columns.

    Counting characters in the first line is not enough: Excel in Spanish writes `;` files
    whose headers hold unquoted commas ("¿Autoriza el tratamiento de sus datos, según...?"),
    and hand-made lists have a title line above the headers.
    """

    def score(delimiter: str) -> tuple[bool, int, int, bool]:
        reader = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter)
        try:
            widths = Counter(len(row) for _, row in zip(range(_SAMPLE_ROWS), reader, strict=False))
        except csv.Error:
            widths = Counter()
        widths.pop(0, None)
        if not widths:
            return (False, 0, 0, delimiter == ",")
        width, rows = max(widths.items(), key=lambda item: (item[1], item[0]))
        return (width > 1, rows, width, delimiter == ",")

    return max(_DELIMITERS, key=score)


def csv_table(data: bytes) -> Table:
    """The rows of a CSV; rows decoded as Windows-1252 in a mixed file are warned about."""
    if b"\x00" in data[:4096]:
        raise SpreadsheetRefused(_("El archivo no es una hoja de cálculo (XLSX) ni un texto CSV."))
    text, fallback = _decode_lines(data)
    table = Table(sheet=None, rows=iter(()))
    table.rows = _csv_rows(text, fallback, table.warnings)
    return table


def _csv_rows(text: str, fallback: set[int], warnings: list[Issue]) -> Iterator[list[Any]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    record = 0
    line = 0
    listed = 0
    while True:
        record += 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise _refuse_long_field(record) from None
        if any(len(value) > MAX_FIELD_CHARS for value in row):
            raise _refuse_long_field(record)
        first_line, line = line + 1, reader.line_num
        if fallback and any(number in fallback for number in range(first_line, line + 1)):
            listed += 1
            if listed <= _LISTED_FALLBACK_ROWS:
                warnings.append(
                    Issue(
                        record,
                        None,
                        _(
                            "esta fila no estaba en UTF-8 y se leyó como Windows-1252: revise "
                            "tildes y eñes"
                        ),
                        severity="warning",
                    )
                )
        yield row
    if listed > _LISTED_FALLBACK_ROWS:
        warnings.append(
            Issue(
                None,
                None,
                _("otras %(count)s filas tampoco estaban en UTF-8 y se leyeron como Windows-1252")
                % {"count": listed - _LISTED_FALLBACK_ROWS},
                severity="warning",
            )
        )


def _refuse_long_field(record: int) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "La fila %(row)s tiene un valor de más de %(max)s caracteres (o una comilla sin "
            "cerrar): no parece una tabla. Revise el archivo."
        )
        % {"row": record, "max": f"{MAX_FIELD_CHARS:,}".replace(",", ".")}
    )
