"""E-mail notices: on assignment, N business days before the deadline and the answer to the
asker. Running `send_reminders` again sends nothing twice."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import UserFactory
from rendicion.questions import services
from rendicion.questions.models import QuestionNotice

from .factories import AssignedQuestionFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _run(today: str, days: int = 3) -> dict:
    out = StringIO()
    call_command("send_reminders", "--today", today, "--days", str(days), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_office_is_told_once_when_a_question_is_assigned():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))
    UserFactory(role="office_staff", offices=[question.office], email="oficina@example.invalid")
    first = _run("2024-02-06")
    assert first == {"answered": 0, "assigned": 1, "failed": 0, "reminders": 0}
    assert mail.outbox[0].to == ["oficina@example.invalid"]
    assert f"Pregunta {question.pk}" in mail.outbox[0].subject
    assert question.text in mail.outbox[0].body
    assert _run("2024-02-06")["assigned"] == 0
    assert len(mail.outbox) == 1


def test_a_reminder_goes_n_business_days_before_the_deadline_once():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))  # due 26 February
    UserFactory(role="office_staff", offices=[question.office], email="oficina@example.invalid")
    assert question.deadline == dt.date(2024, 2, 26)
    assert _run("2024-02-19")["reminders"] == 0  # five business days before: too early
    assert _run("2024-02-21")["reminders"] == 1  # three business days before
    assert _run("2024-02-22")["reminders"] == 0
    reminder = mail.outbox[-1]
    assert "vence el 2024-02-26" in reminder.subject
    assert "faltan 3 días hábiles" in reminder.body


def test_an_answered_question_gets_no_reminder_and_the_asker_gets_the_answer():
    question = AssignedQuestionFactory(received_on=dt.date(2024, 2, 5))
    question.asker_email = "ana@example.invalid"
    question.consent_text = consent_text_ensure(entity=question.space.strategy.entity)
    question.consent_at = question.received_at
    question.save()
    services.answer_submit(actor=None, question=question, text="La respuesta clara.")
    services.answer_approve(actor=None, question=question)
    result = _run("2024-02-21")
    assert (result["reminders"], result["answered"]) == (0, 1)
    to_asker = [m for m in mail.outbox if m.to == ["ana@example.invalid"]]
    assert len(to_asker) == 1 and "La respuesta clara." in to_asker[0].body
    assert _run("2024-02-22")["answered"] == 0


def test_without_office_staff_with_e_mail_planning_is_told():
    AssignedQuestionFactory()
    UserFactory(role="planning", email="planeacion@example.invalid")
    _run("2023-04-21")
    assert mail.outbox[0].to == ["planeacion@example.invalid"]


def test_a_question_nobody_can_receive_is_tried_again_later():
    AssignedQuestionFactory()
    assert _run("2023-04-21")["assigned"] == 0
    assert not QuestionNotice.objects.exists()


def test_a_failed_send_is_not_recorded_and_the_command_says_so(monkeypatch):
    question = AssignedQuestionFactory()
    UserFactory(role="office_staff", offices=[question.office], email="oficina@example.invalid")

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("servidor de correo caído")

    monkeypatch.setattr("rendicion.questions.services.notices.send_mail", broken)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="se intentarán de nuevo"):
        _run("2023-04-21")
    assert not QuestionNotice.objects.exists()


def test_unassigned_questions_send_nothing():
    QuestionFactory()
    assert _run("2023-04-21") == {"answered": 0, "assigned": 0, "failed": 0, "reminders": 0}
