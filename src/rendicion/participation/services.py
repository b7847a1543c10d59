"""Every write to attendances and evaluations: public forms, staff capture and imports."""

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.hooks import TopicChannel, topic_propose
from rendicion.core.models import ConsentText, User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space

from . import rules
from .importing import ImportRefused, Issue, ReadResult, iter_people
from .models import Attendance, Evaluation, ImportBatch, PendingImport, Source


@dataclass
class AttendanceData:
    full_name: str
    sex: str
    age_group: str
    document_type: str = ""
    document_number: str = ""
    email: str = ""
    phone: str = ""
    age: int | None = None
    locality: str = ""
    stakeholder_group: str = ""
    guardian_consent: bool = False
    contact_consent: bool = False


@dataclass
class RecordResult:
    """What happened to one submission: stored now, stored before (same key), or same person."""

    outcome: Literal["created", "repeated", "same_person"]
    record: Attendance | Evaluation | None = None


def _same_person(space: Space, *, document: str, email: str, name_key: str):
    condition = Q()
    if document:
        condition |= Q(document_number=document)
    if email:
        condition |= Q(email=email)
    if not document and not email:
        condition |= Q(name_key=name_key, document_number="", email="")
    return Attendance.objects.filter(space=space).filter(condition).first()


def _earlier(record: Attendance, submission_key: uuid.UUID | None) -> RecordResult:
    # The same submission may have been stored by a racing request a moment ago.
    if submission_key is not None and record.submission_key == submission_key:
        return RecordResult("repeated", record)
    return RecordResult("same_person", record)


def _insert(record) -> None:
    """One INSERT. Outside a transaction it commits on its own (no BEGIN/COMMIT round trips);
    inside one, a savepoint keeps a refused insert from breaking the caller's transaction."""
    if connection.in_atomic_block:
        with transaction.atomic():
            record.save(force_insert=True)
    else:
        record.save(force_insert=True)


def attendance_record(
    *,
    space: Space,
    data: AttendanceData,
    consent_text: ConsentText,
    submission_key: uuid.UUID | None,
    source: str = Source.FORM,
) -> RecordResult:
    """Stores one attendance, or reports the earlier record of the same submission or person.

    Safe against double clicks, retries and racing requests: the submission key and the
    same-person rules are unique constraints, so the insert itself is the check (one statement
    on the usual path) and a refused insert tells which earlier record it met.
    """
    document = rules.document_digits(data.document_number)
    email, _valid = rules.email_clean(data.email)
    key = rules.name_key(data.full_name)
    now = timezone.now()
    attendance = Attendance(
        space=space,
        full_name=" ".join(data.full_name.split())[:200],
        name_key=key[:200],
        document_type=data.document_type,
        document_number=document,
        email=email,
        phone=data.phone.strip(),
        sex=data.sex,
        age=data.age,
        age_group=data.age_group,
        locality=data.locality.strip(),
        stakeholder_group=data.stakeholder_group.strip(),
        consent_at=now,
        consent_text=consent_text,
        guardian_consent=data.guardian_consent,
        contact_consent=data.contact_consent,
        contact_consent_at=now if data.contact_consent else None,
        source=source,
        submission_key=submission_key,
    )
    try:
        _insert(attendance)
    except IntegrityError:
        if submission_key is not None:
            existing = Attendance.objects.filter(submission_key=submission_key).first()
            if existing is not None and existing.space_id == space.pk:
                return RecordResult("repeated", existing)
        earlier = _same_person(space, document=document, email=email, name_key=key)
        if earlier is not None:
            return _earlier(earlier, submission_key)
        if submission_key is not None:
            # A key already used in another space: this is a new submission all the same.
            return attendance_record(
                space=space,
                data=data,
                consent_text=consent_text,
                submission_key=uuid.uuid4(),
                source=source,
            )
        raise
    return RecordResult("created", attendance)


@dataclass
class EvaluationData:
    satisfaction: int
    clarity: int
    usefulness: int
    topic_covered: str
    would_return: str
    comment: str = ""


def evaluation_record(
    *,
    space: Space,
    data: EvaluationData,
    consent_text: ConsentText | None,
    submission_key: uuid.UUID | None,
) -> RecordResult:
    """Stores one evaluation once per submission key. A comment needs the authorisation."""
    if submission_key is not None:
        existing = Evaluation.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return RecordResult("repeated", existing)
    comment = data.comment.strip()
    evaluation = Evaluation(
        space=space,
        satisfaction=data.satisfaction,
        clarity=data.clarity,
        usefulness=data.usefulness,
        topic_covered=data.topic_covered,
        would_return=data.would_return,
        comment=comment,
        consent_at=timezone.now() if consent_text is not None else None,
        consent_text=consent_text,
        submission_key=submission_key,
    )
    evaluation.full_clean(exclude=["space", "consent_text"])
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:
        existing = Evaluation.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return RecordResult("repeated", existing)
    return RecordResult("created", evaluation)


# Public forms ---------------------------------------------------------------------------------
# A form's submission and the topic the person proposed in it are stored together or not at
# all. Without a topic the record is one INSERT, atomic by itself (no BEGIN/COMMIT on the
# form's hot path).


def _topic_from_form(space: Space, *, text: str, channel: str, submission_key) -> None:
    topic_propose(
        entity=space.strategy.entity,
        text=text,
        channel=channel,
        proposed_in=space,
        submission_key=submission_key,
    )


def attendance_submit(
    *,
    space: Space,
    data: AttendanceData,
    consent_text: ConsentText,
    submission_key: uuid.UUID,
    topic: str = "",
) -> RecordResult:
    """The public attendance form: the attendance and its optional «¿Qué tema le gustaría que
    tratáramos?», once per submission key."""
    if not topic:
        return attendance_record(
            space=space, data=data, consent_text=consent_text, submission_key=submission_key
        )
    with transaction.atomic():
        result = attendance_record(
            space=space, data=data, consent_text=consent_text, submission_key=submission_key
        )
        _topic_from_form(
            space, text=topic, channel=TopicChannel.ATTENDANCE_FORM, submission_key=submission_key
        )
    return result


def evaluation_submit(
    *,
    space: Space,
    data: EvaluationData,
    consent_text: ConsentText | None,
    submission_key: uuid.UUID,
    topic: str = "",
) -> RecordResult:
    """The public evaluation form: the evaluation and its optional proposed topic, together."""
    with transaction.atomic():
        result = evaluation_record(
            space=space, data=data, consent_text=consent_text, submission_key=submission_key
        )
        if topic:
            _topic_from_form(
                space,
                text=topic,
                channel=TopicChannel.EVALUATION_FORM,
                submission_key=submission_key,
            )
    return result


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
    earlier = ImportBatch.objects.filter(space=space, sha256=digest).order_by("pk").first()
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
        result.rows, result.rejected = read.total, read.rejected
        result.imported = batch.attendances.count()
        result.duplicates = valid - result.imported
        if dry_run:
            transaction.set_rollback(True)
        else:
            batch.rows, batch.rejected = result.rows, result.rejected
            batch.imported, batch.duplicates = result.imported, result.duplicates
            batch.save(update_fields=["rows", "rejected", "imported", "duplicates"])
            audit_record(
                actor=actor,
                action="attendance_import",
                target=space,
                changes={
                    "file": [None, filename],
                    "imported": [None, result.imported],
                    "duplicates": [None, result.duplicates],
                    "rejected": [None, result.rejected],
                },
            )
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


__all__ = [
    "AttendanceData",
    "EvaluationData",
    "ImportRefused",
    "ImportResult",
    "RecordResult",
    "attendance_contact_unsubscribe",
    "attendance_import",
    "attendance_record",
    "evaluation_record",
]


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
