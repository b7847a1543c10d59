"""Consulta: 10 business days, one extension of 5; reclamo: 15, one extension of 8 (Ley 1581
arts. 14 and 15), on the business-day calendar of DESIGN.md section 2."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from rendicion.core.services import non_working_day_add
from rendicion.core.tests.factories import EntityFactory
from rendicion.privacy.models import RequestKind, RequestState
from rendicion.privacy.services import data_request_answer, data_request_extend

from .factories import bogota, data_request_make

pytestmark = pytest.mark.django_db

# Holy week 2024: Monday 25 March (San José, moved), Thursday 28 and Friday 29 are holidays.


def test_consulta_is_answered_within_ten_business_days_skipping_holidays():
    request = data_request_make(EntityFactory(), right="know", received_at=bogota(2024, 3, 22))
    assert request.kind == RequestKind.CONSULTA
    assert request.received_on == dt.date(2024, 3, 22)
    assert request.due_date == dt.date(2024, 4, 10)
    assert request.deadline == request.due_date


def test_request_received_on_a_saturday_before_a_holiday_counts_from_the_next_business_day():
    request = data_request_make(EntityFactory(), right="know", received_at=bogota(2024, 3, 23))
    assert request.received_on == dt.date(2024, 3, 26)
    assert request.due_date == dt.date(2024, 4, 11)


@pytest.mark.parametrize("right", ["update", "rectify", "erase", "revoke"])
def test_every_change_is_a_reclamo_answered_within_fifteen_business_days(right):
    request = data_request_make(EntityFactory(), right=right, received_at=bogota(2024, 3, 22))
    assert request.kind == RequestKind.RECLAMO
    assert request.due_date == dt.date(2024, 4, 17)


def test_consulta_extension_adds_five_business_days_after_the_term():
    request = data_request_make(EntityFactory(), right="know", received_at=bogota(2024, 3, 22))
    extended = data_request_extend(
        actor=None,
        request=request,
        reason="Hay que revisar archivos físicos.",
        today=dt.date(2024, 4, 1),
    )
    assert extended.extended_to == dt.date(2024, 4, 17)
    assert extended.deadline == dt.date(2024, 4, 17)
    assert extended.state == RequestState.IN_PROGRESS


def test_reclamo_extension_adds_eight_business_days_after_the_term():
    request = data_request_make(EntityFactory(), right="erase", received_at=bogota(2024, 3, 22))
    extended = data_request_extend(
        actor=None,
        request=request,
        reason="Hay que revisar archivos físicos.",
        today=dt.date(2024, 4, 1),
    )
    assert extended.extended_to == dt.date(2024, 4, 29)


def test_only_one_extension_and_only_before_the_term_ends():
    entity = EntityFactory()
    request = data_request_make(entity, right="know", received_at=bogota(2024, 3, 22))
    late = dt.date(2024, 4, 11)
    with pytest.raises(ValidationError, match="venció"):
        data_request_extend(actor=None, request=request, reason="Motivo suficiente.", today=late)
    data_request_extend(
        actor=None, request=request, reason="Motivo suficiente.", today=dt.date(2024, 4, 1)
    )
    with pytest.raises(ValidationError, match="una sola prórroga"):
        data_request_extend(
            actor=None, request=request, reason="Otro motivo más.", today=dt.date(2024, 4, 2)
        )


def test_extension_needs_a_reason():
    request = data_request_make(EntityFactory(), received_at=bogota(2024, 3, 22))
    with pytest.raises(ValidationError) as error:
        data_request_extend(actor=None, request=request, reason="corto", today=dt.date(2024, 4, 1))
    assert "motivo" in error.value.message_dict["reason"][0]


def test_a_day_the_entity_declares_non_working_moves_the_due_date():
    entity = EntityFactory()
    request = data_request_make(entity, right="know", received_at=bogota(2024, 3, 22))
    non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 4, 3), reason="Traslado de sede"
    )
    request.refresh_from_db()
    assert request.due_date == dt.date(2024, 4, 11)
    assert request.deadline == dt.date(2024, 4, 11)


def test_answering_closes_the_request():
    request = data_request_make(EntityFactory())
    answered = data_request_answer(actor=None, request=request, answer="Le enviamos sus datos.")
    assert answered.state == RequestState.ANSWERED
    assert answered.answered_at is not None
    with pytest.raises(ValidationError):
        data_request_extend(actor=None, request=answered, reason="Motivo suficiente.")
