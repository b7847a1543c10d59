"""Citizens propose topics; staff assign them, include them in a space or say why not, and merge
duplicates."""

import datetime as dt
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from rendicion.core.tests.factories import OfficeFactory
from rendicion.questions import services
from rendicion.questions.models import ProposedTopic, TopicState
from rendicion.spaces.tests.factories import SpaceFactory

from .factories import ProposedTopicFactory

pytestmark = pytest.mark.django_db


def test_a_citizen_proposes_a_topic_once_per_submission():
    space = SpaceFactory()
    key = uuid.uuid4()
    first = services.topic_propose(
        entity=space.strategy.entity,
        text="  Servicio   a la ciudadanía ",
        channel="public_form",
        submission_key=key,
        proposed_for=space,
    )
    again = services.topic_propose(
        entity=space.strategy.entity, text="Otro texto", channel="public_form", submission_key=key
    )
    assert first == again and ProposedTopic.objects.count() == 1
    assert first.text == "Servicio a la ciudadanía" and first.state == TopicState.RECEIVED


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Escriba el tema que propone"), ("x" * 301, "máximo 300 caracteres")],
)
def test_an_empty_or_too_long_topic_is_refused(text, message):
    space = SpaceFactory()
    with pytest.raises(ValidationError) as error:
        services.topic_propose(entity=space.strategy.entity, text=text, channel="public_form")
    assert message in error.value.message_dict["text"][0]


def test_staff_include_a_topic_in_a_space():
    topic = ProposedTopicFactory()
    office = OfficeFactory(entity=topic.entity)
    services.topic_review(
        actor=None,
        topic=topic,
        review=services.TopicReview(
            text=topic.text,
            state="included",
            office=office,
            included_in=topic.proposed_for,
            proposed_for=topic.proposed_for,
        ),
    )
    topic.refresh_from_db()
    assert (topic.state, topic.included_in, topic.office) == (
        "included",
        topic.proposed_for,
        office,
    )


def test_a_topic_not_included_needs_a_public_explanation():
    topic = ProposedTopicFactory()
    with pytest.raises(ValidationError) as error:
        services.topic_review(
            actor=None,
            topic=topic,
            review=services.TopicReview(text=topic.text, state="not_included"),
        )
    assert "state_note" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.topic_review(
            actor=None, topic=topic, review=services.TopicReview(text=topic.text, state="included")
        )
    assert "included_in" in error.value.message_dict


def test_merging_duplicates_points_them_all_to_the_main_topic():
    main = ProposedTopicFactory(text="Servicio a la ciudadanía")
    dup = ProposedTopicFactory(text="servicio ciudadano", proposed_for=main.proposed_for)
    dup_of_dup = ProposedTopicFactory(text="atención al ciudadano", proposed_for=main.proposed_for)
    services.topic_merge(actor=None, topic=dup_of_dup, into=dup)
    services.topic_merge(actor=None, topic=dup, into=main)
    dup_of_dup.refresh_from_db()
    assert dup_of_dup.merged_into == main and dup_of_dup.state == TopicState.MERGED
    with pytest.raises(ValidationError):
        services.topic_merge(actor=None, topic=main, into=dup)  # dup resolves to main itself
    with pytest.raises(ValidationError):
        services.topic_review(
            actor=None, topic=dup, review=services.TopicReview(text="x" * 10, state="in_study")
        )


def test_the_database_keeps_included_topics_tied_to_a_space():
    topic = ProposedTopicFactory()
    topic.state = TopicState.INCLUDED
    with pytest.raises(IntegrityError):
        topic.save()


def test_staff_capture_a_topic_from_the_chat_with_its_date():
    space = SpaceFactory()
    topic = services.topic_propose(
        actor=None,
        entity=space.strategy.entity,
        text="Gobierno abierto",
        channel="chat",
        proposed_on=dt.date(2023, 4, 20),
        proposed_in=space,
    )
    assert topic.proposed_on == dt.date(2023, 4, 20) and topic.proposed_in == space
