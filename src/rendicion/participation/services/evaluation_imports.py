"""Spreadsheet imports of evaluations (Google Forms, Microsoft Forms), in one pass and staged."""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.spaces.models import Space

from ..importing import ImportRefused, Issue
from ..importing_evaluations import EvaluationRead, iter_evaluations
from ..models import Evaluation, ImportBatch, ImportKind, PendingImport, Source
from .imports import (
    ImportResult,
    ImportStage,
    attendance_import_stages_expire,
    import_batch_close,
    import_result_warn_if_empty,
)

BATCH_SIZE = 1000


# Long for the same reason as attendance_import: reading, the same-file check, the chunked insert
# and the counts share one batch and one transaction.
def evaluation_import(
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
    """Imports an evaluation spreadsheet into a space. Raises ImportRefused for a bad file.

    Rows whose answers are not on the form's scales are rejected (row and column named). A
    response already imported (same timestamp and answers, e.g. the form exported again with
    more responses) is a duplicate; the same file twice imports nothing unless `force`. A dry
    run does everything inside a transaction it rolls back.
    """
    digest = hashlib.sha256(data + b"\0" + (sheet or "").encode()).hexdigest()
    read = EvaluationRead()
    rows = iter_evaluations(data, result=read, sheet=sheet, overrides=overrides)
    result = ImportResult(warnings=read.warnings, errors=read.errors)
    earlier = (
        ImportBatch.objects.filter(space=space, sha256=digest, kind=ImportKind.EVALUATION)
        .order_by("pk")
        .first()
    )
    if earlier is not None and not force:
        result.duplicates = sum(1 for _row in rows)
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
            kind=ImportKind.EVALUATION,
            sha256=digest,
            filename=filename[:255],
            forced=force,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        valid = _evaluation_bulk_insert(space=space, batch=batch, rows=rows)
        import_batch_close(
            result=result,
            batch=batch,
            total=read.total,
            rejected=read.rejected,
            valid=valid,
            imported=batch.evaluations.count(),
            dry_run=dry_run,
            actor=actor,
            action="evaluation_import",
            space=space,
            filename=filename,
        )
    return import_result_warn_if_empty(result, dry_run=dry_run)


def _evaluation_bulk_insert(*, space: Space, batch: ImportBatch, rows) -> int:
    """Stores rows in chunks; the database skips responses already stored (their row key)."""
    now = timezone.now()
    valid = 0
    chunk: list[Evaluation] = []
    keys_in_file: set[str] = set()
    for row in rows:
        if row.row_key:
            if row.row_key in keys_in_file:  # the same response twice in one file
                valid += 1
                continue
            keys_in_file.add(row.row_key)
        chunk.append(
            Evaluation(
                space=space,
                satisfaction=row.satisfaction,
                clarity=row.clarity,
                usefulness=row.usefulness,
                topic_covered=row.topic_covered,
                would_return=row.would_return,
                comment=row.comment,
                consent_at=now if row.comment else None,
                consent_answer=row.consent_answer,
                source=Source.IMPORT,
                import_batch=batch,
                source_row=row.row,
                submitted_at_text=row.submitted_at_text,
                row_key=row.row_key,
            )
        )
        if len(chunk) == BATCH_SIZE:
            Evaluation.objects.bulk_create(chunk, ignore_conflicts=True)
            valid += len(chunk)
            chunk = []
    if chunk:
        Evaluation.objects.bulk_create(chunk, ignore_conflicts=True)
        valid += len(chunk)
    return valid


# Staged imports: preview, then confirm ------------------------------------------------------


def evaluation_import_stage(
    *,
    space: Space,
    data: bytes,
    filename: str,
    actor: User,
    force: bool = False,
    sheet: str | None = None,
) -> ImportStage:
    """Previews an evaluation import (raises ImportRefused for a bad file) and keeps the file
    until staff confirm it; the person's earlier preview of this space goes."""
    preview = evaluation_import(
        space=space, data=data, filename=filename, dry_run=True, force=force, sheet=sheet
    )
    with transaction.atomic():
        attendance_import_stages_expire()
        PendingImport.objects.filter(uploaded_by=actor, space=space).delete()
        pending = PendingImport.objects.create(
            space=space,
            filename=filename[: PendingImport._meta.get_field("filename").max_length],
            content=data,
            options={"force": force, "sheet": sheet or "", "kind": ImportKind.EVALUATION.value},
            uploaded_by=actor,
        )
    return ImportStage(pending, preview)


def evaluation_import_confirm(*, pending: PendingImport, actor: User) -> ImportResult:
    """Imports a previewed evaluation file, once: the stage is gone afterwards."""
    if pending.options.get("kind") != ImportKind.EVALUATION:
        raise ImportRefused(_("Esa vista previa no es de evaluaciones: suba el archivo otra vez."))
    age = timezone.now() - pending.created_at
    if age > dt.timedelta(hours=settings.IMPORT_STAGE_HOURS):
        pending.delete()
        raise ImportRefused(_("La vista previa venció: suba el archivo otra vez."))
    result = evaluation_import(
        space=pending.space,
        data=bytes(pending.content),
        filename=pending.filename,
        actor=actor,
        force=bool(pending.options.get("force")),
        sheet=pending.options.get("sheet") or None,
    )
    pending.delete()
    return result
