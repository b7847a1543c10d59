"""Reads of the staff side: topic lists, question queues, loads and offices."""

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from rendicion.core.dates import week_bounds
from rendicion.core.models import Entity, Office, Role, User
from rendicion.core.permissions import user_office_ids
from rendicion.spaces.models import Space

from ..models import OPEN_STATES, ProposedTopic, Question, QuestionState


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
