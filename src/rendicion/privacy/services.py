"""Citizens' data rights (Ley 1581 de 2012, Decreto 1377 de 2013): requests with their legal
terms, and finding, exporting and erasing one person's data across the apps that hold it.

Each app reads and writes its own records (`<entity>_personal_data_find/erase`); this module
only orchestrates them.
"""

import csv
import datetime as dt
import io
import json
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.dates import business_days_after, received_on, term_end
from rendicion.core.models import Entity, User
from rendicion.core.selectors import business_calendar
from rendicion.core.services import audit_record
from rendicion.core.text import document_digits, email_clean
from rendicion.participation import selectors as participation_selectors
from rendicion.participation import services as participation_services
from rendicion.participation.models import Attendance, Evaluation
from rendicion.questions import selectors as questions_selectors
from rendicion.questions import services as questions_services
from rendicion.questions.models import ProposedTopic, Question

from .models import (
    ANSWER_MAX_LENGTH,
    DataRequest,
    RequestState,
    request_kind_of,
)

DOCUMENT_MIN_DIGITS = 5

# The kinds of record that hold personal data, in the order every listing uses.
RECORD_TYPES = ["attendance", "invitation_contact", "evaluation", "question", "topic"]


# Requests: consulta and reclamo ---------------------------------------------------------------


@dataclass
class DataRequestData:
    right: str
    full_name: str
    document_number: str
    document_type: str = ""
    email: str = ""
    phone: str = ""
    description: str = ""


def data_request_receive(
    *,
    entity: Entity,
    data: DataRequestData,
    submission_key: uuid.UUID | None,
    received_at: dt.datetime | None = None,
) -> DataRequest:
    """Records a request with its legal due date; the same submission twice stores one."""
    if submission_key is not None:
        earlier = DataRequest.objects.filter(submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    received_at = received_at or timezone.now()
    day = timezone.localdate(received_at)
    calendar = business_calendar(entity=entity)
    kind = request_kind_of(data.right)
    request = DataRequest(
        entity=entity,
        kind=kind,
        right=data.right,
        full_name=data.full_name,
        document_type=data.document_type,
        document_number=data.document_number,
        email=data.email,
        phone=data.phone,
        description=data.description,
        received_at=received_at,
        received_on=received_on(day, calendar),
        submission_key=submission_key,
    )
    request.due_date = term_end(day, request.term_days, calendar)
    request.deadline = request.due_date
    try:
        with transaction.atomic():
            request.save(force_insert=True)
            audit_record(
                actor=None,
                action="data_request_receive",
                target=request,
                changes={"kind": [None, kind], "right": [None, data.right]},
            )
    except IntegrityError:
        # A racing request with the same submission key stored it a moment ago.
        earlier = DataRequest.objects.filter(submission_key=submission_key).first()
        if earlier is None or submission_key is None:
            raise
        return earlier
    return request


@transaction.atomic
def data_request_extend(
    *, actor: User | None, request: DataRequest, reason: str, today: dt.date | None = None
) -> DataRequest:
    """The one extension the law allows, told to the person before the term ends: 5 more
    business days for a consulta, 8 for a reclamo, counted after the first term."""
    today = today or timezone.localdate()
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_open:
        raise ValidationError(_("La solicitud ya fue respondida: no necesita prórroga."))
    if request.extended_to is not None:
        raise ValidationError(_("La ley permite una sola prórroga y esta solicitud ya la tuvo."))
    if today > request.due_date:
        raise ValidationError(
            _("El término venció el %(date)s: la prórroga se debe avisar antes de que venza.")
            % {"date": request.due_date.isoformat()}
        )
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Explique el motivo de la prórroga (al menos 10 letras).")}
        )
    if len(reason) > 2000:
        raise ValidationError({"reason": _("El motivo es muy largo: máximo 2.000 caracteres.")})
    calendar = business_calendar(entity=request.entity)
    request.extended_to = business_days_after(request.due_date, request.extension_days, calendar)
    request.extension_reason = reason
    request.deadline = request.extended_to
    if request.state == RequestState.RECEIVED:
        request.state = RequestState.IN_PROGRESS
    request.save()
    audit_record(
        actor=actor,
        action="data_request_extend",
        target=request,
        changes={"deadline": [request.due_date.isoformat(), request.extended_to.isoformat()]},
    )
    return request


@transaction.atomic
def data_request_state_set(*, actor: User | None, request: DataRequest, state: str) -> DataRequest:
    """Moves an open request between received and in progress (answering closes it)."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    if state not in (RequestState.RECEIVED, RequestState.IN_PROGRESS):
        raise ValidationError({"state": _("Elija «Recibida» o «En trámite».")})
    if not request.is_open:
        raise ValidationError(_("La solicitud ya fue respondida."))
    before = request.state
    request.state = state
    request.save(update_fields=["state", "updated_at"])
    audit_record(
        actor=actor,
        action="data_request_state_set",
        target=request,
        changes={"state": [before, state]},
    )
    return request


@transaction.atomic
def data_request_answer(*, actor: User | None, request: DataRequest, answer: str) -> DataRequest:
    """Records the answer given to the person; the request leaves the queue."""
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    answer = answer.strip()
    if not answer:
        raise ValidationError({"answer": _("Escriba la respuesta que se le dio a la persona.")})
    if len(answer) > ANSWER_MAX_LENGTH:
        raise ValidationError({"answer": _("La respuesta es muy larga: máximo 10.000 caracteres.")})
    before = request.state
    request.answer = answer
    request.state = RequestState.ANSWERED
    request.answered_at = timezone.now()
    request.answered_by = actor if actor is not None and actor.is_authenticated else None
    request.save()
    audit_record(
        actor=actor,
        action="data_request_answer",
        target=request,
        changes={"state": [before, RequestState.ANSWERED]},
    )
    return request


def data_request_due_dates_recompute(entity: Entity, day: dt.date) -> int:
    """After the entity's calendar changed on `day`: recomputes the due dates it touches."""
    calendar = business_calendar(entity=entity)
    changed = []
    affected = DataRequest.objects.filter(
        entity=entity, received_on__lte=day, deadline__gte=day
    ).only("pk", "kind", "received_at", "received_on", "due_date", "extended_to", "deadline")
    for request in affected:
        start = timezone.localdate(request.received_at)
        due = term_end(start, request.term_days, calendar)
        extended = (
            business_days_after(due, request.extension_days, calendar)
            if request.extended_to is not None
            else None
        )
        if due != request.due_date or extended != request.extended_to:
            request.received_on = received_on(start, calendar)
            request.due_date = due
            request.extended_to = extended
            request.deadline = extended or due
            changed.append(request)
    DataRequest.objects.bulk_update(
        changed, ["received_on", "due_date", "extended_to", "deadline"], batch_size=1000
    )
    return len(changed)


# One person's records across apps -------------------------------------------------------------


def person_query_clean(*, document: str | None = None, email: str | None = None) -> tuple[str, str]:
    """(document digits, e-mail in lower case) from what staff typed; exactly one of them."""
    document = (document or "").strip()
    email = (email or "").strip()
    if bool(document) == bool(email):
        raise ValidationError(
            _("Escriba un número de documento o un correo electrónico (uno solo).")
        )
    if document:
        if any(ch.isalpha() for ch in document):
            raise ValidationError(
                {"document": _("El número de documento lleva solo números, sin letras.")}
            )
        digits = document_digits(document)
        if len(digits) < DOCUMENT_MIN_DIGITS:
            raise ValidationError(
                {
                    "document": _("El número de documento debe tener al menos %(n)s dígitos.")
                    % {"n": DOCUMENT_MIN_DIGITS}
                }
            )
        return digits, ""
    cleaned, valid = email_clean(email)
    if not valid:
        raise ValidationError(
            {"email": _("Escriba un correo válido, por ejemplo nombre@correo.com.")}
        )
    return "", cleaned


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


@dataclass
class PersonRecords:
    """Every record that holds one person's data, by kind, in a stable order."""

    document: str
    email: str
    attendances: list[Attendance] = field(default_factory=list)
    invitation_contacts: list[Attendance] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    topics: list[ProposedTopic] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.count

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    @property
    def counts(self) -> dict[str, int]:
        return {
            "attendance": len(self.attendances),
            "invitation_contact": len(self.invitation_contacts),
            "evaluation": len(self.evaluations),
            "question": len(self.questions),
            "topic": len(self.topics),
        }

    def rows(self) -> list[dict]:
        """One dict per record: type, id, space, date and the person's data it holds."""
        rows = []
        for a in self.attendances:
            rows.append(
                {
                    "type": "attendance",
                    "id": a.pk,
                    "space": a.space.slug,
                    "date": _iso(timezone.localdate(a.space.starts_at)),
                    "data": {
                        "full_name": a.full_name,
                        "document_type": a.document_type,
                        "document_number": a.document_number,
                        "email": a.email,
                        "phone": a.phone,
                        "age": a.age,
                        "sex": a.sex,
                        "age_group": a.age_group,
                        "locality": a.locality,
                        "stakeholder_group": a.stakeholder_group,
                        "consent_at": _iso(a.consent_at),
                        "source": a.source,
                    },
                }
            )
        for a in self.invitation_contacts:
            rows.append(
                {
                    "type": "invitation_contact",
                    "id": a.pk,
                    "space": a.space.slug,
                    "date": _iso(timezone.localdate(a.space.starts_at)),
                    "data": {
                        "email": a.email,
                        "contact_consent_at": _iso(a.contact_consent_at),
                        "unsubscribed_at": _iso(a.unsubscribed_at),
                    },
                }
            )
        for e in self.evaluations:
            rows.append(
                {
                    "type": "evaluation",
                    "id": e.pk,
                    "space": e.space.slug,
                    "date": _iso(timezone.localdate(e.space.starts_at)),
                    "data": {"comment": e.comment},
                }
            )
        for q in self.questions:
            rows.append(
                {
                    "type": "question",
                    "id": q.pk,
                    "space": q.space.slug,
                    "date": _iso(q.received_on),
                    "data": {
                        "asker_name": q.asker_name,
                        "asker_email": q.asker_email,
                        "asker_phone": q.asker_phone,
                        "text": q.text,
                    },
                }
            )
        for t in self.topics:
            space = t.proposed_in or t.proposed_for
            rows.append(
                {
                    "type": "topic",
                    "id": t.pk,
                    "space": space.slug if space else None,
                    "date": _iso(t.proposed_on),
                    "data": {"text": t.text},
                }
            )
        return rows

    def as_json(self) -> dict:
        """The contract of `rendicion personal_data_find --json`."""
        return {
            "document": self.document or None,
            "email": self.email or None,
            "count": self.count,
            "counts": self.counts,
            "records": self.rows(),
        }


def personal_data_find(*, document: str = "", email: str = "") -> PersonRecords:
    """Every record holding this person's data (document digits, or e-mail in any case)."""
    return PersonRecords(
        document=document,
        email=email,
        attendances=list(
            participation_selectors.attendance_personal_data_find(document=document, email=email)
        ),
        invitation_contacts=list(
            participation_selectors.attendance_contact_personal_data_find(
                document=document, email=email
            )
        ),
        evaluations=participation_selectors.evaluation_personal_data_find(
            document=document, email=email
        ),
        questions=questions_selectors.question_personal_data_find(document=document, email=email),
        topics=questions_selectors.topic_personal_data_find(document=document, email=email),
    )


EXPORT_COLUMNS = ["type", "id", "space", "date", "field", "value"]


def personal_data_export(records: PersonRecords, *, fmt: str) -> tuple[str, str]:
    """(content, media type): what Rendición holds about the person, for the person."""
    if fmt == "json":
        text = json.dumps(records.as_json(), ensure_ascii=False, indent=2, sort_keys=False)
        return text + "\n", "application/json"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for row in records.rows():
        for name, value in row["data"].items():
            text = "" if value is None else str(value)
            # A spreadsheet must show a citizen's text as text, never run it as a formula.
            if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
                text = "'" + text
            writer.writerow([row["type"], row["id"], row["space"] or "", row["date"], name, text])
    return out.getvalue(), "text/csv"


@dataclass
class EraseResult:
    erased: dict[str, int]
    records: list[dict]
    dry_run: bool

    @property
    def total(self) -> int:
        return sum(self.erased.values())


@transaction.atomic
def personal_data_erase(
    *, document: str = "", email: str = "", actor: User | None, dry_run: bool = False
) -> EraseResult:
    """Anonymises every record of this person; the aggregates they count in stay.

    Audited by each app per space, with counts and record ids, never the data itself.
    """
    found = personal_data_find(document=document, email=email)
    records = [{"type": row["type"], "id": row["id"]} for row in found.rows()]
    reason = "request"
    erased = _erase_all(found, actor=actor, reason=reason, dry_run=dry_run)
    if dry_run:
        transaction.set_rollback(True)
    return EraseResult(erased=erased, records=records, dry_run=dry_run)


def _erase_all(
    found: PersonRecords, *, actor: User | None, reason: str, dry_run: bool, keep_published=False
) -> dict[str, int]:
    # Contact consents first: they are found through the e-mail the attendance erase removes.
    erased = {
        "invitation_contact": participation_services.attendance_contact_personal_data_erase(
            attendances=found.invitation_contacts, actor=actor, reason=reason, dry_run=dry_run
        ),
        "attendance": participation_services.attendance_personal_data_erase(
            attendances=found.attendances, actor=actor, reason=reason, dry_run=dry_run
        ),
        "evaluation": participation_services.evaluation_personal_data_erase(
            evaluations=found.evaluations, actor=actor, reason=reason, dry_run=dry_run
        ),
        "question": questions_services.question_personal_data_erase(
            questions=found.questions,
            actor=actor,
            reason=reason,
            keep_published_text=keep_published,
            dry_run=dry_run,
        ),
        "topic": questions_services.topic_personal_data_erase(
            topics=found.topics, actor=actor, reason=reason, dry_run=dry_run
        ),
    }
    return {name: erased[name] for name in RECORD_TYPES}


def retention_cutoff(*, now: dt.datetime | None = None, days: int | None = None) -> dt.datetime:
    """Spaces that started before this moment are past the retention period."""
    now = now or timezone.now()
    days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    return now - dt.timedelta(days=days)


@dataclass
class RetentionResult:
    retention_days: int
    cutoff: dt.date
    erased: dict[str, int]
    dry_run: bool

    def as_json(self) -> dict:
        return {
            "retention_days": self.retention_days,
            "cutoff": self.cutoff.isoformat(),
            "dry_run": self.dry_run,
            "erased": self.erased,
        }


@transaction.atomic
def personal_data_retention(
    *, now: dt.datetime | None = None, dry_run: bool = False
) -> RetentionResult:
    """Anonymises personal data of spaces older than PERSONAL_DATA_RETENTION_DAYS, the same way
    an erase does. Texts staff reviewed and published stay as the public record."""
    days = settings.PERSONAL_DATA_RETENTION_DAYS
    cutoff = retention_cutoff(now=now, days=days)
    found = PersonRecords(
        document="",
        email="",
        attendances=list(
            participation_selectors.attendance_personal_data_expired(space_started_before=cutoff)
        ),
        invitation_contacts=list(
            participation_selectors.attendance_contact_personal_data_expired(
                space_started_before=cutoff
            )
        ),
        evaluations=list(
            participation_selectors.evaluation_personal_data_expired(space_started_before=cutoff)
        ),
        questions=list(
            questions_selectors.question_personal_data_expired(space_started_before=cutoff)
        ),
        topics=list(questions_selectors.topic_personal_data_expired(space_started_before=cutoff)),
    )
    erased = _erase_all(found, actor=None, reason="retention", dry_run=dry_run, keep_published=True)
    return RetentionResult(
        retention_days=days,
        cutoff=timezone.localdate(cutoff),
        erased=erased,
        dry_run=dry_run,
    )


def personal_data_rectify(*, actor: User | None, record_type: str, pk: int, data: dict) -> None:
    """Corrects the person's data on one record, through the app that owns it."""
    if record_type == "attendance":
        attendance = Attendance.objects.get(pk=pk)
        participation_services.attendance_personal_data_rectify(
            attendance=attendance, actor=actor, **data
        )
    elif record_type == "question":
        question = Question.objects.get(pk=pk)
        questions_services.question_personal_data_rectify(
            question=question,
            actor=actor,
            asker_name=data.get("full_name", ""),
            asker_email=data.get("email", ""),
            asker_phone=data.get("phone", ""),
        )
    else:
        raise ValueError(record_type)
