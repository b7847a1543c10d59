"""Progress of cronograma activities whose target is counted from Rendición's own records.

Apps that record such things (spaces held, reports published) register a counter in their
AppConfig.ready(), so that strategy does not import the apps that build on it (the pattern of
core.hooks). A counter counts for the whole strategy; an activity counter counts, for each
activity, the records linked to that activity (the documents published for it, in spaces).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from .models import Activity, ActivityStatus, ProgressSource, Strategy

Counter = Callable[[Strategy], int]
ActivityCounter = Callable[[Strategy], dict[int, int]]  # {activity pk: count}
_counters: dict[str, Counter] = {}
_activity_counters: dict[str, ActivityCounter] = {}
Counts = dict[str, int | dict[int, int]]


def progress_counter_register(source: ProgressSource, counter: Counter) -> None:
    _counters[source.value] = counter


def progress_activity_counter_register(source: ProgressSource, counter: ActivityCounter) -> None:
    """`counter(strategy)` returns, in one query, {activity pk: records counted for it}."""
    _activity_counters[source.value] = counter


def progress_sources_available() -> list[str]:
    """The sources an activity can be linked to in this installation."""
    return [ProgressSource.MANUAL.value, *sorted({*_counters, *_activity_counters})]


@dataclass(frozen=True)
class ActivityProgress:
    status: str
    percent: int
    achieved: int | None  # what the records count, for linked activities
    linked: bool

    @property
    def status_label(self) -> str:
        return ActivityStatus(self.status).label


def progress_counts(strategy: Strategy, sources: set[str]) -> Counts:
    """One count per linked source in use (a fixed number of queries, whatever the data); an
    activity counter's count is a mapping by activity."""
    counts: Counts = {
        source: _counters[source](strategy) for source in sorted(sources) if source in _counters
    }
    for source in sorted(sources):
        if source in _activity_counters:
            counts[source] = _activity_counters[source](strategy)
    return counts


def activity_progress(
    activity: Activity, *, counts: Counts, year: int, today: dt.date | None = None
) -> ActivityProgress:
    """Typed progress for manual activities; counted progress for linked ones."""
    if activity.progress_source == ProgressSource.MANUAL or activity.progress_source not in counts:
        return ActivityProgress(activity.status, activity.progress, None, False)
    count = counts[activity.progress_source]
    achieved = count.get(activity.pk, 0) if isinstance(count, dict) else count
    target = activity.target_quantity or 1
    percent = min(100, (achieved * 100 + target // 2) // target)
    today = today or timezone.localdate()
    if achieved >= target:
        status = ActivityStatus.DONE
    elif today.year > year:
        status = ActivityStatus.NOT_DONE
    elif achieved > 0:
        status = ActivityStatus.IN_PROGRESS
    else:
        status = ActivityStatus.PENDING
    return ActivityProgress(status.value, percent, achieved, True)
