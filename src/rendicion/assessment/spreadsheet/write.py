"""Writing an assessment (or a template) in the layout the reader accepts."""

import io
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .layout import (
    BAND_HEADERS,
    COLUMNS,
    ITEMS_SHEET,
    RESULTS_SHEET,
    SETTINGS_SHEET,
    THRESHOLD_LABEL,
    AssessmentSheet,
)


def _number(value: Decimal | None) -> int | float | None:
    """Spreadsheet cells hold plain numbers: 80 rather than 80.0 when it is whole."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def assessment_xlsx_write(
    sheet: AssessmentSheet,
    *,
    results: Iterable[tuple[str, str, Decimal | None]] = (),
) -> bytes:
    """The assessment (or a template, without scores) in the layout assessment_xlsx_read accepts.

    `results` (stage, category, score) adds a «Resultados» sheet for people; reading ignores it.
    """
    workbook = Workbook()
    items = workbook.active
    items.title = ITEMS_SHEET
    items.append([column.header for column in COLUMNS])
    for index, column in enumerate(COLUMNS, 1):
        items.column_dimensions[items.cell(1, index).column_letter].width = column.width
    for row in sheet.rows:
        items.append(
            [
                row.stage,
                row.category,
                row.text,
                _number(row.weight),
                row.score,
                row.note or None,
                row.evidence or None,
            ]
        )
    _style(items)
    items.freeze_panes = "D2"

    settings = workbook.create_sheet(SETTINGS_SHEET)
    settings.append([THRESHOLD_LABEL, _number(sheet.threshold)])
    settings.append([])
    settings.append(list(BAND_HEADERS))
    bands = sorted(sheet.bands)
    for index, (lower, label) in enumerate(bands):
        upper = bands[index + 1][0] - Decimal("0.1") if index + 1 < len(bands) else Decimal(100)
        settings.append([label, _number(lower), _number(upper)])
    settings.column_dimensions["A"].width = 32
    for cell in (settings["A1"], *settings[3]):
        cell.font = Font(bold=True)

    results = list(results)
    if results:
        summary = workbook.create_sheet(RESULTS_SHEET)
        summary.append([_("Etapa"), _("Categoría"), _("Puntaje")])
        for stage, category, score in results:
            summary.append([stage, category, _number(score)])
        summary.column_dimensions["A"].width = 28
        summary.column_dimensions["B"].width = 32
        _style(summary)

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _style(worksheet) -> None:
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for cells in worksheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
