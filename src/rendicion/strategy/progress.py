"""Progress of cronograma activities whose target is counted from Rendición's own records.

Apps that record such things (spaces held, reports published) register a counter in their
AppConfig.ready(), so that strategy does not import the apps that build on it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from .models import Activity, ActivityStatus, ProgressSource, Strategy

Counter = Callable[[Strategy], int]
_counters: dict[str, Counter] = {}


def progress_counter_register(source: ProgressSource, counter: Counter) -> None:
    _counters[source.value] = counter


def progress_sources_available() -> list[str]:
    """The sources an activity can be linked to in this installation."""
    return [ProgressSource.MANUAL.value, *sorted(_counters)]


@dataclass(frozen=True)
class ActivityProgress:
    status: str
    percent: int
    achieved: int | None  # what the records count, for linked activities
    linked: bool

    @property
    def status_label(self) -> str:
        return ActivityStatus(self.status).label


def progress_counts(strategy: Strategy, sources: set[str]) -> dict[str, int]:
    """One count per linked source in use (a fixed number of queries, whatever the data)."""
    return {
        source: _counters[source](strategy) for source in sorted(sources) if source in _counters
    }


def activity_progress(
    activity: Activity, *, counts: dict[str, int], year: int, today: dt.date | None = None
) -> ActivityProgress:
    """Typed progress for manual activities; counted progress for linked ones."""
    if activity.progress_source == ProgressSource.MANUAL or activity.progress_source not in counts:
        return ActivityProgress(activity.status, activity.progress, None, False)
    achieved = counts[activity.progress_source]
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
