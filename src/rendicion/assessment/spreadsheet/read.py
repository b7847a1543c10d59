"""Reading and checking an assessment spreadsheet. Pure: no database."""

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from rendicion.core.spreadsheets import header_map, table_open
from rendicion.core.text import normalise_words

from ..models import DEFAULT_THRESHOLD
from .layout import (
    BAND_HEADERS,
    COLUMNS,
    ITEMS_SHEET,
    MAX_ITEMS,
    MAX_LABEL,
    MAX_NAME,
    SETTINGS_SHEET,
    THRESHOLD_LABEL,
    AssessmentFileError,
    AssessmentRow,
    AssessmentSheet,
    CellError,
    _decimal,
    _header,
    _is_header_row,
    _one_decimal,
    _text,
)


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


def _items_header(all_rows: list[tuple[Any, ...]]) -> tuple[int, dict, list[CellError]]:
    """Where the title row is, which column holds what, and the required columns missing."""
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
    return header_row, header, errors


def _items_read(
    all_rows: list[tuple[Any, ...]], sheet_name: str
) -> tuple[list[AssessmentRow], list[CellError]]:
    header_row, header, errors = _items_header(all_rows)
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
    _items_totals_check(rows, header_row, errors)
    return rows, errors


def _items_totals_check(rows: list[AssessmentRow], header_row: int, errors: list[CellError]):
    """Adds to `errors` what is wrong with the items as a whole: none, too many, partial weights."""
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


def _threshold_read(
    all_rows: list[tuple[Any, ...]], sheet: AssessmentSheet
) -> tuple[int | None, list[CellError]]:
    """Stores the threshold in `sheet`; the row of the levels' title (if any) and the errors."""
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
    return band_header, errors


def _settings_read(all_rows: list[tuple[Any, ...]], sheet: AssessmentSheet) -> list[CellError]:
    band_header, errors = _threshold_read(all_rows, sheet)
    if band_header is None:
        sheet.warnings.append(
            _("La hoja «%(sheet)s» no tiene la tabla de niveles: se usan los niveles de siempre.")
            % {"sheet": SETTINGS_SHEET}
        )
        return errors
    bands, starts = _bands_read(all_rows, band_header, errors)
    if not errors:
        errors.extend(_bands_check(bands, starts, band_header))
    sheet.bands = sorted(bands)
    return errors


def _bands_read(
    all_rows: list[tuple[Any, ...]], band_header: int, errors: list[CellError]
) -> tuple[list[tuple[Decimal, str]], dict[Decimal, int]]:
    """The levels under their title row, and the row each starts on; problems go to `errors`."""
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
    return bands, starts


def _bands_check(
    bands: list[tuple[Decimal, str]], starts: dict[Decimal, int], band_header: int
) -> list[CellError]:
    """The levels as a whole: at least one, and the first starts at 0."""
    if not bands:
        return [
            CellError(
                band_header + 1,
                BAND_HEADERS[0],
                _("Escriba al menos un nivel."),
                SETTINGS_SHEET,
            )
        ]
    if min(lower for lower, _label in bands) != 0:
        return [
            CellError(
                starts[min(starts)],
                BAND_HEADERS[1],
                _("El primer nivel debe empezar en 0."),
                SETTINGS_SHEET,
            )
        ]
    return []
