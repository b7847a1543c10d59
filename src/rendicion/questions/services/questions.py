"""Every write to questions: receipt, routing to offices, returns, terms and extensions."""

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.dates import BusinessCalendar, extension_limit, term_end
from rendicion.core.models import ConsentText, Entity, Office, User
from rendicion.core.selectors import business_calendar, consent_text_version
from rendicion.core.services import (
    audit_record,
    changes_between,
    consent_text_ensure,
    snapshot,
)
from rendicion.spaces.models import Space, SpaceStatus

from ..models import (
    ANSWERED_STATES,
    QUESTION_MAX_LENGTH,
    Answer,
    Question,
    QuestionChannel,
    QuestionKind,
    QuestionState,
)

QUESTION_MIN_LENGTH = 5
ROUTABLE_STATES = [QuestionState.RECEIVED, QuestionState.RETURNED, QuestionState.ASSIGNED]


@dataclass
class QuestionData:
    text: str
    channel: str = QuestionChannel.PUBLIC_FORM
    kind: str = QuestionKind.GENERAL
    asker_name: str = ""
    asker_email: str = ""
    asker_phone: str = ""


@dataclass
class QuestionResult:
    outcome: Literal["created", "repeated"]
    question: Question


def question_text_clean(text: str) -> str:
    """The question as stored: plain text, surrounding spaces removed, within the limit."""
    text = (text or "").strip()
    if len(text) < QUESTION_MIN_LENGTH:
        raise ValidationError({"text": _("Escriba su pregunta.")})
    if len(text) > QUESTION_MAX_LENGTH:
        raise ValidationError(
            {
                "text": _(
                    "La pregunta es muy larga: tiene %(n)s caracteres y el máximo es %(max)s."
                )
                % {"n": f"{len(text):,}".replace(",", "."), "max": "2.000"}
            }
        )
    return text


def _contact(data: QuestionData) -> tuple[str, str, str]:
    name = " ".join(data.asker_name.split())[:200]
    email = data.asker_email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                {"asker_email": _("Escriba un correo válido, por ejemplo nombre@correo.com.")}
            ) from None
    return name, email, data.asker_phone.strip()[:40]


def _terms(question: Question, calendar: BusinessCalendar) -> None:
    question.due_date = term_end(question.received_on, question.term_days, calendar)
    question.deadline = question.extended_to or question.due_date


# Long because the contact data, the legal term, the submission key and the race with a
# concurrent retry are one insert: the order of these steps is the guarantee.
def question_receive(
    *,
    space: Space,
    data: QuestionData,
    consent_text: ConsentText | None,
    submission_key: uuid.UUID | None = None,
    received_at: dt.datetime | None = None,
    actor: User | None = None,
) -> QuestionResult:
    """Stores a question from the public form or staff capture, with its legal due date.

    Contact data is kept only with an authorisation (`consent_text`). Safe against double posts:
    one question per submission key, even under races.
    """
    if submission_key is not None:
        existing = Question.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return QuestionResult("repeated", existing)
    if space.status == SpaceStatus.CANCELLED:
        raise ValidationError(_("El espacio fue cancelado: no recibe preguntas."))
    if data.channel not in QuestionChannel.values:
        raise ValidationError({"channel": _("Canal desconocido.")})
    if data.kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Tipo de petición desconocido.")})
    text = question_text_clean(data.text)
    name, email, phone = _contact(data)
    if (name or email or phone) and consent_text is None:
        raise ValidationError(
            {
                "consent": _(
                    "Sin la autorización de tratamiento de datos no se guardan el nombre, el "
                    "correo ni el teléfono."
                )
            }
        )
    now = timezone.now()
    received_at = received_at or now
    if received_at > now + dt.timedelta(minutes=5):
        raise ValidationError({"received_on": _("La fecha de recibido no puede ser futura.")})
    question = Question(
        space=space,
        text=text,
        channel=data.channel,
        kind=data.kind,
        asker_name=name,
        asker_email=email,
        asker_phone=phone,
        consent_at=now if consent_text is not None else None,
        consent_text=consent_text,
        received_at=received_at,
        received_on=timezone.localdate(received_at),
        submission_key=submission_key,
    )
    _terms(question, business_calendar(entity=space.strategy.entity))
    try:
        with transaction.atomic():
            question.save()
            audit_record(
                actor=actor,
                action="question_receive",
                target=question,
                changes={
                    "space": [None, space.slug],
                    "channel": [None, question.channel],
                    "received_on": [None, str(question.received_on)],
                    "due_date": [None, str(question.due_date)],
                },
            )
    except IntegrityError:
        existing = Question.objects.filter(submission_key=submission_key).first()
        if submission_key is None or existing is None:
            raise
        return QuestionResult("repeated", existing)
    return QuestionResult("created", question)


def question_submit(
    *,
    space: Space,
    text: str,
    asker_name: str,
    asker_email: str,
    consent_version: str | None,
    submission_key: uuid.UUID,
) -> QuestionResult:
    """The public question form: stored with the authorisation text the person saw (the
    current one when that version is unknown), once per submission key."""
    entity = space.strategy.entity
    consent = consent_version and consent_text_version(entity=entity, version=consent_version)
    return question_receive(
        space=space,
        data=QuestionData(
            text=text,
            channel=QuestionChannel.PUBLIC_FORM,
            asker_name=asker_name,
            asker_email=asker_email,
        ),
        consent_text=consent or consent_text_ensure(entity=entity),
        submission_key=submission_key,
    )


def _office_of_entity(office: Office, question: Question) -> None:
    if office.entity_id != question.space.strategy.entity_id or not office.is_active:
        raise ValidationError({"office": _("La dependencia no pertenece a la entidad.")})


@transaction.atomic
def question_route(
    *, actor: User | None, question: Question, office: Office, kind: str | None = None
) -> Question:
    """The planning office sends the question to the office that must answer it."""
    if question.state not in ROUTABLE_STATES:
        raise ValidationError(
            _("La pregunta ya tiene una respuesta en curso: no se puede asignar de nuevo.")
        )
    _office_of_entity(office, question)
    if kind is not None and kind != question.kind:
        question_kind_set(actor=actor, question=question, kind=kind)
    before = snapshot(question, ["office", "state"])
    if question.office_id != office.pk:
        Answer.objects.filter(question=question).delete()  # a draft of another office
    question.office = office
    question.state = QuestionState.ASSIGNED
    question.save()
    changes = changes_between(before, snapshot(question, ["office", "state"]))
    if changes:
        audit_record(actor=actor, action="question_route", target=question, changes=changes)
    return question


@transaction.atomic
def question_return(*, actor: User | None, question: Question, reason: str) -> Question:
    """An office that is not competent sends the question back to planning, saying why."""
    if question.state != QuestionState.ASSIGNED:
        raise ValidationError(
            _("Solo se puede devolver una pregunta asignada que no se ha enviado a revisión.")
        )
    reason = reason.strip()
    if len(reason) < 10:
        raise ValidationError(
            {"reason": _("Explique por qué la dependencia no es competente (al menos 10 letras).")}
        )
    if len(reason) > 2000:
        raise ValidationError({"reason": _("El motivo es muy largo: máximo 2.000 caracteres.")})
    office = question.office
    Answer.objects.filter(question=question).delete()
    question.returned_by = office
    question.return_reason = reason
    question.office = None
    question.state = QuestionState.RETURNED
    question.save()
    audit_record(
        actor=actor,
        action="question_return",
        target=question,
        changes={
            "office": [str(office), None],
            "state": ["assigned", "returned"],
            "reason": [None, reason],
        },
    )
    return question


@transaction.atomic
def question_kind_set(*, actor: User | None, question: Question, kind: str) -> Question:
    """Classifies the petition (general, documents, consultation): the due date follows."""
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": _("Tipo de petición desconocido.")})
    if kind == question.kind:
        return question
    if question.state in ANSWERED_STATES:
        raise ValidationError({"kind": _("La pregunta ya fue respondida.")})
    if question.extended_to is not None:
        raise ValidationError(
            {"kind": _("La pregunta ya tiene prórroga: su tipo ya no se puede cambiar.")}
        )
    before = snapshot(question, ["kind", "due_date"])
    question.kind = kind
    _terms(question, business_calendar(entity=question.space.strategy.entity))
    question.save()
    audit_record(
        actor=actor,
        action="question_kind_set",
        target=question,
        changes=changes_between(before, snapshot(question, ["kind", "due_date"])),
    )
    return question


@transaction.atomic
def question_extend(
    *,
    actor: User | None,
    question: Question,
    new_date: dt.date,
    reason: str,
    today: dt.date | None = None,
) -> Question:
    """The one extension the law allows: announced before the term ends, with a reason, to a
    business day at most twice the term after receipt (Ley 1755 de 2015, art. 14)."""
    today = today or timezone.localdate()
    calendar = business_calendar(entity=question.space.strategy.entity)
    errors: dict[str, str] = {}
    if not question.is_open:
        raise ValidationError(_("La pregunta ya fue respondida: no necesita prórroga."))
    if question.extended_to is not None:
        raise ValidationError(_("La ley permite una sola prórroga y esta pregunta ya la tuvo."))
    if today > question.due_date:
        raise ValidationError(
            _("El término venció el %(date)s: la prórroga se debe avisar antes de que venza.")
            % {"date": question.due_date.isoformat()}
        )
    limit = extension_limit(question.received_on, question.term_days, calendar)
    if new_date <= question.due_date:
        errors["new_date"] = _("La nueva fecha debe ser posterior al vencimiento (%(date)s).") % {
            "date": question.due_date.isoformat()
        }
    elif new_date > limit:
        errors["new_date"] = _(
            "La nueva fecha no puede pasar del doble del término: a más tardar el %(date)s."
        ) % {"date": limit.isoformat()}
    elif not calendar.is_business_day(new_date):
        errors["new_date"] = _("La nueva fecha debe ser un día hábil.")
    reason = reason.strip()
    if len(reason) < 10:
        errors["reason"] = _("Explique el motivo de la prórroga (al menos 10 letras).")
    elif len(reason) > 2000:
        errors["reason"] = _("El motivo es muy largo: máximo 2.000 caracteres.")
    if errors:
        raise ValidationError(errors)
    question.extended_to = new_date
    question.extension_reason = reason
    question.deadline = new_date
    question.save()
    audit_record(
        actor=actor,
        action="question_extend",
        target=question,
        changes={"extended_to": [None, str(new_date)], "reason": [None, reason]},
    )
    return question


def question_due_dates_recompute(entity: Entity, day: dt.date) -> int:
    """After the entity's calendar changed on `day`: recomputes the due dates that it touches.

    Registered with core's calendar services; returns how many due dates changed.
    """
    calendar = business_calendar(entity=entity)
    affected = Question.objects.filter(
        space__strategy__entity=entity, received_on__lte=day, due_date__gte=day
    ).only("pk", "kind", "received_on", "due_date", "extended_to", "deadline")
    changed = []
    for question in affected.iterator(chunk_size=2000):
        due = term_end(question.received_on, question.term_days, calendar)
        if due != question.due_date:
            question.due_date = due
            if question.extended_to is not None and question.extended_to <= due:
                # The new term reaches past the announced extension: the law's term wins.
                question.extended_to = None
            question.deadline = question.extended_to or due
            changed.append(question)
    for start in range(0, len(changed), 1000):
        Question.objects.bulk_update(
            changed[start : start + 1000], ["due_date", "extended_to", "deadline"]
        )
    return len(changed)


__all__ = [
    "QuestionData",
    "QuestionResult",
    "question_due_dates_recompute",
    "question_extend",
    "question_kind_set",
    "question_receive",
    "question_return",
    "question_route",
    "question_text_clean",
]
