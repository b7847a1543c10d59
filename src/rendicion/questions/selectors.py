"""Reads of topics, questions and answers shared by pages, reports and commands.

No personal data leaves through the dataclasses that reports use; every function makes a fixed
number of queries whatever the amount of data.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from rendicion.core.dates import week_bounds
from rendicion.core.models import Entity, Office, Role, User
from rendicion.core.permissions import user_office_ids
from rendicion.core.text import ERASED_TEXT, document_pattern, text_mentions
from rendicion.spaces.models import Space, SpaceStatus
from rendicion.strategy.models import Strategy

from .models import (
    ANSWERED_STATES,
    OPEN_STATES,
    AnswerReport,
    ProposedTopic,
    Question,
    QuestionState,
    TopicState,
)

# Contracts used by reports -------------------------------------------------------------------


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


# What is public --------------------------------------------------------------------------------
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


# Public pages --------------------------------------------------------------------------------


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


# Staff side ----------------------------------------------------------------------------------


def topic_list_staff(*, entity: Entity, year: int) -> QuerySet[ProposedTopic]:
    return (
        ProposedTopic.objects.filter(entity=entity)
        .filter(Q(proposed_on__year=year) | Q(proposed_for__strategy__year=year))
        .select_related("office", "included_in", "proposed_for", "proposed_in", "merged_into")
        .annotate(duplicates_count=Count("duplicates"))
        .order_by("proposed_on", "pk")
    )


def topic_filter_for_user(topics: QuerySet[ProposedTopic], *, user: User):
    """Office staff keep the topics assigned to their offices (README: each office sees its own)."""
    if user.role == Role.OFFICE_STAFF:
        topics = topics.filter(office__in=user_office_ids(user))
    return topics


def question_queryset() -> QuerySet[Question]:
    return Question.objects.select_related("space", "space__strategy", "office")


def questions_for_user(*, user: User, entity: Entity | None) -> QuerySet[Question]:
    """Office staff see the questions assigned to their offices; other staff roles see all."""
    # A subquery rather than a join: the queue's counts then read only the indexes.
    spaces = Space.objects.filter(strategy__entity=entity).values("pk")
    questions = question_queryset().filter(space__in=spaces)
    if user.role == Role.OFFICE_STAFF:
        questions = questions.filter(office__in=user.offices.all())
    return questions


QUEUE_VIEWS = ("overdue", "week", "open", "all")


def question_queue_filter(
    questions: QuerySet[Question], *, view: str, today: dt.date
) -> QuerySet[Question]:
    """One of the staff queue's views: overdue, due this week, open, or everything."""
    if view == "overdue":
        return question_list_overdue(questions, today=today)
    if view == "week":
        _monday, sunday = week_bounds(today)
        return questions.filter(
            state__in=OPEN_STATES, deadline__gte=today, deadline__lte=sunday
        ).order_by("deadline", "pk")
    if view == "open":
        return questions.filter(state__in=OPEN_STATES).order_by("deadline", "pk")
    return questions.order_by("-pk")  # the latest registered first


def question_page(
    questions: QuerySet[Question], *, number: str | int | None, per_page: int
) -> tuple[Page, list[Question]]:
    """One page of a queue: the keys are paged first (from an index, whatever the database's
    statistics), then only that page's rows are read. Two queries plus the count."""
    page = Paginator(questions.values_list("pk", flat=True), per_page).get_page(number)
    keys = list(page.object_list)
    found = question_queryset().in_bulk(keys)
    return page, [found[key] for key in keys]


def question_list_overdue(questions: QuerySet[Question], *, today: dt.date) -> QuerySet[Question]:
    """Not yet answered and past their deadline, the oldest deadline first."""
    return questions.filter(state__in=OPEN_STATES, deadline__lt=today).order_by("deadline", "pk")


@dataclass
class QueueCounts:
    by_state: dict[str, int]
    open: int
    overdue: int
    due_this_week: int
    total: int


def question_queue_counts(*, questions: QuerySet[Question], today: dt.date) -> QueueCounts:
    """The dashboard's figures in one aggregate query."""
    _monday, sunday = week_bounds(today)
    aggregates = {
        f"state_{state}": Count("pk", filter=Q(state=state)) for state in QuestionState.values
    }
    counts = questions.order_by().aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(state__in=OPEN_STATES, deadline__lt=today)),
        week=Count(
            "pk", filter=Q(state__in=OPEN_STATES, deadline__gte=today, deadline__lte=sunday)
        ),
        **aggregates,
    )
    by_state = {state: counts[f"state_{state}"] or 0 for state in QuestionState.values}
    return QueueCounts(
        by_state=by_state,
        open=sum(by_state[state] for state in OPEN_STATES),
        overdue=counts["overdue"] or 0,
        due_this_week=counts["week"] or 0,
        total=counts["total"] or 0,
    )


@dataclass
class OfficeLoad:
    office: str
    office_pk: int
    open: int
    overdue: int
    due_this_week: int


def question_load_by_office(*, questions: QuerySet[Question], today: dt.date) -> list[OfficeLoad]:
    """Open, overdue and due-this-week questions per office, in one grouped query."""
    _monday, sunday = week_bounds(today)
    rows = (
        questions.filter(state__in=OPEN_STATES, office__isnull=False)
        .order_by()
        .values("office", "office__name")
        .annotate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(deadline__lt=today)),
            week=Count("pk", filter=Q(deadline__gte=today, deadline__lte=sunday)),
        )
        .order_by("office__name")
    )
    return [
        OfficeLoad(r["office__name"], r["office"], r["open"], r["overdue"], r["week"]) for r in rows
    ]


def office_choices(*, user: User, entity: Entity | None) -> QuerySet[Office]:
    offices = Office.objects.filter(entity=entity, is_active=True).order_by("name")
    if user.role == Role.OFFICE_STAFF:
        offices = offices.filter(pk__in=user.offices.all())
    return offices


# Personal data of one person (Ley 1581 de 2012) -----------------------------------------------


def question_personal_data_find(*, document: str = "", email: str = "") -> list[Question]:
    """Questions asked by this person (their e-mail, any case) or whose text or asker's name
    holds their document number or e-mail."""
    condition = Q()
    if document:
        condition |= Q(text__regex=document_pattern(document)) | Q(
            asker_name__regex=document_pattern(document)
        )
    if email:
        condition |= (
            Q(asker_email__iexact=email) | Q(text__icontains=email) | Q(asker_name__icontains=email)
        )
    if not condition:
        return []
    candidates = (
        Question.objects.filter(condition)
        .select_related("space")
        .order_by("space__starts_at", "space_id", "received_at", "pk")
    )
    return [
        question
        for question in candidates
        if (email and question.asker_email.casefold() == email.casefold())
        or text_mentions(question.text, document=document, email=email)
        or text_mentions(question.asker_name, document=document, email=email)
    ]


def topic_personal_data_find(*, document: str = "", email: str = "") -> list[ProposedTopic]:
    """Proposed topics whose text holds this document number or e-mail (topics carry no
    submitter data of their own)."""
    condition = Q()
    if document:
        condition |= Q(text__regex=document_pattern(document))
    if email:
        condition |= Q(text__icontains=email)
    if not condition:
        return []
    candidates = (
        ProposedTopic.objects.filter(condition)
        .select_related("proposed_in", "proposed_for")
        .order_by("proposed_on", "pk")
    )
    return [
        topic for topic in candidates if text_mentions(topic.text, document=document, email=email)
    ]


def question_personal_data_expired(*, space_started_before: dt.datetime) -> QuerySet[Question]:
    """Questions of spaces older than the retention period that still hold the asker's contact
    data or a text nobody published (published texts were reviewed and are the public record)."""
    return Question.objects.filter(space__starts_at__lt=space_started_before).filter(
        ~Q(asker_name="")
        | ~Q(asker_email="")
        | ~Q(asker_phone="")
        | (~Q(state=QuestionState.PUBLISHED) & ~Q(text=ERASED_TEXT))
    )


def topic_personal_data_expired(*, space_started_before: dt.datetime) -> QuerySet[ProposedTopic]:
    """Topics older than the retention period that staff never reviewed (received, or merged
    into another): their text may hold personal data and was never published."""
    unreviewed = ProposedTopic.objects.filter(
        state__in=[TopicState.RECEIVED, TopicState.MERGED]
    ).exclude(text=ERASED_TEXT)
    space = Q(proposed_in__isnull=False) | Q(proposed_for__isnull=False)
    return unreviewed.filter(
        Q(proposed_in__starts_at__lt=space_started_before)
        | (Q(proposed_in__isnull=True) & Q(proposed_for__starts_at__lt=space_started_before))
        | (~space & Q(proposed_on__lt=space_started_before.date()))
    )
