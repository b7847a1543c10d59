"""A person's data (Ley 1581 de 2012): unsubscribe, rectify and erase."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space

from .. import rules
from ..models import Attendance, Evaluation


@transaction.atomic
def attendance_contact_unsubscribe(*, attendance: Attendance) -> int:
    """That person gets no more invitations from this entity (an unsubscribe link).

    Every attendance of the same e-mail at the entity is marked, so later invitation lists leave
    the person out until they accept invitations again on a new attendance form. Returns how
    many attendances were marked now (0 when the person had already unsubscribed).
    """
    same_person = Attendance.objects.filter(
        space__strategy__entity_id=attendance.space.strategy.entity_id,
        unsubscribed_at__isnull=True,
    )
    if attendance.email:
        same_person = same_person.filter(email=attendance.email)
    else:
        same_person = same_person.filter(pk=attendance.pk)
    marked = same_person.update(unsubscribed_at=timezone.now())
    if marked:
        audit_record(
            actor=None,
            action="contact_unsubscribe",
            target=attendance,
            changes={"attendances": [None, marked]},
        )
    return marked


# Personal data of one person (Ley 1581 de 2012): rectify and erase ------------------------------

ATTENDANCE_PERSONAL_FIELDS = [
    "full_name",
    "document_type",
    "document_number",
    "email",
    "phone",
]


def _audit_erase_per_space(*, actor: User | None, action: str, rows, reason: str) -> None:
    """One audit record per space: how many records and which ids, never the data itself."""
    by_space: dict[int, list[int]] = {}
    spaces: dict[int, Space] = {}
    for pk, space in rows:
        by_space.setdefault(space.pk, []).append(pk)
        spaces[space.pk] = space
    for space_id in sorted(by_space):
        ids = sorted(by_space[space_id])
        audit_record(
            actor=actor,
            action=action,
            target=spaces[space_id],
            changes={"records": [None, len(ids)], "ids": [None, ids], "reason": [None, reason]},
        )


@transaction.atomic
def attendance_personal_data_erase(
    *, attendances, actor: User | None, reason: str, dry_run: bool = False
) -> int:
    """Anonymises attendances: name, document, e-mail, phone and exact age go; sex, age group,
    locality, stakeholder group and space stay, so every published figure stays the same.

    Each record gets its own name key that no typed name produces, so anonymised records of one
    space never collide with each other and are never taken for the same person again.
    """
    ids = sorted({attendance.pk for attendance in attendances})
    rows = (
        Attendance.objects.filter(pk__in=ids)
        .exclude(name_key__startswith=rules.ANONYMISED_NAME_KEY_PREFIX)
        .select_related("space")
        .order_by("pk")
    )
    found = [(row.pk, row.space) for row in rows]
    if dry_run or not found:
        return len(found)
    Attendance.objects.filter(pk__in=[pk for pk, _space in found]).update(
        full_name="",
        name_key=Concat(
            Value(rules.ANONYMISED_NAME_KEY_PREFIX), Cast("pk", output_field=CharField())
        ),
        document_type="",
        document_number="",
        email="",
        phone="",
        age=None,
    )
    _audit_erase_per_space(
        actor=actor, action="attendance_personal_data_erase", rows=found, reason=reason
    )
    return len(found)


@transaction.atomic
def evaluation_personal_data_erase(
    *, evaluations, actor: User | None, reason: str, dry_run: bool = False
) -> int:
    """Removes the comments of evaluations; the ratings stay in every figure."""
    ids = sorted({evaluation.pk for evaluation in evaluations})
    rows = Evaluation.objects.filter(pk__in=ids).exclude(comment="").select_related("space")
    found = [(row.pk, row.space) for row in rows.order_by("pk")]
    if dry_run or not found:
        return len(found)
    Evaluation.objects.filter(pk__in=[pk for pk, _space in found]).update(comment="")
    _audit_erase_per_space(
        actor=actor, action="evaluation_personal_data_erase", rows=found, reason=reason
    )
    return len(found)


@transaction.atomic
def attendance_personal_data_rectify(
    *, attendance: Attendance, actor: User | None, **data: str
) -> Attendance:
    """Corrects a person's data on one attendance, as they asked (Ley 1581, art. 8).

    The audit names the fields that changed, never their values.
    """
    attendance = Attendance.objects.select_for_update().get(pk=attendance.pk)
    before = {name: getattr(attendance, name) for name in ATTENDANCE_PERSONAL_FIELDS}
    errors: dict[str, str] = {}
    full_name = " ".join(str(data.get("full_name", attendance.full_name)).split())
    if not full_name:
        errors["full_name"] = _("Escriba el nombre de la persona.")
    document = rules.document_digits(data.get("document_number", attendance.document_number))
    email, valid = rules.email_clean(data.get("email", attendance.email))
    if not valid:
        errors["email"] = _("Escriba un correo válido, por ejemplo nombre@correo.com.")
    if errors:
        raise ValidationError(errors)
    attendance.full_name = full_name[:200]
    attendance.name_key = rules.name_key(full_name)
    attendance.document_type = str(data.get("document_type", attendance.document_type))[:40]
    attendance.document_number = document[:30]
    attendance.email = email
    attendance.phone = str(data.get("phone", attendance.phone)).strip()[:40]
    others = Attendance.objects.filter(space_id=attendance.space_id).exclude(pk=attendance.pk)
    if document and others.filter(document_number=document).exists():
        errors["document_number"] = _(
            "Otra persona de este espacio ya tiene ese número de documento."
        )
    if email and others.filter(email=email).exists():
        errors["email"] = _("Otra persona de este espacio ya tiene ese correo.")
    if (
        not document
        and not email
        and others.filter(name_key=attendance.name_key, document_number="", email="").exists()
    ):
        errors["full_name"] = _(
            "Otra persona de este espacio, sin documento ni correo, ya tiene ese nombre."
        )
    if errors:
        raise ValidationError(errors)
    attendance.save(
        update_fields=[*ATTENDANCE_PERSONAL_FIELDS, "name_key"],
    )
    changed = sorted(
        name for name in ATTENDANCE_PERSONAL_FIELDS if getattr(attendance, name) != before[name]
    )
    audit_record(
        actor=actor,
        action="attendance_personal_data_rectify",
        target=attendance,
        changes={"fields": [None, changed]},
    )
    return attendance


@transaction.atomic
def attendance_contact_personal_data_erase(
    *, attendances, actor: User | None, reason: str, dry_run: bool = False
) -> int:
    """Takes people off the invitation lists for good: their contact consent is withdrawn.

    Audited per space with the number of records, never the person's data.
    """
    ids = sorted({attendance.pk for attendance in attendances})
    rows = list(
        Attendance.objects.filter(pk__in=ids, contact_consent=True)
        .select_related("space")
        .order_by("pk")
    )
    if dry_run or not rows:
        return len(rows)
    Attendance.objects.filter(pk__in=[row.pk for row in rows]).update(
        contact_consent=False, contact_consent_at=None
    )
    by_space: dict[int, list[int]] = {}
    for row in rows:
        by_space.setdefault(row.space_id, []).append(row.pk)
    spaces = {row.space_id: row.space for row in rows}
    for space_id in sorted(by_space):
        audit_record(
            actor=actor,
            action="invitation_contact_personal_data_erase",
            target=spaces[space_id],
            changes={
                "records": [None, len(by_space[space_id])],
                "ids": [None, by_space[space_id]],
                "reason": [None, reason],
            },
        )
    return len(rows)
