"""Writing the cronograma as a spreadsheet, one activity a row, as staff edit it."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy

from rendicion.core.exporters import (
    ColumnType,
    ExportColumn,
    Exporter,
    export_bytes,
    exporter_register,
)

from ..models import ActivityStatus, ProgressSource
from .layout import COLUMNS, SHEET_TITLE

# The integer columns are written as numbers; the others as text.
EXPORT_TYPES = {
    "number": ColumnType.INTEGER,
    "target_quantity": ColumnType.INTEGER,
    "progress": ColumnType.INTEGER,
}


@exporter_register
class CronogramaExporter(Exporter):
    """The cronograma, one activity a row (cronograma_export_rows), as staff edit it."""

    identifier = "strategy.cronograma"
    verbose_name = gettext_lazy("Cronograma")
    sheet_title = SHEET_TITLE
    formats = ("xlsx",)
    freeze_panes = "C2"
    wrap_text = True
    columns = tuple(
        ExportColumn(
            column.field,
            column.header,
            EXPORT_TYPES.get(column.field, ColumnType.TEXT),
            width=column.width,
        )
        for column in COLUMNS
    )

    def __init__(self, *, rows: Iterable[Mapping[str, Any]], year: int | None = None) -> None:
        self._rows = rows
        self.year = year

    def filename(self) -> str:
        return f"cronograma-{self.year}" if self.year else "cronograma"

    def rows(self) -> Iterable[Mapping[str, Any]]:
        return self._rows


def cronograma_xlsx_write(rows: Iterable[Mapping[str, Any]]) -> bytes:
    """The cronograma as XLSX, one activity a row, in the layout cronograma_xlsx_read accepts."""
    return export_bytes(CronogramaExporter(rows=rows), "xlsx")


def cronograma_export_rows(activities: Iterable[Any]) -> list[dict[str, Any]]:
    """Spreadsheet values for activities (Activity objects with stage and responsible loaded)."""
    return [
        {
            "number": activity.number,
            "name": activity.name,
            "stage": activity.stage.name if activity.stage else "",
            "target": activity.target,
            "target_quantity": activity.target_quantity,
            "target_unit": activity.target_unit,
            "progress_source": str(ProgressSource(activity.progress_source).label),
            "evidence_expected": activity.evidence_expected,
            "responsible": "\n".join(office.name for office in activity.responsible.all()),
            "responsible_note": activity.responsible_note,
            "responsible_text": activity.responsible_text,
            "quarters": ", ".join(str(q) for q in activity.quarters),
            "status": str(ActivityStatus(activity.status).label),
            "progress": activity.progress,
            "progress_note": activity.progress_note,
        }
        for activity in activities
    ]
