"""Questions are received with their legal due date, routed, returned, extended once, and their
due dates follow the entity's calendar."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from rendicion.core import services as core_services
from rendicion.core.dates import BusinessCalendar, business_days_after
from rendicion.core.models import AuditRecord
from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.questions import services
from rendicion.questions.models import Answer, Question, QuestionState
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import AssignedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db
COLOMBIA = BusinessCalendar.colombia()


def _at(day: str, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def _receive(space, text="¿Cuándo abren las inscripciones?", when="2023-12-22", **data):
    consent = data.pop("consent", None)
    return services.question_receive(
        space=space,
        data=services.QuestionData(text=text, **data),
        consent_text=consent,
        received_at=_at(when),
        submission_key=data.pop("key", None),
    ).question


def test_a_question_gets_its_legal_due_date_when_received():
    question = _receive(SpaceFactory(), when="2023-12-22")
    assert question.received_on == dt.date(2023, 12, 22)
    assert question.due_date == question.deadline == dt.date(2024, 1, 17)
    assert question.state == QuestionState.RECEIVED
    assert AuditRecord.objects.filter(action="question_receive").count() == 1


def test_each_kind_of_petition_has_its_own_term():
    space = SpaceFactory()
    documents = _receive(space, kind="documents", when="2024-02-05")
    consultation = _receive(space, kind="consultation", when="2024-02-05")
    received = dt.date(2024, 2, 5)
    assert documents.due_date == business_days_after(received, 10, COLOMBIA)
    assert consultation.due_date == business_days_after(received, 30, COLOMBIA)


def test_a_question_is_stored_as_plain_text_within_the_length_limit():
    space = SpaceFactory()
    question = _receive(space, text="  <script>alert(1)</script> ¿Y el presupuesto?  ")
    assert question.text == "<script>alert(1)</script> ¿Y el presupuesto?"
    with pytest.raises(ValidationError) as error:
        _receive(space, text="x" * 2001)
    assert "tiene 2.001 caracteres y el máximo es 2.000" in error.value.message_dict["text"][0]
    with pytest.raises(ValidationError) as error:
        _receive(space, text="   ")
    assert error.value.message_dict == {"text": ["Escriba su pregunta."]}


def test_contact_data_is_kept_only_with_authorisation():
    space = SpaceFactory()
    with pytest.raises(ValidationError) as error:
        _receive(space, asker_email="ana@example.invalid")
    assert "consent" in error.value.message_dict
    consent = consent_text_ensure(entity=space.strategy.entity)
    question = _receive(space, asker_email=" Ana@Example.invalid ", consent=consent)
    assert question.asker_email == "ana@example.invalid"
    assert question.consent_text == consent and question.consent_at is not None
    with pytest.raises(ValidationError) as error:
        _receive(space, asker_email="no-es-un-correo", consent=consent)
    assert "asker_email" in error.value.message_dict


def test_the_database_refuses_contact_data_without_consent():
    question = QuestionFactory()
    question.asker_name = "Ana Prueba"
    with pytest.raises(IntegrityError):
        question.save()


def test_the_same_submission_twice_stores_one_question():
    space = SpaceFactory()
    key = uuid.uuid4()
    first = services.question_receive(
        space=space,
        data=services.QuestionData(text="¿Hay parqueadero?"),
        consent_text=None,
        submission_key=key,
    )
    second = services.question_receive(
        space=space,
        data=services.QuestionData(text="¿Hay parqueadero?"),
        consent_text=None,
        submission_key=key,
    )
    assert (first.outcome, second.outcome) == ("created", "repeated")
    assert Question.objects.count() == 1


def test_a_cancelled_space_receives_no_questions():
    with pytest.raises(ValidationError):
        _receive(SpaceFactory(status="cancelled"))


def test_planning_routes_a_question_to_an_office_and_may_classify_it():
    question = _receive(SpaceFactory(), when="2024-02-05")
    office = OfficeFactory(entity=question.space.strategy.entity)
    planner = UserFactory()
    services.question_route(actor=planner, question=question, office=office, kind="documents")
    question.refresh_from_db()
    assert (question.state, question.office, question.kind) == ("assigned", office, "documents")
    assert question.due_date == business_days_after(dt.date(2024, 2, 5), 10, COLOMBIA)
    actions = set(AuditRecord.objects.values_list("action", flat=True))
    assert {"question_route", "question_kind_set"} <= actions


def test_an_office_of_another_entity_cannot_be_assigned():
    question = QuestionFactory()
    with pytest.raises(ValidationError) as error:
        services.question_route(
            actor=None, question=question, office=OfficeFactory(entity__name="Otra")
        )
    assert "office" in error.value.message_dict


def test_an_office_that_is_not_competent_returns_the_question_with_a_reason():
    question = AssignedQuestionFactory()
    office = question.office
    Answer.objects.create(question=question, text="Borrador", office=office)
    with pytest.raises(ValidationError) as error:
        services.question_return(actor=None, question=question, reason="no")
    assert "reason" in error.value.message_dict
    services.question_return(
        actor=None, question=question, reason="El tema lo maneja la Dirección de Talento Humano."
    )
    question.refresh_from_db()
    assert (question.state, question.office, question.returned_by) == ("returned", None, office)
    assert not Answer.objects.exists()  # the other office starts from a blank page
    other = OfficeFactory(entity=question.space.strategy.entity)
    services.question_route(actor=None, question=question, office=other)
    question.refresh_from_db()
    assert (question.state, question.office) == ("assigned", other)


def test_one_extension_before_the_term_ends_up_to_twice_the_term():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))
    limit = business_days_after(dt.date(2024, 2, 5), 30, COLOMBIA)
    today = question.due_date  # the last day of the term is still in time
    with pytest.raises(ValidationError) as error:
        services.question_extend(
            actor=None,
            question=question,
            new_date=limit + dt.timedelta(days=1),
            reason="Se necesita información de otra entidad.",
            today=today,
        )
    assert "doble del término" in error.value.message_dict["new_date"][0]
    with pytest.raises(ValidationError) as error:
        services.question_extend(
            actor=None, question=question, new_date=limit, reason="corto", today=today
        )
    assert "reason" in error.value.message_dict
    services.question_extend(
        actor=None,
        question=question,
        new_date=limit,
        reason="Se necesita información de otra entidad.",
        today=today,
    )
    question.refresh_from_db()
    assert question.deadline == question.extended_to == limit
    with pytest.raises(ValidationError) as error:
        services.question_extend(
            actor=None,
            question=question,
            new_date=limit,
            reason="Otra prórroga más para pedir.",
            today=today,
        )
    assert "una sola prórroga" in error.value.messages[0]


def test_an_extension_after_the_term_ended_is_refused():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))
    with pytest.raises(ValidationError) as error:
        services.question_extend(
            actor=None,
            question=question,
            new_date=question.due_date + dt.timedelta(days=7),
            reason="Se necesita información de otra entidad.",
            today=question.due_date + dt.timedelta(days=1),
        )
    assert "antes de que venza" in error.value.messages[0]


def test_an_extension_must_land_on_a_business_day():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))
    saturday = question.due_date + dt.timedelta(days=(5 - question.due_date.weekday()) % 7)
    with pytest.raises(ValidationError) as error:
        services.question_extend(
            actor=None,
            question=question,
            new_date=saturday,
            reason="Se necesita información de otra entidad.",
            today=dt.date(2024, 2, 6),
        )
    assert error.value.message_dict["new_date"] == ["La nueva fecha debe ser un día hábil."]


def test_due_dates_are_recomputed_when_the_entity_declares_a_non_working_day():
    question = _receive(SpaceFactory(), when="2024-02-05")
    untouched = _receive(question.space, when="2024-06-04")
    before, untouched_due = question.due_date, untouched.due_date
    entity = question.space.strategy.entity
    day = core_services.non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 2, 9), reason="Jornada de inventario"
    )
    question.refresh_from_db()
    untouched.refresh_from_db()
    assert question.due_date == question.deadline == before + dt.timedelta(days=1)
    assert untouched.due_date == untouched_due
    record = AuditRecord.objects.get(action="non_working_day_add")
    assert record.changes["recomputed"] == {"questions": 1}

    core_services.non_working_day_remove(actor=None, day=day)
    question.refresh_from_db()
    assert question.due_date == before


def test_a_declared_day_on_the_day_of_receipt_moves_the_receipt():
    question = _receive(SpaceFactory(), when="2024-02-05")
    entity = question.space.strategy.entity
    core_services.non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 2, 5), reason="Cierre por emergencia"
    )
    question.refresh_from_db()
    assert question.due_date == business_days_after(dt.date(2024, 2, 6), 15, COLOMBIA)


def test_the_kind_cannot_change_after_an_extension():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))
    services.question_extend(
        actor=None,
        question=question,
        new_date=business_days_after(dt.date(2024, 2, 5), 20, COLOMBIA),
        reason="Se necesita información de otra entidad.",
        today=dt.date(2024, 2, 6),
    )
    with pytest.raises(ValidationError):
        services.question_kind_set(actor=None, question=question, kind="consultation")
