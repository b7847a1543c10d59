"""Writes to the cronograma's activities, their progress and their evidence."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from rendicion.core.models import Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.core.uploads import upload_check

from ..models import Activity, ActivityStatus, Evidence, ProgressSource, Stage, Strategy

ACTIVITY_FIELDS = [
    "number",
    "stage",
    "name",
    "target",
    "target_quantity",
    "target_unit",
    "progress_source",
    "evidence_expected",
    "responsible_note",
    "responsible_text",
    "q1",
    "q2",
    "q3",
    "q4",
    "status",
    "progress",
    "progress_note",
]


@dataclass
class ActivityData:
    number: int
    name: str
    target: str
    stage: Stage | None = None
    target_quantity: int | None = None
    target_unit: str = ""
    progress_source: str = ProgressSource.MANUAL
    evidence_expected: str = ""
    responsible: Sequence[Office] = ()
    responsible_note: str = ""
    responsible_text: str = ""
    quarters: Sequence[int] = ()
    status: str = ActivityStatus.PENDING
    progress: int = 0
    progress_note: str = ""


def _activity_snapshot(activity: Activity) -> dict:
    values = snapshot(activity, ACTIVITY_FIELDS)
    if activity.pk:
        values["responsible"] = sorted(o.name for o in activity.responsible.all())
    return values


def _activity_apply(activity: Activity, data: ActivityData) -> None:
    activity.number = data.number
    activity.stage = data.stage
    activity.name = data.name.strip()
    activity.target = data.target.strip()
    activity.target_quantity = data.target_quantity
    activity.target_unit = data.target_unit.strip()
    activity.progress_source = data.progress_source
    activity.evidence_expected = data.evidence_expected.strip()
    activity.responsible_note = data.responsible_note.strip()
    activity.responsible_text = data.responsible_text.strip()
    for quarter in (1, 2, 3, 4):
        setattr(activity, f"q{quarter}", quarter in data.quarters)
    activity.status = data.status
    activity.progress = data.progress
    activity.progress_note = data.progress_note.strip()


def _activity_validate(activity: Activity, data: ActivityData) -> None:
    errors: dict[str, list[str]] = {}
    try:
        activity.full_clean(exclude=["strategy"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if not data.responsible:
        errors.setdefault("responsible", []).append(
            _("Indique al menos una dependencia responsable.")
        )
    others = {o.entity_id for o in data.responsible} - {activity.strategy.entity_id}
    if others:
        errors.setdefault("responsible", []).append(_("La dependencia no pertenece a la entidad."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_create(*, actor: User | None, strategy: Strategy, data: ActivityData) -> Activity:
    activity = Activity(strategy=strategy)
    _activity_apply(activity, data)
    _activity_validate(activity, data)
    activity.save()
    activity.responsible.set(data.responsible)
    audit_record(
        actor=actor,
        action="activity_create",
        target=activity,
        changes=changes_between({}, _activity_snapshot(activity)),
    )
    return activity


@transaction.atomic
def activity_update(*, actor: User | None, activity: Activity, data: ActivityData) -> Activity:
    before = _activity_snapshot(activity)
    _activity_apply(activity, data)
    _activity_validate(activity, data)
    activity.save()
    activity.responsible.set(data.responsible)
    changes = changes_between(before, _activity_snapshot(activity))
    if changes:
        audit_record(actor=actor, action="activity_update", target=activity, changes=changes)
    return activity


@transaction.atomic
def activity_delete(*, actor: User | None, activity: Activity) -> None:
    if activity.evidence.exists():
        raise ValidationError(
            _("La actividad %(number)s tiene evidencias; quítelas antes de eliminarla.")
            % {"number": activity.number}
        )
    audit_record(
        actor=actor,
        action="activity_delete",
        target=activity,
        changes=changes_between(_activity_snapshot(activity), {}),
    )
    activity.delete()


@transaction.atomic
def activity_progress_update(
    *, actor: User | None, activity: Activity, status: str, progress: int, note: str
) -> Activity:
    """What an office reports on its own activity: state, percentage and a note."""
    before = snapshot(activity, ["status", "progress", "progress_note"])
    activity.status, activity.progress, activity.progress_note = status, progress, note.strip()
    activity.full_clean(exclude=["strategy"])
    activity.save(update_fields=["status", "progress", "progress_note", "updated_at"])
    changes = changes_between(before, snapshot(activity, ["status", "progress", "progress_note"]))
    if changes:
        audit_record(
            actor=actor, action="activity_progress_update", target=activity, changes=changes
        )
    return activity


@transaction.atomic
def evidence_add(
    *,
    actor: User | None,
    activity: Activity,
    date: dt.date,
    office: Office | None,
    note: str = "",
    file: UploadedFile | None = None,
    url: str = "",
) -> Evidence:
    """Attaches one file or one link to an activity; the file's type and size are checked."""
    if bool(file) == bool(url):
        raise ValidationError(_("Adjunte un archivo o escriba un enlace (solo uno de los dos)."))
    if file:
        upload_check(file, field="file")
    evidence = Evidence(
        activity=activity,
        date=date,
        office=office,
        note=note.strip(),
        url=url.strip(),
        added_by=actor if actor and actor.is_authenticated else None,
    )
    if file:
        evidence.file = file
    evidence.full_clean()
    evidence.save()
    audit_record(
        actor=actor,
        action="evidence_add",
        target=evidence,
        changes={"activity": [None, str(activity)], "evidence": [None, str(evidence)]},
    )
    return evidence


@transaction.atomic
def evidence_delete(*, actor: User | None, evidence: Evidence) -> None:
    audit_record(
        actor=actor,
        action="evidence_delete",
        target=evidence,
        changes={"evidence": [str(evidence), None]},
    )
    stored = evidence.file.name if evidence.file else ""
    storage = evidence.file.storage if evidence.file else None
    evidence.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))
