"""The demo's 2023 citizen input: the figures the annual report publishes."""

import pytest

from rendicion.questions import selectors
from rendicion.spaces.models import Space

pytestmark = pytest.mark.django_db


def test_the_seed_topics_published_answers_and_commitments(demo):
    from rendicion.commitments.selectors import commitments_for_strategy

    hearing = Space.objects.get(slug="audiencia-publica-2023")
    spaces = Space.objects.filter(strategy=demo.strategy)
    counts = selectors.topics_by_space(spaces=spaces)[hearing.pk]
    assert (counts.proposed, counts.included) == (15, 15)
    assert len(selectors.proposed_topics_for_year(strategy=demo.strategy)) == 20
    answers = selectors.published_answers(spaces=spaces)
    assert len(answers) == 7 and all("example.invalid" not in a.answer for a in answers)
    assert selectors.question_counts(spaces=spaces)["published"] == 7
    assert selectors.answer_report_count_published(strategy=demo.strategy) == 5
    assert [c.state for c in commitments_for_strategy(strategy=demo.strategy)] == [
        "done",
        "done",
        "overdue",
    ]


def test_loading_the_demo_again_changes_nothing(demo):
    from rendicion.demo.services import demo_load
    from rendicion.questions.models import ProposedTopic, Question

    before = (ProposedTopic.objects.count(), Question.objects.count())
    demo_load()
    assert (ProposedTopic.objects.count(), Question.objects.count()) == before == (35, 7)
