"""Reading and checking an uploaded cronograma. Pure: no database."""

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from rendicion.core.spreadsheets import header_map, table_open
from rendicion.core.text import normalise, normalise_words

from ..models import ActivityStatus, ProgressSource
from .layout import (
    COLUMNS,
    SHEET_TITLE,
    CellError,
    CronogramaFileError,
    CronogramaRow,
    _split_list,
    _text,
)


def _header_find(all_rows: list) -> tuple[int, dict, list[CellError]]:
    """Where the title row is, which column holds what, and the required columns missing."""
    header_row = next(
        (
            index
            for index, cells in enumerate(all_rows[:10])
            if any(normalise_words(cell) == "actividad" for cell in cells)
        ),
        None,
    )
    if header_row is None:
        raise CronogramaFileError(
            _("No se encontró la fila de títulos: debe haber una columna «Actividad».")
        )
    header = header_map(list(all_rows[header_row]), COLUMNS)
    present = {column.field for column in header.values()}
    errors = [
        CellError(
            header_row + 1,
            column.header,
            _("Falta la columna «%(header)s».") % {"header": column.header},
        )
        for column in COLUMNS
        if column.required and column.field not in present
    ]
    return header_row, header, errors


def cronograma_xlsx_read(
    data: bytes,
    *,
    stages: Mapping[str, int],
    offices: Mapping[str, int],
) -> tuple[list[CronogramaRow], list[CellError]]:
    """Reads and checks every row. `stages` and `offices` map normalised names to keys.

    Returns the rows and every error found (row and column named); rows are only usable when
    there are no errors.
    """
    # A cronograma is a few hundred rows at most: keeping them all is fine.
    table = table_open(data, sheet=SHEET_TITLE, missing="first", allow_csv=False)
    all_rows = list(table.rows)

    header_row, header, errors = _header_find(all_rows)
    if errors:
        return [], errors

    rows: list[CronogramaRow] = []
    seen_numbers: dict[int, int] = {}
    for offset, cells in enumerate(all_rows[header_row + 1 :], start=header_row + 2):
        values = {
            column.field: cells[index] if index < len(cells) else None
            for index, column in header.items()
        }
        if all(_text(value) == "" for value in values.values()):
            continue
        row, row_errors = _row_read(offset, values, stages=stages, offices=offices)
        if row is not None and row.number in seen_numbers:
            row_errors.append(
                CellError(
                    offset,
                    _header("number"),
                    _("El número %(number)s ya está en la fila %(other)s.")
                    % {"number": row.number, "other": seen_numbers[row.number]},
                )
            )
        if row is not None:
            seen_numbers.setdefault(row.number, offset)
        errors.extend(row_errors)
        if row is not None and not row_errors:
            rows.append(row)
    if not rows and not errors:
        errors.append(
            CellError(header_row + 2, _header("name"), _("El archivo no tiene actividades."))
        )
    return rows, errors


def _header(field_name: str) -> str:
    return next(column.header for column in COLUMNS if column.field == field_name)


def _choice(value: str, choices: type) -> str | None:
    wanted = normalise(value)
    for code, label in choices.choices:
        if wanted in {normalise(code), normalise(label)}:
            return code
    return None


def _whole_number(value: Any) -> int | None:
    text = _text(value).removesuffix("%").strip()
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


ErrorAdd = Callable[[str, str], None]  # adds one error to a row: field name and message


def _row_read(
    row_number: int,
    values: dict[str, Any],
    *,
    stages: Mapping[str, int],
    offices: Mapping[str, int],
) -> tuple[CronogramaRow | None, list[CellError]]:
    errors: list[CellError] = []

    def error(field_name: str, message: str) -> None:
        errors.append(CellError(row_number, _header(field_name), message))

    number = _whole_number(values.get("number"))
    if number is None or number < 1:
        error("number", _("Escriba el número de la actividad (1, 2, 3…)."))
    name, target = _text(values.get("name")), _text(values.get("target"))
    if not name:
        error("name", _("Escriba el nombre de la actividad."))
    if not target:
        error("target", _("Escriba la meta o producto."))
    stage_key = _stage_read(values, error, stages)
    quantity = _quantity_read(values, error)
    source = _source_read(values, error, quantity)
    responsible_keys = _responsible_read(values, error, offices)
    quarters = _quarters_read(values, error)
    status = _status_read(values, error)
    progress = _progress_read(values, error)

    if number is None or number < 1:
        return None, errors
    return CronogramaRow(
        row=row_number,
        number=number,
        name=name,
        target=target,
        stage_key=stage_key,
        target_quantity=quantity,
        target_unit=_text(values.get("target_unit")),
        progress_source=source,
        evidence_expected=_text(values.get("evidence_expected")),
        responsible_keys=responsible_keys,
        responsible_note=_text(values.get("responsible_note")),
        responsible_text=_text(values.get("responsible_text")),
        quarters=sorted(quarters),
        status=status,
        progress=progress,
        progress_note=_text(values.get("progress_note")),
    ), errors


def _stage_read(values: dict[str, Any], error: ErrorAdd, stages: Mapping[str, int]) -> int | None:
    stage_key = None
    stage_text = _text(values.get("stage"))
    if stage_text:
        stage_key = stages.get(normalise_words(stage_text))
        if stage_key is None:
            error(
                "stage",
                _("La etapa «%(stage)s» no existe en esta estrategia.") % {"stage": stage_text},
            )
    return stage_key


def _quantity_read(values: dict[str, Any], error: ErrorAdd) -> int | None:
    quantity = None
    quantity_text = _text(values.get("target_quantity"))
    if quantity_text:
        quantity = _whole_number(quantity_text)
        if quantity is None or quantity < 1:
            error("target_quantity", _("La cantidad debe ser un número entero mayor que cero."))
            quantity = None
    return quantity


def _source_read(values: dict[str, Any], error: ErrorAdd, quantity: int | None) -> str:
    source = ProgressSource.MANUAL.value
    source_text = _text(values.get("progress_source"))
    if source_text:
        source = _choice(source_text, ProgressSource)
        if source is None:
            error(
                "progress_source",
                _("«%(value)s» no es una forma de calcular el avance.") % {"value": source_text},
            )
            source = ProgressSource.MANUAL.value
        elif source != ProgressSource.MANUAL and quantity is None:
            error(
                "target_quantity",
                _("Para calcular el avance desde los registros, indique la cantidad de la meta."),
            )
    return source


def _responsible_read(
    values: dict[str, Any], error: ErrorAdd, offices: Mapping[str, int]
) -> list[int]:
    responsible_keys: list[int] = []
    names = _split_list(_text(values.get("responsible")))
    if not names:
        error("responsible", _("Indique al menos una dependencia responsable."))
    for office_name in names:
        key = offices.get(normalise_words(office_name))
        if key is None:
            error(
                "responsible",
                _(
                    "La dependencia «%(office)s» no existe. Revise el nombre o "
                    "créela antes de importar."
                )
                % {"office": office_name},
            )
        elif key not in responsible_keys:
            responsible_keys.append(key)
    return responsible_keys


def _quarters_read(values: dict[str, Any], error: ErrorAdd) -> list[int]:
    quarters: list[int] = []
    quarter_text = _text(values.get("quarters"))
    tokens = [
        t
        for t in quarter_text.replace(";", ",")
        .replace("/", ",")
        .replace(" y ", ",")
        .replace(" ", ",")
        .split(",")
        if t.strip()
    ]
    if not tokens:
        error("quarters", _("Indique al menos un trimestre (1, 2, 3 o 4)."))
    for token in tokens:
        cleaned = normalise(token).lstrip("tq")
        quarter = int(cleaned) if cleaned.isdigit() else None
        if quarter not in (1, 2, 3, 4):
            error(
                "quarters",
                _("El trimestre «%(value)s» no existe: use 1, 2, 3 o 4.")
                % {"value": token.strip()},
            )
        elif quarter not in quarters:
            quarters.append(quarter)
    return quarters


def _status_read(values: dict[str, Any], error: ErrorAdd) -> str:
    status = ActivityStatus.PENDING.value
    status_text = _text(values.get("status"))
    if status_text:
        status = _choice(status_text, ActivityStatus)
        if status is None:
            error(
                "status",
                _(
                    "El estado «%(value)s» no existe: use Pendiente, En curso, Cumplida o "
                    "No cumplida."
                )
                % {"value": status_text},
            )
            status = ActivityStatus.PENDING.value
    return status


def _progress_read(values: dict[str, Any], error: ErrorAdd) -> int:
    progress = 0
    progress_text = _text(values.get("progress"))
    if progress_text:
        parsed = _whole_number(progress_text)
        if parsed is None or not 0 <= parsed <= 100:
            error("progress", _("El avance debe ser un número entero entre 0 y 100."))
        else:
            progress = parsed
    return progress
