"""XLSX: checked before parsing, then parsed by python-calamine in a bounded child process."""

import contextlib
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
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .base import (
    MAX_COMPRESSION_RATIO,
    MAX_DECLARED_CELLS,
    MAX_PARTS,
    MAX_UNCOMPRESSED_BYTES,
    PLAUSIBLE_COLUMNS_PER_ROW,
    RATIO_CHECKED_FROM,
    ROWS_PER_CHUNK,
    SpreadsheetRefused,
    Table,
)

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
    memory_mb = settings.SPREADSHEET_READ_MEMORY_MB
    cpu_seconds = settings.SPREADSHEET_READ_CPU_SECONDS
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


def xlsx_table(data: bytes, *, sheet: str | None, missing: str) -> Table:
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
