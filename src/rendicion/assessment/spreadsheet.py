"""The self-assessment as a spreadsheet: one row per item (stage, category, item, optional weight,
score, note, evidence) and a «Calificación» sheet with the threshold and the levels.

The same layout serves a template (scores empty) and a filled assessment. Reading and checking is
pure (no database); assessment.services stores.
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from rendicion.core.spreadsheets import Column, Issue, SpreadsheetRefused, header_map, table_open
from rendicion.core.text import normalise_words

from .models import DEFAULT_THRESHOLD

ITEMS_SHEET = "Autodiagnóstico"
SETTINGS_SHEET = "Calificación"
RESULTS_SHEET = "Resultados"
MAX_ITEMS = 1000
MAX_NAME = 200
MAX_LABEL = 80

DEFAULT_BANDS = [
    (Decimal("0.0"), "Inicial"),
    (Decimal("40.0"), "Básico"),
    (Decimal("60.0"), "Intermedio"),
    (Decimal("80.0"), "Avanzado"),
]


COLUMNS = [
    Column("stage", "Etapa", ("etapa", "etapa del murc", "etapa murc"), required=True, width=22),
    Column(
        "category",
        "Categoría",
        ("categoria", "componente", "elemento", "categoria o componente"),
        required=True,
        width=24,
    ),
    Column(
        "text",
        "Ítem",
        (
            "item",
            "items",
            "actividad de gestion",
            "actividades de gestion",
            "actividad",
            "pregunta",
            "criterio",
        ),
        required=True,
        width=70,
    ),
    Column("weight", "Peso", ("peso", "ponderacion", "peso del item"), width=8),
    Column(
        "score",
        "Puntaje (0 a 100)",
        ("puntaje 0 a 100", "puntaje de 0 a 100", "puntaje 0 100", "puntaje", "calificacion"),
        width=12,
    ),
    Column("note", "Observación", ("observacion", "observaciones", "nota", "notas"), width=40),
    Column("evidence", "Evidencia", ("evidencia", "evidencias"), width=40),
]
THRESHOLD_LABEL = "Umbral de puntos a fortalecer"
BAND_HEADERS = ("Nivel", "Desde", "Hasta")


class CellError(Issue):
    """An Issue (core.spreadsheets) that always names its sheet, in the JSON too."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def __str__(self) -> str:
        values = {"sheet": self.sheet, "row": self.row, "column": self.column, "msg": self.message}
        if self.sheet and self.sheet != ITEMS_SHEET:
            return _("Hoja «%(sheet)s», fila %(row)s, columna «%(column)s»: %(msg)s") % values
        if not self.row:
            return str(self.message)
        return _("Fila %(row)s, columna «%(column)s»: %(msg)s") % values


AssessmentFileError = SpreadsheetRefused  # the file as a whole cannot be read


@dataclass
class AssessmentRow:
    row: int
    stage: str
    category: str
    text: str
    weight: Decimal | None = None
    score: int | None = None
    note: str = ""
    evidence: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies an item: the same text under the same stage and category."""
        return (
            normalise_words(self.stage),
            normalise_words(self.category),
            normalise_words(self.text),
        )


@dataclass
class AssessmentSheet:
    """Everything a file says: the items with their scores, the threshold and the levels."""

    rows: list[AssessmentRow]
    threshold: Decimal = DEFAULT_THRESHOLD
    bands: list[tuple[Decimal, str]] = field(default_factory=lambda: list(DEFAULT_BANDS))
    warnings: list[str] = field(default_factory=list)

    @property
    def has_scores(self) -> bool:
        return any(row.score is not None for row in self.rows)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _decimal(value: Any) -> Decimal | None:
    text = _text(value).removesuffix("%").strip().replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"))


def _header(field_name: str) -> str:
    return next(column.header for column in COLUMNS if column.field == field_name)


def _is_header_row(cells: Sequence[Any]) -> bool:
    present = {column.field for column in header_map(cells, COLUMNS).values()}
    return {"stage", "text"} <= present


def assessment_xlsx_read(data: bytes) -> tuple[AssessmentSheet, list[CellError]]:
    """Reads and checks the whole file. Rows are only usable when there are no errors."""
    # An assessment is at most MAX_ITEMS rows: keeping them all is fine.
    items = table_open(data, sheet=ITEMS_SHEET, missing="first", allow_csv=False)
    items_name, item_cells = items.sheet or ITEMS_SHEET, list(items.rows)
    settings = table_open(data, sheet=SETTINGS_SHEET, missing="none", allow_csv=False)
    settings_cells = list(settings.rows) if settings.sheet is not None else None
    rows, errors = _items_read(item_cells, items_name)
    sheet = AssessmentSheet(rows=rows)
    if settings_cells is None:
        sheet.warnings.append(
            _(
                "El archivo no tiene la hoja «%(sheet)s»: se usan el umbral de %(threshold)s "
                "puntos y los niveles de siempre."
            )
            % {"sheet": SETTINGS_SHEET, "threshold": DEFAULT_THRESHOLD}
        )
    else:
        errors.extend(_settings_read(settings_cells, sheet))
    return sheet, errors


def _items_read(
    all_rows: list[tuple[Any, ...]], sheet_name: str
) -> tuple[list[AssessmentRow], list[CellError]]:
    header_row = next(
        (index for index, cells in enumerate(all_rows[:10]) if _is_header_row(cells)), None
    )
    if header_row is None:
        raise AssessmentFileError(
            _(
                "No se encontró la fila de títulos: debe haber columnas «Etapa», «Categoría» e «Ítem»."
            )
        )
    header = header_map(all_rows[header_row], COLUMNS)
    present = {column.field for column in header.values()}
    errors = [
        CellError(
            header_row + 1,
            column.header,
            _("Falta la columna «%(header)s».") % {"header": column.header},
            ITEMS_SHEET,
        )
        for column in COLUMNS
        if column.required and column.field not in present
    ]
    if errors:
        return [], errors

    rows: list[AssessmentRow] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, cells in enumerate(all_rows[header_row + 1 :], start=header_row + 2):
        values = {
            column.field: cells[index] if index < len(cells) else None
            for index, column in header.items()
        }
        if all(_text(value) == "" for value in values.values()):
            continue
        row, row_errors = _row_read(number, values)
        if row.text and row.stage and row.category:
            if row.key in seen:
                row_errors.append(
                    CellError(
                        number,
                        _header("text"),
                        _("Este ítem ya está en la fila %(other)s, en la misma etapa y categoría.")
                        % {"other": seen[row.key]},
                        ITEMS_SHEET,
                    )
                )
            seen.setdefault(row.key, number)
        errors.extend(row_errors)
        rows.append(row)
    if not rows:
        errors.append(
            CellError(header_row + 2, _header("text"), _("El archivo no tiene ítems."), ITEMS_SHEET)
        )
    elif len(rows) > MAX_ITEMS:
        errors.append(
            CellError(
                rows[MAX_ITEMS].row,
                _header("text"),
                _("El archivo tiene más de %(max)s ítems.") % {"max": MAX_ITEMS},
                ITEMS_SHEET,
            )
        )
    weighted = [row for row in rows if row.weight is not None]
    if weighted and len(weighted) != len(rows):
        errors.extend(
            CellError(
                row.row,
                _header("weight"),
                _("Si usa pesos, escriba el peso de cada ítem: a esta fila le falta."),
                ITEMS_SHEET,
            )
            for row in rows
            if row.weight is None and not _weight_was_invalid(row, errors)
        )
    return rows, errors


def _weight_was_invalid(row: AssessmentRow, errors: list[CellError]) -> bool:
    return any(e.row == row.row and e.column == _header("weight") for e in errors)


def _row_read(number: int, values: dict[str, Any]) -> tuple[AssessmentRow, list[CellError]]:
    errors: list[CellError] = []

    def error(field_name: str, message: str) -> None:
        errors.append(CellError(number, _header(field_name), message, ITEMS_SHEET))

    stage, category, text = (_text(values.get(name)) for name in ("stage", "category", "text"))
    if not stage:
        error("stage", _("Escriba la etapa del ítem."))
    elif len(stage) > MAX_NAME:
        error("stage", _("La etapa es muy larga: máximo %(max)s caracteres.") % {"max": MAX_NAME})
    if not category:
        error("category", _("Escriba la categoría del ítem."))
    elif len(category) > MAX_NAME:
        error(
            "category",
            _("La categoría es muy larga: máximo %(max)s caracteres.") % {"max": MAX_NAME},
        )
    if not text:
        error("text", _("Escriba el texto del ítem."))

    weight = None
    if _text(values.get("weight")):
        weight = _decimal(values.get("weight"))
        if weight is None or weight <= 0 or weight >= 100000:
            error("weight", _("El peso debe ser un número mayor que cero."))
            weight = None
        else:
            weight = weight.quantize(Decimal("0.01"))

    score = None
    score_text = _text(values.get("score"))
    if score_text:
        number_value = _decimal(score_text)
        if number_value is None or number_value != number_value.to_integral_value():
            error(
                "score",
                _("El puntaje «%(value)s» no es válido: escriba un número entero de 0 a 100.")
                % {"value": score_text},
            )
        elif not 0 <= number_value <= 100:
            error(
                "score",
                _("El puntaje %(value)s está fuera del rango: escriba un número de 0 a 100.")
                % {"value": score_text},
            )
        else:
            score = int(number_value)

    return AssessmentRow(
        row=number,
        stage=stage,
        category=category,
        text=text,
        weight=weight,
        score=score,
        note=_text(values.get("note")),
        evidence=_text(values.get("evidence")),
    ), errors


def _settings_read(all_rows: list[tuple[Any, ...]], sheet: AssessmentSheet) -> list[CellError]:
    errors: list[CellError] = []
    threshold_key = normalise_words(THRESHOLD_LABEL)
    band_header = None
    for index, cells in enumerate(all_rows, start=1):
        first = normalise_words(cells[0] if cells else "")
        if first == threshold_key:
            value = _decimal(cells[1] if len(cells) > 1 else None)
            if value is None or not 0 <= value <= 100:
                errors.append(
                    CellError(
                        index,
                        THRESHOLD_LABEL,
                        _("El umbral debe ser un número de 0 a 100."),
                        SETTINGS_SHEET,
                    )
                )
            else:
                sheet.threshold = _one_decimal(value)
        elif band_header is None and [normalise_words(c) for c in cells[:2]] == ["nivel", "desde"]:
            band_header = index
    if band_header is None:
        sheet.warnings.append(
            _("La hoja «%(sheet)s» no tiene la tabla de niveles: se usan los niveles de siempre.")
            % {"sheet": SETTINGS_SHEET}
        )
        return errors
    bands: list[tuple[Decimal, str]] = []
    starts: dict[Decimal, int] = {}
    for index, cells in enumerate(all_rows[band_header:], start=band_header + 1):
        label = _text(cells[0] if cells else None)
        lower_text = _text(cells[1] if len(cells) > 1 else None)
        if not label and not lower_text:
            continue
        lower = _decimal(lower_text)
        if not label:
            errors.append(
                CellError(index, BAND_HEADERS[0], _("Escriba el nombre del nivel."), SETTINGS_SHEET)
            )
        elif len(label) > MAX_LABEL:
            errors.append(
                CellError(
                    index,
                    BAND_HEADERS[0],
                    _("El nombre del nivel es muy largo: máximo %(max)s caracteres.")
                    % {"max": MAX_LABEL},
                    SETTINGS_SHEET,
                )
            )
        if lower is None or not 0 <= lower <= 100:
            errors.append(
                CellError(
                    index,
                    BAND_HEADERS[1],
                    _("«Desde» debe ser un número de 0 a 100."),
                    SETTINGS_SHEET,
                )
            )
            continue
        lower = _one_decimal(lower)
        if lower in starts:
            errors.append(
                CellError(
                    index,
                    BAND_HEADERS[1],
                    _("Otro nivel ya empieza en %(value)s (fila %(other)s).")
                    % {"value": lower, "other": starts[lower]},
                    SETTINGS_SHEET,
                )
            )
            continue
        starts[lower] = index
        bands.append((lower, label))
    if not errors:
        if not bands:
            errors.append(
                CellError(
                    band_header + 1,
                    BAND_HEADERS[0],
                    _("Escriba al menos un nivel."),
                    SETTINGS_SHEET,
                )
            )
        elif min(lower for lower, _label in bands) != 0:
            errors.append(
                CellError(
                    starts[min(starts)],
                    BAND_HEADERS[1],
                    _("El primer nivel debe empezar en 0."),
                    SETTINGS_SHEET,
                )
            )
    sheet.bands = sorted(bands)
    return errors


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
