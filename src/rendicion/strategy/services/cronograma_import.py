"""Replacing a strategy's cronograma with the activities of an uploaded spreadsheet."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.core.text import normalise_words

from ..cronograma import CellError, CronogramaFileError, cronograma_xlsx_read
from ..models import Strategy
from .activities import (
    ActivityData,
    _activity_snapshot,
    activity_create,
    activity_delete,
    activity_update,
)


class CronogramaImportError(Exception):
    """The file was refused; nothing was stored. `errors` name row and column."""

    def __init__(self, errors: list) -> None:
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class CronogramaImportResult:
    created: int
    updated: int
    removed: int


def _lookups(strategy: Strategy) -> tuple[dict, dict]:
    """Stage and office keys as the file may write them: normalised name (or stage number)."""
    stages = {}
    for stage in strategy.stages.all():
        stages[normalise_words(stage.name)] = stage.pk
        stages[str(stage.number)] = stage.pk
    offices = {
        normalise_words(o.name): o.pk for o in strategy.entity.offices.filter(is_active=True)
    }
    return stages, offices


def _evidence_loss_errors(existing: dict, wanted: set) -> list:
    """One error per activity the file leaves out although it has evidence."""
    errors = []
    for number, activity in sorted(existing.items()):
        if number not in wanted and activity.evidence.exists():
            errors.append(
                CellError(
                    0,
                    _("No."),
                    _(
                        "La actividad %(number)s no está en el archivo pero tiene evidencias; "
                        "inclúyala o quite sus evidencias antes de importar."
                    )
                    % {"number": number},
                )
            )
    return errors


def _row_data(row, stage_by_pk: dict, office_by_pk: dict) -> ActivityData:
    return ActivityData(
        number=row.number,
        name=row.name,
        target=row.target,
        stage=stage_by_pk.get(row.stage_key) if row.stage_key else None,
        target_quantity=row.target_quantity,
        target_unit=row.target_unit,
        progress_source=row.progress_source,
        evidence_expected=row.evidence_expected,
        responsible=[office_by_pk[key] for key in row.responsible_keys],
        responsible_note=row.responsible_note,
        responsible_text=row.responsible_text,
        quarters=row.quarters,
        status=row.status,
        progress=row.progress,
        progress_note=row.progress_note,
    )


@transaction.atomic
def cronograma_import(
    *, actor: User | None, strategy: Strategy, data: bytes
) -> CronogramaImportResult:
    """The cronograma becomes what the file says, or nothing changes at all.

    Activities are matched by number; those not in the file are removed, unless they have
    evidence (then the whole file is refused, so that no proof is lost).
    """
    stages, offices = _lookups(strategy)
    try:
        rows, errors = cronograma_xlsx_read(data, stages=stages, offices=offices)
    except CronogramaFileError as error:
        raise CronogramaImportError([CellError(0, "", str(error))]) from error
    existing = {a.number: a for a in activity_queryset_for_import(strategy)}
    wanted = {row.number for row in rows}
    errors.extend(_evidence_loss_errors(existing, wanted))
    if errors:
        raise CronogramaImportError(errors)

    stage_by_pk = {stage.pk: stage for stage in strategy.stages.all()}
    office_by_pk = {o.pk: o for o in strategy.entity.offices.all()}
    created = updated = removed = 0
    for number, activity in sorted(existing.items()):
        if number not in wanted:
            activity_delete(actor=actor, activity=activity)
            removed += 1
    model_errors = []
    for row in rows:
        data_row = _row_data(row, stage_by_pk, office_by_pk)
        try:
            if row.number in existing:
                before = _activity_snapshot(existing[row.number])
                activity_update(actor=actor, activity=existing[row.number], data=data_row)
                updated += before != _activity_snapshot(existing[row.number])
            else:
                activity_create(actor=actor, strategy=strategy, data=data_row)
                created += 1
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                model_errors.extend(CellError(row.row, field_name, m) for m in messages)
    if model_errors:
        raise CronogramaImportError(model_errors)
    audit_record(
        actor=actor,
        action="cronograma_import",
        target=strategy,
        changes={
            "created": [None, created],
            "updated": [None, updated],
            "removed": [None, removed],
        },
    )
    return CronogramaImportResult(created=created, updated=updated, removed=removed)


def activity_queryset_for_import(strategy: Strategy):
    return strategy.activities.select_related("stage").prefetch_related("responsible")
