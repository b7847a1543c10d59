"""Every write to commitments and their progress. Audited."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import Office, User
from rendicion.core.services import audit_record, changes_between, snapshot
from rendicion.spaces.models import Space

from .models import DESCRIPTION_MAX_LENGTH, Commitment, CommitmentProgress, CommitmentStatus

COMMITMENT_FIELDS = ["space", "description", "office", "due_date"]


@dataclass
class CommitmentData:
    space: Space
    description: str
    office: Office
    due_date: dt.date


def _validate(data: CommitmentData) -> str:
    errors = {}
    description = (data.description or "").strip()
    if len(description) < 10:
        errors["description"] = _("Describa el compromiso (al menos 10 letras).")
    elif len(description) > DESCRIPTION_MAX_LENGTH:
        errors["description"] = _("La descripción es muy larga: máximo 2.000 caracteres.")
    if data.office.entity_id != data.space.strategy.entity_id or not data.office.is_active:
        errors["office"] = _("La dependencia no pertenece a la entidad.")
    if data.due_date < timezone.localtime(data.space.starts_at).date():
        errors["due_date"] = _("La fecha de cumplimiento no puede ser anterior al espacio.")
    if errors:
        raise ValidationError(errors)
    return description


@transaction.atomic
def commitment_create(*, actor: User | None, data: CommitmentData) -> Commitment:
    description = _validate(data)
    commitment = Commitment.objects.create(
        space=data.space,
        description=description,
        office=data.office,
        due_date=data.due_date,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor,
        action="commitment_create",
        target=commitment,
        changes=changes_between({}, snapshot(commitment, COMMITMENT_FIELDS)),
    )
    return commitment


@transaction.atomic
def commitment_update(
    *, actor: User | None, commitment: Commitment, data: CommitmentData
) -> Commitment:
    description = _validate(data)
    before = snapshot(commitment, COMMITMENT_FIELDS)
    commitment.space, commitment.office = data.space, data.office
    commitment.description, commitment.due_date = description, data.due_date
    commitment.save()
    changes = changes_between(before, snapshot(commitment, COMMITMENT_FIELDS))
    if changes:
        audit_record(actor=actor, action="commitment_update", target=commitment, changes=changes)
    return commitment


@transaction.atomic
def commitment_progress_add(
    *,
    actor: User | None,
    commitment: Commitment,
    date: dt.date,
    note: str,
    status: str,
    evidence_url: str = "",
) -> CommitmentProgress:
    """Reports progress; the commitment takes the new status. Done needs an evidence link."""
    errors = {}
    note = (note or "").strip()
    evidence_url = (evidence_url or "").strip()
    if status not in CommitmentStatus.values:
        errors["status"] = _("Elija el estado del compromiso.")
    if len(note) < 5:
        errors["note"] = _("Cuente en pocas palabras qué se hizo.")
    elif len(note) > 2000:
        errors["note"] = _("El avance es muy largo: máximo 2.000 caracteres.")
    if date > timezone.localdate():
        errors["date"] = _("La fecha del avance no puede ser futura.")
    elif date < timezone.localtime(commitment.space.starts_at).date():
        errors["date"] = _("La fecha del avance no puede ser anterior al espacio.")
    if evidence_url:
        try:
            URLValidator(schemes=["http", "https"])(evidence_url)
        except ValidationError:
            errors["evidence_url"] = _("Escriba un enlace completo, que empiece por https://.")
    if status == CommitmentStatus.DONE and not evidence_url:
        errors["evidence_url"] = _("Para marcarlo como cumplido, enlace la evidencia.")
    if errors:
        raise ValidationError(errors)
    progress = CommitmentProgress.objects.create(
        commitment=commitment,
        date=date,
        note=note,
        status=status,
        evidence_url=evidence_url,
        added_by=actor if actor is not None and actor.is_authenticated else None,
    )
    before = snapshot(commitment, ["status", "done_on"])
    commitment.status = status
    commitment.done_on = date if status == CommitmentStatus.DONE else None
    commitment.save(update_fields=["status", "done_on", "updated_at"])
    audit_record(
        actor=actor,
        action="commitment_progress_add",
        target=commitment,
        changes={
            **changes_between(before, snapshot(commitment, ["status", "done_on"])),
            "progress": [None, note],
            "evidence_url": [None, evidence_url],
        },
    )
    return progress
