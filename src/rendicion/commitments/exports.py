"""The commitments in the columns the Veeduría Distrital's Colibrí platform asks for."""

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext_lazy as _

from rendicion.core.exporters import ColumnType, ExportColumn, Exporter, exporter_register
from rendicion.core.models import Entity

from . import selectors

TEXT, DATE = ColumnType.TEXT, ColumnType.DATE


@exporter_register
class ColibriExporter(Exporter):
    """One row per commitment of the year, published or not (staff)."""

    identifier = "commitments.colibri"
    verbose_name = _("Compromisos para Colibrí")
    sheet_title = "Compromisos"
    formats = ("csv", "xlsx")
    # Colibrí's own column titles: they stay in Spanish whatever the interface language.
    columns = (
        ExportColumn("space", "Espacio", TEXT),
        ExportColumn("space_date", "Fecha del espacio", DATE),
        ExportColumn("description", "Compromiso", TEXT),
        ExportColumn("office", "Dependencia responsable", TEXT),
        ExportColumn("due_date", "Fecha de cumplimiento", DATE),
        ExportColumn("state", "Estado", TEXT),
        ExportColumn("last_progress", "Último avance", TEXT),
        ExportColumn("evidence_links", "Enlaces de evidencia", TEXT),
    )

    def __init__(self, *, entity: Entity | None, year: int) -> None:
        self.entity = entity
        self.year = year

    def filename(self) -> str:
        return f"compromisos-colibri-{self.year}"

    def rows(self) -> Iterator[list[Any]]:
        # A year holds tens of commitments: the selector's two queries build the list at once.
        yield from selectors.colibri_rows(entity=self.entity, year=self.year)
