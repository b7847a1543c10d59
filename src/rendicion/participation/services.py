"""Every write to attendances and evaluations: public forms, staff capture and imports."""

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Literal

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.models import Entity, User
from rendicion.core.services import audit_record
from rendicion.spaces.models import Space

from . import rules
from .importing import ImportRefused, Issue, PeopleSeen, read_people
from .models import Attendance, ConsentText, Evaluation, ImportBatch, Source

DEFAULT_CONSENT_TEXT = (
    "Autorizo a {entity} para tratar mis datos personales (nombre, documento, correo, teléfono, "
    "sexo, edad, localidad y grupo de valor) con el fin de registrar mi participación en los "
    "espacios de rendición de cuentas, responder mis inquietudes y producir estadísticas sin "
    "datos que me identifiquen, según la Ley 1581 de 2012. Puedo conocer, actualizar, rectificar "
    "y pedir que se supriman mis datos, y revocar esta autorización, por los canales de atención "
    "de la entidad."
)


@transaction.atomic
def consent_text_current(*, entity: Entity) -> ConsentText:
    """The authorisation text citizens accept now (a default one is created the first time)."""
    current = ConsentText.objects.filter(entity=entity).order_by("-created_at", "-pk").first()
    if current is None:
        current = ConsentText.objects.create(
            entity=entity, version="1", text=DEFAULT_CONSENT_TEXT.format(entity=entity.name)
        )
        audit_record(
            actor=None,
            action="consent_text_create",
            target=current,
            changes={"version": [None, "1"]},
        )
    return current


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


def attendance_record(
    *,
    space: Space,
    data: AttendanceData,
    consent_text: ConsentText,
    submission_key: uuid.UUID | None,
    source: str = Source.FORM,
) -> RecordResult:
    """Stores one attendance, or reports the earlier record of the same submission or person.

    Safe against double clicks and retries: the submission key and the same-person rules are
    unique constraints in the database, so two racing requests store one record.
    """
    if submission_key is not None:
        existing = Attendance.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return RecordResult("repeated", existing)
    document = rules.document_digits(data.document_number)
    email, _valid = rules.email_clean(data.email)
    key = rules.name_key(data.full_name)
    earlier = _same_person(space, document=document, email=email, name_key=key)
    if earlier is not None:
        return _earlier(earlier, submission_key)
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
        consent_at=timezone.now(),
        consent_text=consent_text,
        guardian_consent=data.guardian_consent,
        source=source,
        submission_key=submission_key,
    )
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:
        # Another request stored the same submission or person between our check and insert.
        if submission_key is not None:
            existing = Attendance.objects.filter(submission_key=submission_key).first()
            if existing is not None:
                return RecordResult("repeated", existing)
        earlier = _same_person(space, document=document, email=email, name_key=key)
        if earlier is not None:
            return _earlier(earlier, submission_key)
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

    Rows that fail the rules are rejected (each with row and column), people already in the
    space or earlier in the file are counted as duplicates, the rest are stored. An identical
    file imported before is not imported again unless `force`.
    """
    digest = hashlib.sha256(data).hexdigest()
    space_date = timezone.localtime(space.starts_at).date()
    read = read_people(data, space_date=space_date, sheet=sheet, overrides=overrides)
    result = ImportResult(
        rows=read.total, rejected=read.rejected, warnings=read.warnings, errors=read.errors
    )
    earlier = ImportBatch.objects.filter(space=space, sha256=digest).order_by("pk").first()
    if earlier is not None and not force:
        result.duplicates = len(read.rows)
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

    seen = PeopleSeen()
    for document, email, key in (
        Attendance.objects.filter(space=space)
        .values_list("document_number", "email", "name_key")
        .iterator(chunk_size=5000)
    ):
        seen.add(document=document, email=email, name_key=key)
    new_rows = []
    for person in read.rows:
        if seen.seen(document=person.document_number, email=person.email, name_key=person.name_key):
            result.duplicates += 1
            continue
        seen.add(document=person.document_number, email=person.email, name_key=person.name_key)
        new_rows.append(person)
    if dry_run:
        result.imported = len(new_rows)
        return result

    with transaction.atomic():
        batch = ImportBatch.objects.create(
            space=space,
            sha256=digest,
            filename=filename[:255],
            rows=result.rows,
            rejected=result.rejected,
            forced=force,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
        now = timezone.now()
        for start in range(0, len(new_rows), BATCH_SIZE):
            Attendance.objects.bulk_create(
                [
                    Attendance(
                        space=space,
                        full_name=p.full_name,
                        name_key=p.name_key,
                        document_type=p.document_type,
                        document_number=p.document_number,
                        email=p.email,
                        phone=p.phone,
                        sex=p.sex,
                        age=p.age,
                        age_group=p.age_group,
                        locality=p.locality,
                        stakeholder_group=p.stakeholder_group,
                        consent_at=now,
                        consent_answer=p.consent_answer,
                        source=Source.IMPORT,
                        import_batch=batch,
                        source_row=p.row,
                        submitted_at_text=p.submitted_at_text,
                    )
                    for p in new_rows[start : start + BATCH_SIZE]
                ],
                ignore_conflicts=True,
            )
        # Counted from the database: a form submitted meanwhile by the same person wins.
        result.imported = batch.attendances.count()
        result.duplicates += len(new_rows) - result.imported
        batch.imported, batch.duplicates = result.imported, result.duplicates
        batch.save(update_fields=["imported", "duplicates"])
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
    if result.imported == 0 and result.rows:
        result.warnings.insert(
            0,
            Issue(
                None,
                None,
                _("No se importó ninguna fila: todas estaban repetidas o fueron rechazadas."),
            ),
        )
    return result


__all__ = [
    "AttendanceData",
    "EvaluationData",
    "ImportRefused",
    "ImportResult",
    "RecordResult",
    "attendance_import",
    "attendance_record",
    "consent_text_current",
    "evaluation_record",
]
