"""One attendance or evaluation at a time: public forms and staff capture."""

import uuid
from dataclasses import dataclass
from typing import Literal

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from rendicion.core.hooks import TopicChannel, topic_propose
from rendicion.core.models import ConsentText
from rendicion.spaces.models import Space

from .. import rules
from ..models import Attendance, Evaluation, Source


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
