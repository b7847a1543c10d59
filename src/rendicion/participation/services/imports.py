"""Spreadsheet imports of attendances, in one pass and staged (preview, then confirm)."""

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space

from ..importing import ImportRefused, Issue, ReadResult, iter_people
from ..models import Attendance, ImportBatch, ImportKind, PendingImport, Source


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "warnings": [w.as_dict() for w in self.warnings],
            "errors": [e.as_dict() for e in self.errors],
        }


BATCH_SIZE = 2000


# Long because reading, the same-file check, the chunked insert and the counts share one batch
# and one transaction; split, the counts could disagree with what was stored.
def attendance_import(
    *,
    space: Space,
    data: bytes,
    filename: str,
    actor: User | None = None,
    dry_run: bool = False,
    force: bool = False,
    sheet: str | None = None,
    overrides: dict[str, str] | None = None,
) -> ImportResult:
    """Imports an attendance spreadsheet into a space. Raises ImportRefused for a bad file.

    Rows that fail the rules are rejected (each with row and column); people already in the
    space or earlier in the file are duplicates, the rest are stored. The same-person rules are
    unique constraints, so the database itself drops duplicates (also against a form submitted
    meanwhile) and the counts come from what it stored. A dry run does the same inside a
    transaction it rolls back. An identical file imported before is not imported again unless
    `force`. Rows are read and stored in chunks, so memory does not grow with the file.
    """
    # The same bytes read from another sheet are another import.
    digest = hashlib.sha256(data + b"\0" + (sheet or "").encode()).hexdigest()
    space_date = timezone.localtime(space.starts_at).date()
    read = ReadResult()
    people = iter_people(data, result=read, space_date=space_date, sheet=sheet, overrides=overrides)
    result = ImportResult(warnings=read.warnings, errors=read.errors)
    earlier = (
        ImportBatch.objects.filter(space=space, sha256=digest, kind=ImportKind.ATTENDANCE)
        .order_by("pk")
        .first()
    )
    if earlier is not None and not force:
        result.duplicates = sum(1 for _person in people)
        result.rows, result.rejected = read.total, read.rejected
        result.warnings.insert(
            0,
            Issue(
                None,
                None,
                _(
                    "Este mismo archivo ya se importó el %(date)s: no se importa de nuevo (use --force "
                    "para hacerlo)."
                )
                % {"date": timezone.localtime(earlier.created_at).strftime("%Y-%m-%d %H:%M")},
            ),
        )
        return result

    with transaction.atomic():
        batch = ImportBatch.objects.create(
            space=space,
            sha256=digest,
            filename=filename[:255],
            forced=force,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        valid = _attendance_bulk_insert(space=space, batch=batch, people=people)
        import_batch_close(
            result=result,
            batch=batch,
            total=read.total,
            rejected=read.rejected,
            valid=valid,
            imported=batch.attendances.count(),
            dry_run=dry_run,
            actor=actor,
            action="attendance_import",
            space=space,
            filename=filename,
        )
    return import_result_warn_if_empty(result, dry_run=dry_run)


def import_batch_close(
    *,
    result: ImportResult,
    batch: ImportBatch,
    total: int,
    rejected: int,
    valid: int,
    imported: int,
    dry_run: bool,
    actor: User | None,
    action: str,
    space: Space,
    filename: str,
) -> None:
    """The end of an import inside its transaction, for attendances and evaluations alike: the
    counts, then a rollback (dry run) or the batch's figures and the audit record."""
    result.rows, result.rejected = total, rejected
    result.imported = imported
    result.duplicates = valid - imported
    if dry_run:
        transaction.set_rollback(True)
        return
    batch.rows, batch.rejected = result.rows, result.rejected
    batch.imported, batch.duplicates = result.imported, result.duplicates
    batch.save(update_fields=["rows", "rejected", "imported", "duplicates"])
    audit_record(
        actor=actor,
        action=action,
        target=space,
        changes={
            "file": [None, filename],
            "imported": [None, result.imported],
            "duplicates": [None, result.duplicates],
            "rejected": [None, result.rejected],
        },
    )


def import_result_warn_if_empty(result: ImportResult, *, dry_run: bool) -> ImportResult:
    """Says so first when a real import stored nothing."""
    if result.imported == 0 and result.rows and not dry_run:
        result.warnings.insert(
            0,
            Issue(
                None,
                None,
                _("No se importó ninguna fila: todas estaban repetidas o fueron rechazadas."),
            ),
        )
    return result


# The columns an import fills row by row; every other column takes its default.
_ROW_FIELDS = (
    "full_name",
    "name_key",
    "document_type",
    "document_number",
    "email",
    "phone",
    "sex",
    "age",
    "age_group",
    "locality",
    "stakeholder_group",
    "consent_answer",
    "source_row",
    "submitted_at_text",
)


def _attendance_bulk_insert(*, space: Space, batch: ImportBatch, people) -> int:
    """Inserts people in chunks, skipping rows the same-person constraints refuse.

    Django's bulk_create builds SQLite statements of at most 999 parameters through the ORM,
    which made storing four times slower than reading; one prepared statement run with
    executemany stores 100,000 rows in a second or two on either database.
    """
    fields = [f for f in Attendance._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    fixed = {
        "space_id": space.pk,
        "import_batch_id": batch.pk,
        "source": Source.IMPORT,
        "consent_at": now,
        "created_at": now,
    }
    template = []
    for f in fields:
        if f.attname in _ROW_FIELDS:
            template.append(None)
        else:
            value = fixed[f.attname] if f.attname in fixed else f.get_default()
            template.append(f.get_db_prep_save(value, connection))
    positions = [(i, f.attname) for i, f in enumerate(fields) if f.attname in _ROW_FIELDS]
    table = connection.ops.quote_name(Attendance._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = ", ".join(["%s"] * len(fields))
    if connection.vendor == "sqlite":
        sql = f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({values})"
    else:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING"
    valid = 0
    chunk: list[list] = []
    with connection.cursor() as cursor:
        for person in people:
            row = list(template)
            for index, name in positions:
                row[index] = getattr(person, "row" if name == "source_row" else name)
            chunk.append(row)
            if len(chunk) == BATCH_SIZE:
                cursor.executemany(sql, chunk)
                valid += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(sql, chunk)
            valid += len(chunk)
    return valid


# Staged imports: preview, then confirm ------------------------------------------------------


@dataclass
class ImportStage:
    """A file read without storing anyone (the preview), kept until staff confirm it."""

    pending: PendingImport
    preview: ImportResult


def attendance_import_stages_expire(*, now: dt.datetime | None = None) -> int:
    """Drops the previews nobody confirmed within IMPORT_STAGE_HOURS (they hold personal data)."""
    cutoff = (now or timezone.now()) - dt.timedelta(hours=settings.IMPORT_STAGE_HOURS)
    deleted, _by_model = PendingImport.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def attendance_import_stage(
    *,
    space: Space,
    data: bytes,
    filename: str,
    actor: User,
    force: bool = False,
    sheet: str | None = None,
) -> ImportStage:
    """Previews an import (raises ImportRefused for a bad file) and keeps the file for the
    confirmation; the person's earlier preview of this space and expired ones go."""
    preview = attendance_import(
        space=space, data=data, filename=filename, dry_run=True, force=force, sheet=sheet
    )
    with transaction.atomic():
        attendance_import_stages_expire()
        PendingImport.objects.filter(uploaded_by=actor, space=space).delete()
        pending = PendingImport.objects.create(
            space=space,
            filename=filename[: PendingImport._meta.get_field("filename").max_length],
            content=data,
            options={"force": force, "sheet": sheet or ""},
            uploaded_by=actor,
        )
    return ImportStage(pending, preview)


def attendance_import_confirm(*, pending: PendingImport, actor: User) -> ImportResult:
    """Imports a previewed file, once: the stage is gone afterwards."""
    if pending.options.get("kind", ImportKind.ATTENDANCE) != ImportKind.ATTENDANCE:
        raise ImportRefused(_("Esa vista previa no es de asistencia: suba el archivo otra vez."))
    age = timezone.now() - pending.created_at
    if age > dt.timedelta(hours=settings.IMPORT_STAGE_HOURS):
        pending.delete()
        raise ImportRefused(_("La vista previa venció: suba el archivo otra vez."))
    result = attendance_import(
        space=pending.space,
        data=bytes(pending.content),
        filename=pending.filename,
        actor=actor,
        force=bool(pending.options.get("force")),
        sheet=pending.options.get("sheet") or None,
    )
    pending.delete()
    return result
