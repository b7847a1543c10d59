"""The whole life of a citizen's question, and of a topic, told as the people involved live it."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rendicion.core import services as core_services
from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import OfficeFactory, UserFactory
from rendicion.questions import selectors, services
from rendicion.spaces.models import Space
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.models import ProgressSource
from rendicion.strategy.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_a_question_asked_in_the_hearing_is_answered_on_time_and_reported():
    hearing = SpaceFactory(kind="hearing", title="Audiencia pública")
    entity = hearing.strategy.entity
    talent = OfficeFactory(entity=entity, name="Dirección de Talento Humano")
    tic = OfficeFactory(entity=entity, name="Alta Consejería TIC")
    UserFactory(role="office_staff", offices=[talent], email="talento@example.invalid")
    UserFactory(role="office_staff", offices=[tic], email="tic@example.invalid")
    planner = UserFactory(role="planning")
    activity = ActivityFactory(
        strategy=hearing.strategy,
        progress_source=ProgressSource.ANSWER_REPORTS_PUBLISHED,
        target_quantity=1,
    )

    # Ana asks through the form on a Friday before Christmas, leaving her e-mail.
    received = timezone.make_aware(dt.datetime(2023, 12, 22, 11, 0))
    question = services.question_receive(
        space=hearing,
        data=services.QuestionData(
            text="¿Cuándo abren las convocatorias?", asker_email="ana@example.invalid"
        ),
        consent_text=consent_text_ensure(entity=entity),
        received_at=received,
    ).question
    assert question.deadline == dt.date(2024, 1, 17)

    # Planning sends it to TIC by mistake; TIC returns it; it goes to Talento Humano.
    services.question_route(actor=planner, question=question, office=tic)
    services.question_return(
        actor=None, question=question, reason="Las convocatorias son de Talento Humano."
    )
    services.question_route(actor=planner, question=question, office=talent)
    call_command("send_reminders", "--today", "2024-01-02", "--days", "3")
    assert [m.to for m in mail.outbox] == [["talento@example.invalid"]]

    # The entity closes a day for inventory: the deadline moves with it.
    core_services.non_working_day_add(
        actor=None, entity=entity, date=dt.date(2024, 1, 5), reason="Cierre por inventario"
    )
    question.refresh_from_db()
    assert question.deadline == dt.date(2024, 1, 18)
    call_command("send_reminders", "--today", "2024-01-15", "--days", "3")
    assert "vence el 2024-01-18" in mail.outbox[-1].subject

    # The office writes, planning asks for plainer words, then approves and publishes.
    services.answer_submit(
        actor=None, question=question, text="En aras de informar, las convocatorias abren."
    )
    services.answer_request_changes(
        actor=planner, question=question, note="Quite «en aras de» y diga la fecha."
    )
    services.answer_submit(
        actor=None, question=question, text="Las convocatorias abren el 1 de marzo."
    )
    services.answer_approve(actor=planner, question=question)
    services.answer_report_publish(actor=planner, space=hearing)
    call_command("send_reminders", "--today", "2024-01-16")
    assert mail.outbox[-1].to == ["ana@example.invalid"]
    assert "Las convocatorias abren el 1 de marzo." in mail.outbox[-1].body

    spaces = Space.objects.filter(pk=hearing.pk)
    assert selectors.question_counts(spaces=spaces, today=dt.date(2024, 2, 1)) == {
        "received": 1,
        "answered": 1,
        "published": 1,
        "overdue": 0,
    }
    [answer] = selectors.published_answers(spaces=spaces)
    assert (answer.office, answer.answer) == (
        "Dirección de Talento Humano",
        "Las convocatorias abren el 1 de marzo.",
    )
    from rendicion.strategy.selectors import strategy_detail

    row = strategy_detail(strategy=activity.strategy).activities[0]
    assert (row.progress.achieved, row.progress.status) == (1, "done")


def test_a_topic_proposed_in_a_dialogue_is_included_in_the_hearing():
    dialogue = SpaceFactory()
    hearing = SpaceFactory(strategy=dialogue.strategy, kind="hearing")
    entity = dialogue.strategy.entity
    topic = services.topic_propose(
        entity=entity, text="Gobierno abierto", channel="evaluation_form", proposed_in=dialogue
    )
    duplicate = services.topic_propose(
        entity=entity, text="gobierno abierto!", channel="chat", proposed_in=dialogue
    )
    services.topic_merge(actor=None, topic=duplicate, into=topic)
    services.topic_review(
        actor=None,
        topic=topic,
        review=services.TopicReview(
            text=topic.text,
            state="included",
            office=OfficeFactory(entity=entity),
            included_in=hearing,
            proposed_for=hearing,
        ),
    )
    counts = selectors.topics_by_space(spaces=[hearing, dialogue])
    assert (counts[hearing.pk].proposed, counts[hearing.pk].included) == (1, 1)
    assert counts[dialogue.pk].proposed == 0
