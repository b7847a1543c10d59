"""Reads of strategies shared by pages, the CLI and later reports. Query counts never grow with data."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from rendicion.core.models import Entity, Office, Role, User

from .models import Activity, Challenge, DialoguePlan, Evidence, Stage, Strategy, TeamRole
from .progress import ActivityProgress, activity_progress, progress_counts


@dataclass
class ActivityRow:
    activity: Activity
    progress: ActivityProgress

    @property
    def responsible_names(self) -> list[str]:
        return [office.name for office in self.activity.responsible.all()]

    @property
    def quarter_marks(self) -> list[tuple[int, bool]]:
        planned = self.activity.quarters
        return [(quarter, quarter in planned) for quarter in (1, 2, 3, 4)]


@dataclass
class StrategyDetail:
    strategy: Strategy
    challenges: list[Challenge]
    stages: list[Stage]
    team_roles: list[TeamRole]
    activities: list[ActivityRow]

    @property
    def by_status(self) -> dict[str, int]:
        return dict(Counter(row.progress.status for row in self.activities))


def strategy_years(*, entity: Entity | None, published_only: bool = True) -> list[int]:
    strategies = Strategy.objects.filter(entity=entity)
    if published_only:
        strategies = strategies.filter(is_published=True)
    return list(strategies.order_by("-year").values_list("year", flat=True))


def strategy_get(*, entity: Entity | None, year: int, published_only: bool = True) -> Strategy:
    """Raises Strategy.DoesNotExist when there is none (or it is unpublished, for the public)."""
    strategies = Strategy.objects.select_related("entity").filter(entity=entity, year=year)
    if published_only:
        strategies = strategies.filter(is_published=True)
    return strategies.get()


def activity_queryset(strategy: Strategy) -> QuerySet[Activity]:
    return (
        strategy.activities.select_related("stage")
        .prefetch_related(Prefetch("responsible", queryset=Office.objects.order_by("name")))
        .order_by("number")
    )


def strategy_detail(
    *,
    strategy: Strategy,
    activities: QuerySet[Activity] | None = None,
    today: dt.date | None = None,
) -> StrategyDetail:
    """The whole strategy with each activity's progress, in a fixed number of queries."""
    rows = list(activities if activities is not None else activity_queryset(strategy))
    counts = progress_counts(strategy, {row.progress_source for row in rows})
    return StrategyDetail(
        strategy=strategy,
        challenges=list(strategy.challenges.order_by("number")),
        stages=list(strategy.stages.order_by("number")),
        team_roles=list(strategy.team_roles.select_related("office").order_by("number")),
        activities=[
            ActivityRow(
                activity,
                activity_progress(activity, counts=counts, year=strategy.year, today=today),
            )
            for activity in rows
        ],
    )


def activity_list_for_user(*, user: User, strategy: Strategy) -> QuerySet[Activity]:
    """Office staff see the activities of their own offices; other roles see them all."""
    activities = activity_queryset(strategy)
    if user.role == Role.OFFICE_STAFF:
        activities = activities.filter(responsible__in=user.offices.all()).distinct()
    return activities


def evidence_list(*, activity: Activity) -> QuerySet[Evidence]:
    return activity.evidence.select_related("office", "added_by").order_by("-date", "-id")


def strategy_as_json(detail: StrategyDetail) -> dict:
    """The contract of `rendicion strategy YYYY --json` (DESIGN.md section 5)."""
    strategy = detail.strategy
    return {
        "year": strategy.year,
        "entity": strategy.entity.name,
        "objective": strategy.objective,
        "challenges": [c.text for c in detail.challenges],
        "stages": [
            {
                "number": stage.number,
                "name": stage.name,
                "murc_stages": stage.murc_stages,
                "items": stage.items,
            }
            for stage in detail.stages
        ],
        "team_roles": [
            {"name": role.name, "responsibilities": role.responsibilities}
            for role in detail.team_roles
        ],
        "activities": [
            {
                "number": row.activity.number,
                "name": row.activity.name,
                "stage": row.activity.stage.name if row.activity.stage else None,
                "target": row.activity.target,
                "target_quantity": row.activity.target_quantity,
                "target_unit": row.activity.target_unit,
                "evidence": row.activity.evidence_expected,
                "responsible": row.responsible_names,
                "responsible_note": row.activity.responsible_note,
                "responsible_text": row.activity.responsible_text,
                "quarters": row.activity.quarters,
                "status": row.progress.status,
                "progress": row.progress.percent,
                "progress_source": row.activity.progress_source,
                "achieved": row.progress.achieved,
            }
            for row in detail.activities
        ],
    }


def dialogue_plan_get(*, strategy: Strategy) -> DialoguePlan | None:
    """The strategy's planteamiento general of its dialogues, if it has one."""
    return DialoguePlan.objects.filter(strategy=strategy).first()
