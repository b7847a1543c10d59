"""The office drafts, planning reviews for plain language, then the answer is published."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from rendicion.core.models import AuditRecord
from rendicion.core.tests.factories import UserFactory
from rendicion.questions import services
from rendicion.questions.models import Answer, AnswerReport, QuestionState

from .factories import AssignedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db

ANSWER = "Puede pedir su cita en la página de la Red CADE o por la Línea 195."


def _in_review(question=None):
    question = question or AssignedQuestionFactory()
    services.answer_submit(actor=None, question=question, text=ANSWER)
    return question


def test_the_office_saves_a_draft_then_sends_it_to_review():
    question = AssignedQuestionFactory()
    writer = UserFactory(role="office_staff", offices=[question.office])
    answer = services.answer_save_draft(actor=writer, question=question, text="Primer borrador.")
    assert question.state == QuestionState.ASSIGNED and answer.written_by == writer
    services.answer_submit(actor=writer, question=question, text=ANSWER)
    question.refresh_from_db()
    assert question.state == QuestionState.IN_REVIEW
    assert question.answer.text == ANSWER and question.answer.submitted_at is not None


def test_an_empty_or_too_long_answer_is_refused_at_the_field():
    question = AssignedQuestionFactory()
    with pytest.raises(ValidationError) as error:
        services.answer_save_draft(actor=None, question=question, text="   ")
    assert error.value.message_dict == {"text": ["Escriba la respuesta."]}
    with pytest.raises(ValidationError) as error:
        services.answer_save_draft(actor=None, question=question, text="x" * 10001)
    assert "10.000" in error.value.message_dict["text"][0]


def test_an_answer_cannot_be_written_before_the_question_is_assigned():
    with pytest.raises(ValidationError):
        services.answer_save_draft(actor=None, question=QuestionFactory(), text=ANSWER)


def test_planning_asks_for_changes_and_the_office_sends_it_again():
    question = _in_review()
    with pytest.raises(ValidationError) as error:
        services.answer_request_changes(actor=None, question=question, note="")
    assert "review_note" in error.value.message_dict
    services.answer_request_changes(
        actor=None, question=question, note="Use frases más cortas y diga la fecha exacta."
    )
    question.refresh_from_db()
    assert question.state == QuestionState.CHANGES_REQUESTED
    services.answer_submit(actor=None, question=question, text=ANSWER + " Desde el 1 de julio.")
    question.refresh_from_db()
    assert question.state == QuestionState.IN_REVIEW


def test_an_answer_cannot_be_published_without_review():
    question = AssignedQuestionFactory()
    services.answer_save_draft(actor=None, question=question, text=ANSWER)
    with pytest.raises(ValidationError):
        services.answer_publish(actor=None, question=question)
    _in_review(question)
    with pytest.raises(ValidationError):
        services.answer_publish(actor=None, question=question)
    # Nor behind the services' back: the database refuses it too.
    answer = Answer.objects.get(question=question)
    answer.published_at = timezone.now()
    with pytest.raises(IntegrityError):
        answer.save()


def test_planning_approves_and_publishes_the_answer():
    question = _in_review()
    reviewer = UserFactory()
    services.answer_approve(actor=reviewer, question=question, text=ANSWER, publish=True)
    question.refresh_from_db()
    assert question.state == QuestionState.PUBLISHED and question.answered_at is not None
    assert question.answer.reviewed_by == reviewer and question.answer.published_at is not None
    assert {"answer_approve", "answer_publish"} <= set(
        AuditRecord.objects.values_list("action", flat=True)
    )


def test_the_answer_report_needs_every_question_answered_and_publishes_them():
    first = _in_review()
    second = AssignedQuestionFactory(space=first.space)
    with pytest.raises(ValidationError) as error:
        services.answer_report_publish(actor=None, space=first.space)
    assert "Faltan 2 preguntas" in error.value.messages[0]
    services.answer_approve(actor=None, question=first)
    _in_review(second)
    services.answer_approve(actor=None, question=second)
    at = timezone.make_aware(dt.datetime(2023, 5, 10, 9))
    report = services.answer_report_publish(actor=None, space=first.space, at=at)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.state == second.state == QuestionState.PUBLISHED
    assert report.published_at == at
    with pytest.raises(ValidationError):
        services.answer_report_publish(actor=None, space=first.space)
    assert AnswerReport.objects.count() == 1


def test_a_space_without_questions_has_no_answer_report():
    question = QuestionFactory()
    question.delete()
    with pytest.raises(ValidationError):
        services.answer_report_publish(actor=None, space=question.space)
