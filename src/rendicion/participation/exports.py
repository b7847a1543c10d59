"""The attendance list download, in the layout the attendance import reads back."""

from collections.abc import Iterator
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rendicion.core.exporters import ColumnType, ExportColumn, Exporter, exporter_register
from rendicion.spaces.models import Space

from .importing import EXPORT_HEADERS
from .models import Attendance

# Exported as people type them, in words the import reads back to the same codes.
EXPORT_SEX = {
    "mujer": "Mujer",
    "hombre": "Hombre",
    "intersexual": "Intersexual",
    "no_responde": "Prefiero no responder",
}
EXPORT_AGE_GROUP = {
    "nna": "Menos de 14 años",
    "joven": "Joven",
    "adulto": "Adulto",
    "persona_mayor": "Persona mayor",
    "no_responde": "Prefiero no responder",
}
# The age column holds the age when it is known, else the words of the age group.
COLUMN_TYPES = {"age": ColumnType.TEXT}


@exporter_register
class AttendanceListExporter(Exporter):
    """Every attendance of one space, personal data included (allowed roles only)."""

    identifier = "participation.attendance"
    verbose_name = _("Lista de asistencia")
    sheet_title = "Asistencia"
    formats = ("csv", "xlsx")
    columns = tuple(
        ExportColumn(key, header, COLUMN_TYPES.get(key, ColumnType.TEXT))
        for key, header in EXPORT_HEADERS.items()
    )

    def __init__(self, *, space: Space) -> None:
        self.space = space

    def filename(self) -> str:
        return f"asistencia-{self.space.slug}"

    def rows(self) -> Iterator[dict[str, Any]]:
        records = (
            Attendance.objects.filter(space=self.space)
            .order_by("pk")
            .values_list(
                "submitted_at_text",
                "created_at",
                "full_name",
                "document_type",
                "document_number",
                "email",
                "phone",
                "sex",
                "age",
                "age_group",
                "locality",
                "stakeholder_group",
            )
        )
        for (
            stamp,
            created,
            name,
            doc_type,
            doc,
            email,
            phone,
            sex,
            age,
            group,
            locality,
            stakeholder,
        ) in records.iterator(chunk_size=2000):
            yield {
                "timestamp": stamp or timezone.localtime(created).strftime("%Y-%m-%d %H:%M:%S"),
                "full_name": name,
                "document_type": doc_type,
                "document_number": doc,
                "email": email,
                "phone": phone,
                "sex": EXPORT_SEX[sex],
                "age": age if age is not None else EXPORT_AGE_GROUP[group],
                "locality": locality,
                "stakeholder_group": stakeholder,
                # An attendance is stored only with the person's authorisation (Ley 1581).
                "consent": "Sí",
            }
