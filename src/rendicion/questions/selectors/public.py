"""What is public of topics and questions, and the reads of the public pages."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from rendicion.core.models import Entity
from rendicion.spaces.models import Space, SpaceStatus

from ..models import ProposedTopic, Question, QuestionState, TopicState

# A citizen's text (topic, question) may hold a name, a document or a phone number: it leaves
# the staff side only once staff have reviewed it. These two functions are the rule; every
# public reader (pages, reports, open data, API) goes through them.

PUBLIC_TOPIC = (
    Q(state=TopicState.INCLUDED)
    | (Q(state=TopicState.NOT_INCLUDED) & ~Q(state_note=""))
    | Q(state=TopicState.IN_STUDY, text_reviewed=True)
)


def topics_public(topics: QuerySet[ProposedTopic]) -> QuerySet[ProposedTopic]:
    """Topics whose text staff reviewed: included, not included with its public reason, or in
    study with the text confirmed."""
    return topics.filter(PUBLIC_TOPIC)


def questions_public(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Questions whose text and answer planning reviewed and published."""
    return questions.filter(state=QuestionState.PUBLISHED)


def question_form_is_open(space: Space, now: dt.datetime | None = None) -> bool:
    """Questions are received before and during the space, not after it ends."""
    now = now or timezone.now()
    return space.status != SpaceStatus.CANCELLED and now < space.ends_at


@dataclass
class PublicTopic:
    text: str
    state: str
    state_label: str
    office: str | None
    included_in: str | None
    included_in_slug: str | None
    proposed_for: str | None
    state_note: str
    times_proposed: int


def topic_list_public(*, entity: Entity, year: int) -> tuple[list[PublicTopic], int]:
    """Reviewed topics of a year (proposed during it or for one of its spaces), and how many
    wait for review. Unreviewed texts are not shown: they may hold personal data."""
    topics = (
        ProposedTopic.objects.filter(entity=entity)
        .filter(Q(proposed_on__year=year) | Q(proposed_for__strategy__year=year))
        .exclude(state=TopicState.MERGED)
    )
    waiting = topics.exclude(PUBLIC_TOPIC).count()
    rows = (
        topics_public(topics)
        .annotate(duplicates_count=Count("duplicates"))
        .order_by("proposed_on", "pk")
        .values_list(
            "text",
            "state",
            "office__name",
            "included_in__title",
            "included_in__slug",
            "proposed_for__title",
            "state_note",
            "duplicates_count",
        )
    )
    return (
        [
            PublicTopic(
                text,
                state,
                str(TopicState(state).label),
                office,
                included,
                slug,
                proposed_for,
                note,
                1 + duplicates,
            )
            for text, state, office, included, slug, proposed_for, note, duplicates in rows
        ],
        waiting,
    )


def space_outcomes_answers(space: Space) -> list:
    """The space page's count of published answers, with the link to read them (one query)."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from rendicion.core.formats import number_es
    from rendicion.spaces.outcomes import Outcome

    published = questions_public(Question.objects.filter(space=space)).count()
    return [
        Outcome(
            40,
            gettext("Preguntas respondidas y publicadas"),
            number_es(published),
            reverse("questions:space_public", args=[space.slug]),
            gettext("Lea las preguntas y sus respuestas"),
        )
    ]
