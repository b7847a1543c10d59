"""What reports read: counts and published answers, without personal data, in a fixed number
of queries whatever the amount of data."""

import dataclasses
import datetime as dt

import pytest
from django.utils import timezone

from rendicion.core.services import consent_text_ensure
from rendicion.core.tests.factories import OfficeFactory
from rendicion.questions import selectors, services
from rendicion.questions.models import TopicState
from rendicion.spaces.models import Space
from rendicion.spaces.tests.factories import SpaceFactory
from rendicion.strategy.tests.factories import StrategyFactory

from .factories import AssignedQuestionFactory, ProposedTopicFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def _publish(question, text="Respuesta publicada."):
    services.answer_submit(actor=None, question=question, text=text)
    services.answer_approve(actor=None, question=question, publish=True)


def test_topics_by_space_counts_proposed_and_included_without_duplicates(
    django_assert_num_queries,
):
    strategy = StrategyFactory()
    hearing, dialogue, empty = SpaceFactory.create_batch(3, strategy=strategy)
    included = ProposedTopicFactory(proposed_for=hearing, text="Gobierno abierto")
    included.state, included.included_in = TopicState.INCLUDED, hearing
    included.save()
    elsewhere = ProposedTopicFactory(proposed_for=hearing, text="Empleo")
    elsewhere.state, elsewhere.included_in = TopicState.INCLUDED, dialogue
    elsewhere.save()
    dup = ProposedTopicFactory(proposed_for=hearing, text="gobierno abierto")
    services.topic_merge(actor=None, topic=dup, into=included)
    ProposedTopicFactory(proposed_for=dialogue)
    with django_assert_num_queries(2):
        result = selectors.topics_by_space(spaces=Space.objects.filter(strategy=strategy))
    assert result[hearing.pk] == selectors.TopicCounts(
        2, 1, [("Gobierno abierto", True), ("Empleo", False)]
    )
    assert (result[dialogue.pk].proposed, result[dialogue.pk].included) == (1, 0)
    assert result[empty.pk] == selectors.TopicCounts(0, 0, [])


def test_proposed_topics_for_year_lists_the_years_topics_without_merged_ones(
    django_assert_num_queries,
):
    strategy = StrategyFactory(year=2023)
    space = SpaceFactory(strategy=strategy)
    office = OfficeFactory(entity=strategy.entity)
    # Reviewed by staff (in study, text confirmed): only reviewed texts are listed.
    first = ProposedTopicFactory(
        proposed_for=space,
        proposed_on=dt.date(2023, 4, 20),
        office=office,
        state="in_study",
        text_reviewed=True,
    )
    ProposedTopicFactory(proposed_for=space, proposed_on=dt.date(2022, 11, 1))  # another year
    dup = ProposedTopicFactory(proposed_for=space, proposed_on=dt.date(2023, 5, 1))
    services.topic_merge(actor=None, topic=dup, into=first)
    waiting = ProposedTopicFactory(proposed_for=space, proposed_on=dt.date(2023, 6, 1))
    with django_assert_num_queries(1):
        topics = selectors.proposed_topics_for_year(strategy=strategy)
    assert topics == [
        selectors.TopicSummary(first.text, "in_study", "En estudio", office.name, None)
    ]
    # The topic waiting for review is counted, never listed.
    assert selectors.proposed_topic_count_for_year(strategy=strategy) == 2
    assert waiting.text not in {topic.text for topic in topics}


def test_published_answers_carry_no_personal_data(django_assert_num_queries):
    question = AssignedQuestionFactory()
    question.asker_name, question.asker_email = "Ana Prueba", "ana@example.invalid"
    question.consent_text = consent_text_ensure(entity=question.space.strategy.entity)
    question.consent_at = timezone.now()
    question.save()
    _publish(question, "En la Red CADE.")
    AssignedQuestionFactory(space=question.space)  # not answered: not listed
    with django_assert_num_queries(1):
        answers = selectors.published_answers(spaces=Space.objects.all())
    assert len(answers) == 1
    values = dataclasses.asdict(answers[0])
    assert values["answer"] == "En la Red CADE." and values["office"] == question.office.name
    assert "ana@example.invalid" not in str(values) and "Ana Prueba" not in str(values)


def test_question_counts(django_assert_num_queries):
    space = SpaceFactory()
    QuestionFactory(space=space, received_on=dt.date(2023, 4, 20))  # due 2023-05-12, open
    published = AssignedQuestionFactory(space=space)
    _publish(published)
    answered = AssignedQuestionFactory(space=space)
    services.answer_submit(actor=None, question=answered, text="Respondida.")
    services.answer_approve(actor=None, question=answered)
    with django_assert_num_queries(1):
        counts = selectors.question_counts(
            spaces=Space.objects.filter(pk=space.pk), today=dt.date(2023, 6, 1)
        )
    assert counts == {"received": 3, "answered": 2, "published": 1, "overdue": 1}
    assert selectors.question_counts(spaces=[space], today=dt.date(2023, 4, 21))["overdue"] == 0


def test_query_counts_do_not_grow_with_the_data(django_assert_num_queries):
    space = SpaceFactory()
    for _ in range(3):
        _publish(AssignedQuestionFactory(space=space))
        ProposedTopicFactory(proposed_for=space)
    spaces = Space.objects.all()
    with django_assert_num_queries(5):
        selectors.topics_by_space(spaces=spaces)
        selectors.published_answers(spaces=spaces)
        selectors.question_counts(spaces=spaces)
        selectors.proposed_topics_for_year(strategy=space.strategy)


def test_the_answer_reports_count_for_the_cronograma():
    from rendicion.strategy.progress import progress_counts

    question = AssignedQuestionFactory()
    _publish(question)
    strategy = question.space.strategy
    assert progress_counts(strategy, {"answer_reports_published"}) == {
        "answer_reports_published": 0
    }
    services.answer_report_publish(actor=None, space=question.space)
    assert progress_counts(strategy, {"answer_reports_published"}) == {
        "answer_reports_published": 1
    }
