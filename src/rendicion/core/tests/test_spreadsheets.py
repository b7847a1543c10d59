"""The one spreadsheet reader: crafted files are refused with a Spanish message, never a crash."""

import datetime as dt
import os

import pytest

from rendicion.core.spreadsheets import (
    MAX_FIELD_CHARS,
    SpreadsheetRefused,
    excel_serial_date,
    table_open,
)

from . import hostile_files


def read(data: bytes):
    table = table_open(data)
    return table, list(table.rows)


def refusal(data: bytes) -> str:
    with pytest.raises(SpreadsheetRefused) as error:
        read(data)
    return str(error.value)


def test_a_good_xlsx_is_read_through_the_bounded_reader():
    table, rows = read(hostile_files.workbook())
    assert table.sheet == "Hoja1"
    assert rows == [["Nombre"], ["Ana Gómez"]]


def test_a_2_kb_xlsx_declaring_a_huge_sheet_is_refused_before_any_parser_sees_it():
    data = hostile_files.huge_dimension()
    assert len(data) < 3000
    message = refusal(data)
    assert "A1:XFD1048576" in message and "solo tiene 3 filas" in message


def test_a_shared_strings_bomb_is_refused_by_its_unpacked_size():
    data = hostile_files.shared_strings_bomb()
    assert len(data) < 2**20
    assert "Al descomprimirlo, el archivo ocuparía 400,0" in refusal(data)


def test_a_zip_that_lies_about_its_sizes_is_refused_by_what_it_really_unpacks_to():
    message = refusal(hostile_files.lying_sizes())
    assert "xl/sharedStrings.xml" in message and "se comprime más de 100 veces" in message


def test_cells_far_apart_are_stopped_by_the_memory_bound_and_this_process_survives():
    message = refusal(hostile_files.far_apart_cells())
    assert "límite de memoria" in message
    _table, rows = read(hostile_files.workbook())  # and the next file is read as usual
    assert rows[1] == ["Ana Gómez"]


def _children() -> set[str]:
    me, found = str(os.getpid()), set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                parent = stat.read().rsplit(")", 1)[1].split()[1]
        except OSError:
            continue
        if parent == me:
            found.add(pid)
    return found


def test_a_reader_stopped_early_leaves_no_child_process_behind():
    before = _children()
    table = table_open(hostile_files.workbook())
    next(table.rows)
    assert _children() - before  # the reader runs apart
    table.rows.close()
    assert _children() == before


def test_a_missing_sheet_is_refused_naming_the_sheets_there_are():
    with pytest.raises(
        SpreadsheetRefused, match=r"no tiene una hoja llamada «Datos»\. Tiene: Hoja1"
    ):
        table_open(hostile_files.workbook(), sheet="Datos")


def test_a_csv_field_longer_than_the_bound_is_refused_naming_the_row():
    data = b"Nombre,Autorizo\nAna,S\xc3\xad\n" + b"Luis," + b"x" * (MAX_FIELD_CHARS + 1) + b"\n"
    assert "La fila 3 tiene un valor de más de 10.000 caracteres" in refusal(data)


def test_a_csv_line_beyond_the_csv_module_limit_is_refused_naming_the_row():
    data = b"Nombre,Autorizo," + b"x" * 300_000 + b"\n"
    assert "La fila 1 tiene un valor" in refusal(data)


def test_a_csv_mixing_utf8_and_windows_1252_reads_both_and_names_the_fallback_row():
    table, rows = read(hostile_files.mixed_encoding_csv())
    assert rows[0][1] == "Número de documento" and rows[0][2] == "Correo electrónico"
    assert rows[1][0] == "Ana Gómez" and rows[2][0] == "José Peña"
    assert [(w.row, w.severity) for w in table.warnings] == [(3, "warning")]
    assert "Windows-1252" in table.warnings[0].message


def test_a_csv_wholly_in_windows_1252_is_read_without_a_warning_per_row():
    data = "Nombre,Autorizo\nJosé Peña,Sí\nMaría,Sí\n".encode("cp1252")
    table, rows = read(data)
    assert rows[1] == ["José Peña", "Sí"]
    assert table.warnings == []


def test_the_size_limit_is_the_upload_limit(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    with pytest.raises(SpreadsheetRefused, match="el máximo es 1000"):
        table_open(b"Nombre\n" + b"Ana\n" * 300)


@pytest.mark.parametrize(
    ("value", "date"),
    [
        (45200, dt.date(2023, 10, 1)),
        (45200.0, dt.date(2023, 10, 1)),
        (45200.75, dt.date(2023, 10, 1)),
        ("32874", dt.date(1990, 1, 1)),
        ("32874.0", dt.date(1990, 1, 1)),
        (61, dt.date(1900, 3, 1)),
        (60, None),  # Excel's 29 February 1900, a day that never was
        (0, None),
        (-5, None),
        ("45200 años", None),
        ("01/10/2023", None),
        (True, None),
        (None, None),
    ],
)
def test_excel_serial_numbers_are_dates(value, date):
    assert excel_serial_date(value) == date
