"""Reads of commitments shared by pages, the Colibrí export and reports. Fixed query counts."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from rendicion.core.models import Entity, User
from rendicion.core.permissions import sees_whole_entity, user_office_ids
from rendicion.strategy.models import Strategy

from .models import (
    Commitment,
    CommitmentProgress,
    CommitmentState,
    CommitmentStatus,
    commitment_state,
)


@dataclass
class CommitmentSummary:
    space_title: str
    description: str
    office: str
    due_date: dt.date
    state: str
    state_label: str
    last_progress: str


def _last_progress(field_name: str) -> Subquery:
    return Subquery(
        CommitmentProgress.objects.filter(commitment=OuterRef("pk"))
        .order_by("-date", "-pk")
        .values(field_name)[:1]
    )


def commitments_for_strategy(
    *, strategy: Strategy, today: dt.date | None = None
) -> list[CommitmentSummary]:
    """The strategy's commitments with their computed state and last progress (one query)."""
    today = today or timezone.localdate()
    rows = (
        Commitment.objects.filter(space__strategy=strategy)
        .annotate(last_note=_last_progress("note"))
        .order_by("space__starts_at", "space__pk", "due_date", "pk")
        .values_list(
            "space__title", "description", "office__name", "due_date", "status", "last_note"
        )
    )
    result = []
    for space_title, description, office, due_date, status, last in rows:
        state = commitment_state(status, due_date, today)
        result.append(
            CommitmentSummary(
                space_title,
                description,
                office,
                due_date,
                state,
                str(CommitmentState(state).label),
                last or "",
            )
        )
    return result


def commitment_queryset() -> QuerySet[Commitment]:
    return Commitment.objects.select_related("space", "space__strategy", "office").prefetch_related(
        Prefetch("progress", queryset=CommitmentProgress.objects.order_by("date", "pk"))
    )


def commitment_list(
    *, entity: Entity | None, year: int | None = None, public_only: bool = True
) -> QuerySet[Commitment]:
    commitments = commitment_queryset().filter(space__strategy__entity=entity)
    if year is not None:
        commitments = commitments.filter(space__strategy__year=year)
    if public_only:
        commitments = commitments.filter(
            space__is_published=True, space__strategy__is_published=True
        )
    return commitments.order_by("space__starts_at", "space__pk", "due_date", "pk")


def commitment_list_for_user(
    *, user: User, entity: Entity | None, year: int
) -> QuerySet[Commitment]:
    """The staff list: every commitment for entity-wide roles, their offices' for office staff."""
    commitments = commitment_list(entity=entity, year=year, public_only=False)
    if not sees_whole_entity(user):
        commitments = commitments.filter(office__in=user_office_ids(user))
    return commitments


@dataclass
class CommitmentRow:
    """A commitment as pages show it: the state computed for today."""

    commitment: Commitment
    state: str
    state_label: str
    progress: list[CommitmentProgress] = field(default_factory=list)

    @property
    def last_progress(self) -> CommitmentProgress | None:
        return self.progress[-1] if self.progress else None

    @property
    def evidence_links(self) -> list[str]:
        return [p.evidence_url for p in self.progress if p.evidence_url]


def commitment_rows(commitments: QuerySet[Commitment], *, today: dt.date | None = None):
    today = today or timezone.localdate()
    rows = []
    for commitment in commitments:
        state = commitment.state(today)
        rows.append(
            CommitmentRow(
                commitment,
                state,
                str(CommitmentState(state).label),
                list(commitment.progress.all()),
            )
        )
    return rows


def colibri_rows(*, entity: Entity | None, year: int, today: dt.date | None = None) -> list[list]:
    """The rows of the Colibrí export, in the order of ColibriExporter's columns (two queries)."""
    rows = []
    commitments = commitment_list(entity=entity, year=year, public_only=False)
    for row in commitment_rows(commitments, today=today):
        commitment = row.commitment
        last = row.last_progress
        rows.append(
            [
                commitment.space.title,
                timezone.localtime(commitment.space.starts_at).date(),
                commitment.description,
                commitment.office.name,
                commitment.due_date,
                row.state_label,
                f"{last.date:%Y-%m-%d}: {last.note}" if last else "",
                " ; ".join(row.evidence_links),
            ]
        )
    return rows


def space_outcomes_commitments(space) -> list:
    """The space page's commitments: how many were made and kept (one aggregate query)."""
    from django.db.models import Count, Q
    from django.urls import reverse
    from django.utils.translation import gettext, ngettext

    from rendicion.core.formats import number_es
    from rendicion.spaces.outcomes import Outcome

    counts = Commitment.objects.filter(space=space).aggregate(
        total=Count("pk"), done=Count("pk", filter=Q(status=CommitmentStatus.DONE))
    )
    if not counts["total"]:
        return []
    return [
        Outcome(
            50,
            gettext("Compromisos asumidos"),
            ngettext(
                "%(total)s (%(done)s cumplido)", "%(total)s (%(done)s cumplidos)", counts["done"]
            )
            % {"total": number_es(counts["total"]), "done": number_es(counts["done"])},
            reverse("commitments:space_public", args=[space.slug]),
            gettext("Siga los compromisos y su avance"),
        )
    ]
