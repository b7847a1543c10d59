"""Progress counted from records: the link is explicit on the activity, never typed."""

import datetime as dt

import pytest

from rendicion.strategy import progress
from rendicion.strategy.models import ActivityStatus, ProgressSource
from rendicion.strategy.selectors import strategy_detail

from .factories import ActivityFactory, StrategyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearings_held(monkeypatch):
    """Stands in for the spaces app's counter: how many hearings a strategy has held."""
    held = {"count": 0}
    counters = dict(progress._counters)
    counters[ProgressSource.HEARINGS_HELD.value] = lambda strategy: held["count"]
    monkeypatch.setattr(progress, "_counters", counters)
    return held


def _row(strategy, today):
    return strategy_detail(strategy=strategy, today=today).activities[0].progress


def test_linked_activity_shows_records_over_target(hearings_held):
    strategy = StrategyFactory(year=2023)
    ActivityFactory(
        strategy=strategy,
        progress_source=ProgressSource.HEARINGS_HELD,
        target_quantity=2,
        status=ActivityStatus.DONE,
        progress=100,
    )
    hearings_held["count"] = 1
    row = _row(strategy, dt.date(2023, 6, 1))
    # What staff typed is ignored: the records say one of two.
    assert (row.achieved, row.percent, row.status, row.linked) == (1, 50, "in_progress", True)


def test_linked_activity_is_done_when_the_records_reach_the_target(hearings_held):
    strategy = StrategyFactory(year=2023)
    ActivityFactory(
        strategy=strategy, progress_source=ProgressSource.HEARINGS_HELD, target_quantity=2
    )
    hearings_held["count"] = 3
    row = _row(strategy, dt.date(2023, 12, 1))
    assert (row.percent, row.status) == (100, "done")


def test_linked_activity_short_of_its_target_after_the_year_is_not_done(hearings_held):
    strategy = StrategyFactory(year=2023)
    ActivityFactory(
        strategy=strategy, progress_source=ProgressSource.HEARINGS_HELD, target_quantity=2
    )
    hearings_held["count"] = 1
    assert _row(strategy, dt.date(2024, 1, 2)).status == "not_done"
    hearings_held["count"] = 0
    assert _row(strategy, dt.date(2023, 3, 1)).status == "pending"


def test_manual_activity_shows_what_the_office_reported():
    strategy = StrategyFactory(year=2023)
    ActivityFactory(strategy=strategy, status=ActivityStatus.IN_PROGRESS, progress=40)
    row = _row(strategy, dt.date(2023, 6, 1))
    assert (row.percent, row.status, row.linked, row.achieved) == (40, "in_progress", False, None)


def test_percent_rounds_half_up():
    assert (
        progress.activity_progress(
            ActivityFactory.build(progress_source="hearings_held", target_quantity=3),
            counts={"hearings_held": 1},
            year=2023,
            today=dt.date(2023, 1, 1),
        ).percent
        == 33
    )
    assert (
        progress.activity_progress(
            ActivityFactory.build(progress_source="hearings_held", target_quantity=8),
            counts={"hearings_held": 1},
            year=2023,
            today=dt.date(2023, 1, 1),
        ).percent
        == 13
    )  # 12.5 → 13
