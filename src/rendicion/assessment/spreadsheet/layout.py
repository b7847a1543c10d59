"""The self-assessment spreadsheet's layout: sheets, columns, limits, and what a file holds."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from rendicion.core.spreadsheets import Column, Issue, SpreadsheetRefused, header_map
from rendicion.core.text import normalise_words

from ..models import DEFAULT_THRESHOLD

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
