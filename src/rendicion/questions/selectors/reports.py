"""Contracts used by reports: counts and published texts per space and per year."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from rendicion.spaces.models import Space
from rendicion.strategy.models import Strategy

from ..models import (
    ANSWERED_STATES,
    OPEN_STATES,
    AnswerReport,
    ProposedTopic,
    Question,
    QuestionState,
    TopicState,
)
from .public import PUBLIC_TOPIC, questions_public, topics_public


@dataclass
class TopicCounts:
    proposed: int
    included: int
    topics: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class TopicSummary:
    text: str
    state: str
    state_label: str
    office: str | None
    included_in: str | None


@dataclass
class PublishedAnswer:
    space_slug: str
    space_title: str
    question: str
    answer: str
    office: str
    published_on: dt.date


def _space_pks(spaces: QuerySet[Space] | Iterable[Space]) -> list[int]:
    if isinstance(spaces, QuerySet):
        return list(spaces.order_by().values_list("pk", flat=True))
    return [space.pk for space in spaces]


def _space_filter(spaces: QuerySet[Space] | Iterable[Space]):
    """The spaces as a subquery when they are a queryset (no extra query), else their keys."""
    if isinstance(spaces, QuerySet):
        return spaces.order_by().values("pk")
    return [space.pk for space in spaces]


def topics_by_space(*, spaces: QuerySet[Space] | Iterable[Space]) -> dict[int, TopicCounts]:
    """Topics proposed FOR each space, and whether each was included in it (duplicates merged
    into another topic are not counted). Every space is present, with zeros when it has none.
    The counts cover every topic; `topics` lists only the texts that are public."""
    pks = _space_pks(spaces)
    result = {pk: TopicCounts(0, 0, []) for pk in pks}
    rows = (
        ProposedTopic.objects.filter(proposed_for__in=pks)
        .exclude(state=TopicState.MERGED)
        .annotate(is_public=ExpressionWrapper(PUBLIC_TOPIC, output_field=BooleanField()))
        .order_by("proposed_on", "pk")
        .values_list("proposed_for_id", "text", "included_in_id", "is_public")
    )
    for space_pk, text, included_in, is_public in rows:
        counts = result[space_pk]
        included = included_in == space_pk
        counts.proposed += 1
        counts.included += included
        if is_public:
            counts.topics.append((text, included))
    return result


def _topics_of_year(strategy: Strategy) -> QuerySet[ProposedTopic]:
    return ProposedTopic.objects.filter(
        entity_id=strategy.entity_id, proposed_on__year=strategy.year
    ).exclude(state=TopicState.MERGED)


def proposed_topic_count_for_year(*, strategy: Strategy) -> int:
    """How many topics were proposed during the year (merged duplicates excluded), reviewed
    or not: a count holds no personal data."""
    return _topics_of_year(strategy).count()


def proposed_topics_for_year(*, strategy: Strategy) -> list[TopicSummary]:
    """The public topics proposed during the strategy's year (merged duplicates excluded)."""
    rows = (
        topics_public(_topics_of_year(strategy))
        .order_by("proposed_on", "pk")
        .values_list("text", "state", "office__name", "included_in__title")
    )
    return [
        TopicSummary(text, state, str(TopicState(state).label), office, included_in)
        for text, state, office, included_in in rows
    ]


def published_answers(*, spaces: QuerySet[Space] | Iterable[Space]) -> list[PublishedAnswer]:
    """The published answers of these spaces, without the askers' personal data."""
    rows = (
        questions_public(Question.objects.filter(space__in=_space_filter(spaces)))
        .order_by("space__starts_at", "space__pk", "received_at", "pk")
        .values_list(
            "space__slug",
            "space__title",
            "text",
            "answer__text",
            "answer__office__name",
            "answer__published_at",
        )
    )
    return [
        PublishedAnswer(slug, title, question, answer, office, timezone.localdate(published))
        for slug, title, question, answer, office, published in rows
    ]


def question_counts(
    *, spaces: QuerySet[Space] | Iterable[Space], today: dt.date | None = None
) -> dict[str, int]:
    """received, answered (approved by planning; published included), published, overdue."""
    today = today or timezone.localdate()
    counts = Question.objects.filter(space__in=_space_filter(spaces)).aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(state__in=ANSWERED_STATES)),
        published=Count("pk", filter=Q(state=QuestionState.PUBLISHED)),
        overdue=Count("pk", filter=Q(state__in=OPEN_STATES, deadline__lt=today)),
    )
    return {key: counts[key] or 0 for key in ("received", "answered", "published", "overdue")}


def answer_report_count_published(*, strategy: Strategy) -> int:
    """The informes de respuestas published for the strategy's spaces (cronograma progress)."""
    return AnswerReport.objects.filter(space__strategy=strategy).count()


def published_answer_rows(*, spaces: QuerySet[Space]) -> QuerySet:
    """The published questions and answers of these spaces as value tuples, without the askers'
    data, for streaming: (space slug, space title, received on, question, answer, office,
    published at). Iterate it with `.iterator()`."""
    return (
        questions_public(Question.objects.filter(space__in=_space_filter(spaces)))
        .order_by("space__starts_at", "space__pk", "received_at", "pk")
        .values_list(
            "space__slug",
            "space__title",
            "received_at",
            "text",
            "answer__text",
            "answer__office__name",
            "answer__published_at",
        )
    )
