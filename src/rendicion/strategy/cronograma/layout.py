"""The cronograma spreadsheet's layout: columns, sheet, and what a row holds."""

from dataclasses import dataclass, field
from typing import Any

from rendicion.core.spreadsheets import Column, Issue, SpreadsheetRefused

from ..models import ActivityStatus, ProgressSource

COLUMNS = [
    Column("number", "No.", ("no", "n", "numero", "nro"), required=True, width=6),
    Column("name", "Actividad", ("actividad",), required=True, width=45),
    Column("stage", "Etapa", ("etapa",), width=24),
    Column(
        "target", "Meta/Producto", ("meta producto", "meta", "producto"), required=True, width=40
    ),
    Column("target_quantity", "Cantidad de la meta", ("cantidad de la meta", "cantidad"), width=10),
    Column("target_unit", "Unidad de la meta", ("unidad de la meta", "unidad"), width=14),
    Column(
        "progress_source",
        "Avance calculado con",
        ("avance calculado con", "el avance se calcula con"),
        width=24,
    ),
    Column(
        "evidence_expected",
        "Evidencias",
        ("evidencias", "evidencia", "evidencias esperadas"),
        width=40,
    ),
    Column(
        "responsible",
        "Responsables",
        ("responsables", "responsable", "dependencias responsables"),
        required=True,
        width=36,
    ),
    Column(
        "responsible_note",
        "Nota sobre los responsables",
        ("nota sobre los responsables",),
        width=24,
    ),
    Column(
        "responsible_text",
        "Responsables como los escribe la entidad",
        ("responsables como los escribe la entidad", "responsables segun la entidad"),
        width=36,
    ),
    Column(
        "quarters",
        "Trimestres (1 a 4)",
        ("trimestres 1 a 4", "trimestres", "trimestre", "trimestre proyectado"),
        required=True,
        width=12,
    ),
    Column("status", "Estado", ("estado",), width=14),
    Column("progress", "Avance (%)", ("avance", "avance porcentaje"), width=10),
    Column("progress_note", "Nota de avance", ("nota de avance",), width=30),
]
SHEET_TITLE = "Cronograma"
LIST_SEPARATORS = ("\n", ";")


# One problem type and one refusal for every import (core.spreadsheets).
CellError = Issue


@dataclass
class CronogramaRow:
    """One activity as read from the file, references already resolved to keys."""

    row: int
    number: int
    name: str
    target: str
    stage_key: int | None = None
    target_quantity: int | None = None
    target_unit: str = ""
    progress_source: str = ProgressSource.MANUAL
    evidence_expected: str = ""
    responsible_keys: list[int] = field(default_factory=list)
    responsible_note: str = ""
    responsible_text: str = ""
    quarters: list[int] = field(default_factory=list)
    status: str = ActivityStatus.PENDING
    progress: int = 0
    progress_note: str = ""


CronogramaFileError = SpreadsheetRefused  # the file as a whole cannot be read as a cronograma


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _split_list(value: str) -> list[str]:
    for separator in LIST_SEPARATORS[1:]:
        value = value.replace(separator, LIST_SEPARATORS[0])
    return [part.strip() for part in value.split(LIST_SEPARATORS[0]) if part.strip()]
