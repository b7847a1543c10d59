"""Data requests (consulta and reclamo) with their legal terms."""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rendicion.core.dates import business_days_after, received_on, term_end
from rendicion.core.models import Entity, User
from rendicion.core.selectors import business_calendar
from rendicion.core.services import audit_record

from ..models import ANSWER_MAX_LENGTH, DataRequest, RequestState, request_kind_of


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
