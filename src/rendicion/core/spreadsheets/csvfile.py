"""CSV: decoded line by line (UTF-8 where valid, else Windows-1252), fields bounded."""

import csv
import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from .base import MAX_FIELD_CHARS, Issue, SpreadsheetRefused, Table

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
    record = line = listed = 0
    try:
        for row in reader:
            record += 1
            if row and max(map(len, row)) > MAX_FIELD_CHARS:
                raise _refuse_long_field(record)
            if fallback:
                first_line, line = line + 1, reader.line_num
                if not fallback.isdisjoint(range(first_line, line + 1)):
                    listed += 1
                    if listed <= _LISTED_FALLBACK_ROWS:
                        warnings.append(_fallback_issue(record))
            yield row
    except csv.Error:  # a field beyond the csv module's own limit, a NUL…
        raise _refuse_long_field(record + 1) from None
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


def _fallback_issue(record: int) -> Issue:
    return Issue(
        record,
        None,
        _("esta fila no estaba en UTF-8 y se leyó como Windows-1252: revise tildes y eñes"),
        severity="warning",
    )


def _refuse_long_field(record: int) -> SpreadsheetRefused:
    return SpreadsheetRefused(
        _(
            "La fila %(row)s tiene un valor de más de %(max)s caracteres (o una comilla sin "
            "cerrar): no parece una tabla. Revise el archivo."
        )
        % {"row": record, "max": f"{MAX_FIELD_CHARS:,}".replace(",", ".")}
    )
