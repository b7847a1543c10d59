"""The download layer: each format, the byte-order mark, streaming, and formula neutralisation."""

import csv
import datetime as dt
import io
import json
import tracemalloc
import zipfile
from decimal import Decimal

import pytest
from django.http import FileResponse, Http404, StreamingHttpResponse
from openpyxl import load_workbook

from rendicion.core.exporters import (
    ColumnType,
    ExportColumn,
    Exporter,
    ExporterUnknown,
    csv_chunks,
    export_bytes,
    export_response,
    exporter_get,
    exporter_list,
    exporter_register,
    formula_neutralise,
    formula_prefix_remove,
    json_chunks,
    xlsx_write,
)

HYPERLINK = '=HYPERLINK("http://example.invalid","x")'


class PeopleExporter(Exporter):
    """A small exporter over given rows, as an app would declare one."""

    identifier = "tests.people"
    verbose_name = "Personas"
    columns = (
        ExportColumn("name", "Nombre"),
        ExportColumn("count", "Cantidad", ColumnType.INTEGER),
        ExportColumn("day", "Fecha", ColumnType.DATE),
    )

    def __init__(self, rows):
        self._rows = rows

    def filename(self):
        return "personas-2023"

    def rows(self):
        return self._rows


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


# Formats ---------------------------------------------------------------------------------------


def test_the_csv_starts_with_a_byte_order_mark_so_excel_reads_the_accents():
    data = export_bytes(PeopleExporter([{"name": "José Núñez", "count": 3}]), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\xef\xbb\xbf") == 1
    assert _csv_rows(data) == [["Nombre", "Cantidad", "Fecha"], ["José Núñez", "3", ""]]
    assert data.endswith(b"\r\n")


def test_rows_may_be_mappings_by_key_or_sequences_in_column_order():
    rows = [{"day": dt.date(2023, 4, 20), "name": "Ana"}, ["Beto", 2, dt.date(2023, 5, 2)]]
    assert _csv_rows(export_bytes(PeopleExporter(rows), "csv"))[1:] == [
        ["Ana", "", "2023-04-20"],
        ["Beto", "2", "2023-05-02"],
    ]


def test_a_row_with_the_wrong_number_of_values_is_a_programming_error():
    with pytest.raises(ValueError, match="2 values for 3 columns"):
        export_bytes(PeopleExporter([["Ana", 1]]), "csv")


def test_the_xlsx_has_bold_spanish_headers_numbers_and_dates():
    rows = [["Ana", 3, dt.date(2023, 4, 20)], ["Beto", Decimal("2.5"), None]]
    sheet = _sheet(export_bytes(PeopleExporter(rows), "xlsx"))
    assert sheet.title == "Personas"
    assert [cell.value for cell in sheet[1]] == ["Nombre", "Cantidad", "Fecha"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["B2"].value == 3 and sheet["B2"].data_type == "n"
    assert sheet["C2"].value.date() == dt.date(2023, 4, 20)
    assert sheet["C2"].number_format == "yyyy-mm-dd"
    assert sheet["B3"].value == 2.5 and sheet["C3"].value is None


def test_aware_datetimes_are_written_in_bogota_time():
    class Stamped(Exporter):
        identifier = "tests.stamped"
        columns = (ExportColumn("at", "Hora", ColumnType.DATETIME),)

        def rows(self):
            yield [dt.datetime(2023, 4, 20, 15, 0, tzinfo=dt.UTC)]

    assert _csv_rows(export_bytes(Stamped(), "csv"))[1] == ["2023-04-20 10:00:00"]
    assert _sheet(export_bytes(Stamped(), "xlsx"))["A2"].value == dt.datetime(2023, 4, 20, 10, 0)
    assert json.loads(export_bytes(Stamped(), "json")) == [{"at": "2023-04-20T10:00:00"}]


def test_the_json_is_an_array_of_objects_by_column_key_with_text_left_as_typed():
    rows = [["Ana", -2, dt.date(2023, 4, 20)], [HYPERLINK, None, None]]
    data = json.loads(export_bytes(PeopleExporter(rows), "json"))
    assert data == [
        {"name": "Ana", "count": -2, "day": "2023-04-20"},
        {"name": HYPERLINK, "count": None, "day": None},
    ]
    assert json.loads(export_bytes(PeopleExporter([]), "json")) == []


def test_control_characters_excel_refuses_are_dropped_instead_of_breaking_the_xlsx():
    sheet = _sheet(export_bytes(PeopleExporter([["Ana\x07 Ruiz\x1b", 1, None]]), "xlsx"))
    assert sheet["A2"].value == "Ana Ruiz"


# Formula injection (OWASP's CSV-injection rule) ---------------------------------------------

NEUTRALISED = [
    # value written, the CSV cell as a spreadsheet reads it
    (HYPERLINK, "'" + HYPERLINK),
    ("+1", "'+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
]
LEFT_ALONE = [
    ("Ana María", "Ana María"),
    ("99000123", "99000123"),
    ("x=1", "x=1"),
    (" María", " María"),
]


@pytest.mark.parametrize(("value", "cell"), [*NEUTRALISED, *LEFT_ALONE])
def test_a_text_cell_that_starts_like_a_formula_reaches_the_csv_as_text(value, cell):
    rows = _csv_rows(export_bytes(PeopleExporter([[value, 1, None]]), "csv"))
    assert rows[1][0] == cell


@pytest.mark.parametrize(("value", "_cell"), [*NEUTRALISED, ("#N/A", "#N/A")])
def test_a_text_cell_that_starts_like_a_formula_is_a_quoted_string_in_the_xlsx(value, _cell):
    data = export_bytes(PeopleExporter([[value, 1, None]]), "xlsx")
    cell = _sheet(data)["A2"]
    assert cell.value == value  # unchanged: the import reads back what was stored
    assert cell.data_type == "s"  # a string, not a formula ("f") nor an error ("e")
    assert cell.quotePrefix  # and Excel keeps it text when someone edits the cell
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_a_real_negative_number_stays_a_number_in_every_format():
    exporter = PeopleExporter([["Ana", -2, None], ["Beto", -2.5, None]])
    assert [row[1] for row in _csv_rows(export_bytes(exporter, "csv"))[1:]] == ["-2", "-2.5"]
    sheet = _sheet(export_bytes(exporter, "xlsx"))
    assert (sheet["B2"].value, sheet["B2"].data_type, sheet["B2"].quotePrefix) == (-2, "n", False)
    assert sheet["B3"].value == -2.5
    assert [row["count"] for row in json.loads(export_bytes(exporter, "json"))] == [-2, -2.5]


def test_a_cell_that_another_list_separator_would_split_is_quoted_in_the_csv():
    # Excel in es-CO separates with ";": unquoted, "x;=1+1" would open as two cells.
    data = export_bytes(PeopleExporter([["x;=1+1", 1, None]]), "csv")
    assert b'"x;=1+1",1,' in data
    assert _csv_rows(data)[1][0] == "x;=1+1"


def test_the_prefix_comes_off_only_where_the_export_put_it():
    for value, _cell in [*NEUTRALISED, *LEFT_ALONE]:
        assert formula_prefix_remove(formula_neutralise(value)) == value
    assert formula_prefix_remove("'Ana") == "'Ana"
    assert formula_prefix_remove("'-5") == "-5"


# Streaming -------------------------------------------------------------------------------------

MANY = 200_000


class CountingRows:
    """A generator of rows that says how many it has produced: nothing is built as a list."""

    def __init__(self, total):
        self.total = total
        self.produced = 0

    def __iter__(self):
        for index in range(self.total):
            self.produced += 1
            yield (f"Persona {index}", index, None)


def test_a_download_of_200000_rows_streams_without_building_a_list():
    rows = CountingRows(MANY)
    response = export_response(PeopleExporter(rows), "csv")
    assert isinstance(response, StreamingHttpResponse) and response.streaming
    assert rows.produced == 0  # nothing is read before the server asks for bytes
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert first.startswith(b"\xef\xbb\xbfNombre,Cantidad,Fecha\r\n")
    assert 0 < rows.produced < MANY  # the first bytes leave before the last row is read
    sizes = [len(first), *(len(chunk) for chunk in chunks)]
    assert rows.produced == MANY
    assert sum(sizes) > 4_000_000 and max(sizes) < 100_000


def test_the_csv_writer_holds_about_one_chunk_whatever_the_length_of_the_file():
    chunks = csv_chunks(PeopleExporter(CountingRows(40_000)))
    tracemalloc.start()
    try:
        size = sum(len(chunk) for chunk in chunks)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 800_000
    assert peak < 400_000, peak  # a list of the rows, or the file, would not fit


def test_a_long_json_is_written_chunk_by_chunk():
    rows = CountingRows(20_000)
    chunks = json_chunks(PeopleExporter(rows))
    first = next(chunks)
    assert 0 < rows.produced < 20_000
    data = json.loads(first + b"".join(chunks))
    assert len(data) == rows.produced == 20_000
    assert data[-1] == {"name": "Persona 19999", "count": 19999, "day": None}


def _xlsx_peak(total: int) -> int:
    with io.BytesIO() as target:
        tracemalloc.start()
        try:
            xlsx_write(PeopleExporter(CountingRows(total)), target)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return peak


def test_the_xlsx_memory_does_not_grow_with_the_number_of_rows():
    # openpyxl's write-only mode writes each row out to a temporary file as it comes.
    small, large = _xlsx_peak(300), _xlsx_peak(2_000)
    assert large < small * 1.5, (small, large)


def test_the_web_download_streams_csv_and_json_and_sends_xlsx_from_a_temporary_file():
    exporter = PeopleExporter([["Ana", 1, None]])
    for fmt in ("csv", "json"):
        response = export_response(exporter, fmt)
        assert isinstance(response, StreamingHttpResponse) and response.streaming
        assert response["Content-Disposition"] == f'attachment; filename="personas-2023.{fmt}"'
    assert export_response(exporter, "csv")["Content-Type"] == "text/csv; charset=utf-8"
    response = export_response(PeopleExporter([["Ana", 1, None]]), "xlsx")
    assert isinstance(response, FileResponse)
    assert response["Content-Disposition"] == 'attachment; filename="personas-2023.xlsx"'
    assert _sheet(response.getvalue())["A2"].value == "Ana"
    response.file_to_stream.close()  # what the server's close() does, without its signal


def test_a_format_the_exporter_does_not_offer_is_not_found():
    class CsvOnly(PeopleExporter):
        formats = ("csv",)

    with pytest.raises(Http404):
        export_response(CsvOnly([]), "xlsx")
    with pytest.raises(Http404):
        export_response(PeopleExporter([]), "pdf")


# Registry --------------------------------------------------------------------------------------


def test_every_app_download_is_registered_for_pages_and_open_data_to_find():
    identifiers = {exporter.identifier for exporter in exporter_list()}
    assert {
        "participation.attendance",
        "commitments.colibri",
        "stakeholders.invitations",
        "strategy.cronograma",
    } <= identifiers
    assert exporter_get("commitments.colibri").formats == ("csv", "xlsx")
    with pytest.raises(ExporterUnknown):
        exporter_get("no.existe")


def test_two_exporters_cannot_share_an_identifier_or_a_column_key():
    class Copy(Exporter):
        identifier = "commitments.colibri"
        columns = (ExportColumn("a", "A"),)

    with pytest.raises(ValueError, match="share the identifier"):
        exporter_register(Copy)

    class Repeated(Exporter):
        identifier = "tests.repeated"
        columns = (ExportColumn("a", "A"), ExportColumn("a", "B"))

    with pytest.raises(ValueError, match="repeats a column key"):
        exporter_register(Repeated)
    assert exporter_get("commitments.colibri").__name__ == "ColibriExporter"


def test_the_html_format_is_a_table_whose_text_is_never_markup():
    from rendicion.core.exporters import ExportColumn, Exporter, export_bytes

    class Matrix(Exporter):
        identifier = "test.html"
        verbose_name = "Matriz"
        formats = ("html",)
        columns = (ExportColumn("topic", "Tema"), ExportColumn("included", "Incluido"))

        def rows(self):
            yield {"topic": "<script>alert(1)</script>", "included": True}

    html = export_bytes(Matrix(), "html").decode()

    assert html.startswith("<!DOCTYPE html>") and '<th scope="col">Tema</th>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<td>Sí</td>" in html
