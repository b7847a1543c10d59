"""Builds attendance spreadsheets the way people's tools save them: XLSX and CSV variants."""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from typing import Any

from openpyxl import Workbook

Rows = Sequence[Sequence[Any]]


def csv_file(
    rows: Rows, *, delimiter: str = ",", encoding: str = "utf-8", bom: bool = False
) -> bytes:
    output = io.StringIO()
    csv.writer(output, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if value is None else value for value in row] for row in rows]
    )
    data = output.getvalue().encode(encoding)
    return codecs.BOM_UTF8 + data if bom else data


def xlsx_file(rows: Rows | None = None, *, sheets: dict[str, Rows] | None = None) -> bytes:
    """One sheet of rows, or several named sheets (the first is the workbook's first)."""
    sheets = sheets if sheets is not None else {"Respuestas": rows or []}
    workbook = Workbook()
    for position, (title, sheet_rows) in enumerate(sheets.items()):
        worksheet = workbook.active if position == 0 else workbook.create_sheet()
        worksheet.title = title
        for row in sheet_rows:
            worksheet.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def with_recorded_range(data: bytes, ref: str) -> bytes:
    """The workbook with its first sheet's recorded used range (<dimension>) set to `ref`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(
                    rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), content
                )
            target.writestr(item, content)
    return output.getvalue()


# Each way an entity's tool may hand over the same table. Values given as text.
FORMATS: dict[str, Callable[[Rows], bytes]] = {
    "xlsx": xlsx_file,
    "csv-comma-utf8": lambda rows: csv_file(rows),
    "csv-comma-utf8-bom": lambda rows: csv_file(rows, bom=True),
    "csv-semicolon-utf8-bom": lambda rows: csv_file(rows, delimiter=";", bom=True),
    "csv-semicolon-cp1252": lambda rows: csv_file(rows, delimiter=";", encoding="cp1252"),
    "csv-tab-utf8": lambda rows: csv_file(rows, delimiter="\t"),
    "csv-tab-cp1252": lambda rows: csv_file(rows, delimiter="\t", encoding="cp1252"),
}
