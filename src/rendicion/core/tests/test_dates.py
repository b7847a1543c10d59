"""Business days (DESIGN.md section 2): one test per case the law meets, and properties checked
against a plain reference over random dates, terms and declared days (hypothesis, bounded).

The holidays are always the ones the `holidays` library computes, never a list typed here.
"""

import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rendicion.core.dates import (
    TERM_CONSULTATION,
    TERM_DOCUMENTS,
    TERM_GENERAL,
    BusinessCalendar,
    business_day_on_or_after,
    business_days_after,
    business_days_between,
    business_days_left,
    colombian_holidays,
    extension_limit,
    received_on,
    week_bounds,
)

COLOMBIA = BusinessCalendar.colombia()


def _holiday(year: int, name_part: str) -> dt.date:
    """The date `holidays` gives to a Colombian holiday whose English name contains `name_part`."""
    matches = [day for day, name in holidays.Colombia(years=year).items() if name_part in name]
    assert len(matches) == 1, matches
    return matches[0]


def _expected(start: dt.date, days: int, non_working: set[dt.date]) -> dt.date:
    """Reference: list the business days one by one, the way a clerk counts on a calendar."""

    def business(day: dt.date) -> bool:
        return day.weekday() < 5 and day not in non_working

    day = start
    while not business(day):
        day += dt.timedelta(days=1)
    following = []
    while len(following) < days:
        day += dt.timedelta(days=1)
        if business(day):
            following.append(day)
    return following[-1] if days else day


def _computed_holidays(*years: int) -> set[dt.date]:
    return {day for year in years for day in holidays.Colombia(years=year)}


# One test per case -------------------------------------------------------------------------


def test_a_term_across_christmas_and_new_year_skips_both_holidays():
    received = dt.date(2023, 12, 22)  # a Friday
    assert _holiday(2023, "Christmas") == dt.date(2023, 12, 25)  # a Monday that year
    due = business_days_after(received, TERM_GENERAL, COLOMBIA)
    assert due == _expected(received, 15, _computed_holidays(2023, 2024))
    assert due == dt.date(2024, 1, 17)
    # The first counted day is Tuesday the 26th: Christmas Monday does not count.
    assert business_days_after(received, 1, COLOMBIA) == dt.date(2023, 12, 26)


def test_a_term_across_holy_week_skips_maundy_thursday_and_good_friday():
    thursday = _holiday(2024, "Maundy Thursday")
    friday = _holiday(2024, "Good Friday")
    received = thursday - dt.timedelta(days=1)  # Holy Wednesday, a business day
    due = business_days_after(received, TERM_DOCUMENTS, COLOMBIA)
    assert due == _expected(received, 10, _computed_holidays(2024))
    # Day 1 is the Monday after Easter: Thursday, Friday and the weekend do not count.
    assert business_days_after(received, 1, COLOMBIA) == friday + dt.timedelta(days=3)
    assert due == dt.date(2024, 4, 12)


def test_a_term_skips_a_holiday_moved_to_monday_by_ley_emiliani():
    # Saint Joseph (19 March 2023, a Sunday) is moved to Monday 20 March by Ley 51 de 1983.
    moved = _holiday(2023, "Saint Joseph")
    assert moved == dt.date(2023, 3, 20) and moved.weekday() == 0
    received = dt.date(2023, 3, 17)  # the Friday before
    assert business_days_after(received, 1, COLOMBIA) == dt.date(2023, 3, 21)
    assert business_days_after(received, TERM_GENERAL, COLOMBIA) == _expected(
        received, 15, _computed_holidays(2023)
    )


def test_a_request_received_on_an_emiliani_monday_counts_from_the_next_business_day():
    # DESIGN.md's example date: Monday 1 July 2024 is Saint Peter and Saint Paul (moved there),
    # so the request counts as received on Tuesday 2 and the term starts on Wednesday 3.
    assert _holiday(2024, "Saint Peter") == dt.date(2024, 7, 1)
    received = dt.date(2024, 7, 1)
    assert received_on(received, COLOMBIA) == dt.date(2024, 7, 2)
    assert business_days_after(received, 1, COLOMBIA) == dt.date(2024, 7, 3)
    assert business_days_after(received, TERM_GENERAL, COLOMBIA) == dt.date(2024, 7, 23)


def test_a_term_on_an_ordinary_monday_starts_counting_on_tuesday():
    received = dt.date(2024, 7, 8)  # a Monday without holiday
    assert business_days_after(received, 1, COLOMBIA) == dt.date(2024, 7, 9)
    assert business_days_after(received, TERM_GENERAL, COLOMBIA) == dt.date(2024, 7, 29)


@pytest.mark.parametrize("weekend_day", [dt.date(2024, 2, 3), dt.date(2024, 2, 4)])
def test_a_request_received_on_a_weekend_counts_as_received_on_monday(weekend_day):
    # Saturday or Sunday → received Monday 5 February → day 1 is Tuesday 6.
    assert received_on(weekend_day, COLOMBIA) == dt.date(2024, 2, 5)
    assert business_days_after(weekend_day, 1, COLOMBIA) == dt.date(2024, 2, 6)
    assert business_days_after(weekend_day, TERM_GENERAL, COLOMBIA) == business_days_after(
        dt.date(2024, 2, 5), TERM_GENERAL, COLOMBIA
    )


def test_a_day_the_entity_declares_non_working_is_not_counted():
    received = dt.date(2024, 2, 5)
    declared = dt.date(2024, 2, 9)  # a Friday inside the term
    with_day = BusinessCalendar.colombia([declared])
    assert business_days_after(received, TERM_GENERAL, with_day) == business_days_after(
        received, TERM_GENERAL, COLOMBIA
    ) + dt.timedelta(days=1)
    assert not with_day.is_business_day(declared)
    # Received on the declared day itself: it counts as received on the next business day.
    assert received_on(declared, with_day) == dt.date(2024, 2, 12)


def test_the_three_legal_terms_and_the_extension_limit():
    received = dt.date(2024, 2, 5)
    assert [business_days_after(received, n, COLOMBIA) for n in (10, 15, 30)] == [
        _expected(received, n, _computed_holidays(2024)) for n in (10, 15, 30)
    ]
    assert (TERM_DOCUMENTS, TERM_GENERAL, TERM_CONSULTATION) == (10, 15, 30)
    assert extension_limit(received, TERM_GENERAL, COLOMBIA) == business_days_after(
        received, 30, COLOMBIA
    )


def test_zero_days_is_the_day_the_request_counts_as_received():
    assert business_days_after(dt.date(2024, 2, 3), 0, COLOMBIA) == dt.date(2024, 2, 5)
    with pytest.raises(ValueError):
        business_days_after(dt.date(2024, 2, 3), -1, COLOMBIA)


def test_colombian_holidays_come_from_the_library():
    assert colombian_holidays(2023) == frozenset(holidays.Colombia(years=2023))
    assert len(colombian_holidays(2023)) == 18


def test_a_calendar_without_business_days_is_refused_not_looped_forever():
    everything = BusinessCalendar(
        holiday_source=lambda year: frozenset(
            dt.date(year, 1, 1) + dt.timedelta(days=n) for n in range(366)
        )
    )
    with pytest.raises(ValueError):
        business_day_on_or_after(dt.date(2024, 1, 1), everything)


# Properties --------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31))
terms = st.integers(min_value=0, max_value=70)
declared_days = st.lists(st.integers(min_value=0, max_value=120), max_size=8)


@settings(max_examples=300, deadline=None)
@given(start=dates, days=terms, offsets=declared_days)
def test_the_due_date_matches_a_clerk_counting_day_by_day(start, days, offsets):
    extra = {start + dt.timedelta(days=offset) for offset in offsets}
    calendar = BusinessCalendar.colombia(extra)
    expected = _expected(start, days, extra | _computed_holidays(start.year, start.year + 1))
    assert business_days_after(start, days, calendar) == expected


@settings(max_examples=200, deadline=None)
@given(start=dates, days=st.integers(min_value=1, max_value=70), offsets=declared_days)
def test_the_due_date_is_a_business_day_after_receipt_and_counts_exactly_the_term(
    start, days, offsets
):
    calendar = BusinessCalendar.colombia(start + dt.timedelta(days=o) for o in offsets)
    due = business_days_after(start, days, calendar)
    receipt = received_on(start, calendar)
    assert calendar.is_business_day(due)
    assert due > receipt >= start
    assert business_days_between(receipt, due, calendar) == days
    # One more day always ends later; a declared day never brings the due date forward.
    assert business_days_after(start, days + 1, calendar) > due
    more = BusinessCalendar.colombia(calendar.extra | {due})
    assert business_days_after(start, days, more) > due


@settings(max_examples=100, deadline=None)
@given(start=dates, days=terms)
def test_a_non_business_receipt_is_the_same_as_receipt_on_the_next_business_day(start, days):
    receipt = received_on(start, COLOMBIA)
    assert business_days_after(start, days, COLOMBIA) == business_days_after(
        receipt, days, COLOMBIA
    )


@settings(max_examples=200, deadline=None)
@given(a=dates, span=st.integers(min_value=-800, max_value=800), offsets=declared_days)
def test_business_days_between_matches_counting_day_by_day(a, span, offsets):
    b = a + dt.timedelta(days=span)
    extra = {a + dt.timedelta(days=o) for o in offsets}
    calendar = BusinessCalendar.colombia(extra)
    closed = extra | _computed_holidays(*range(min(a, b).year, max(a, b).year + 1))
    low, high = min(a, b), max(a, b)
    counted = sum(
        1
        for n in range(1, (high - low).days + 1)
        if (low + dt.timedelta(days=n)).weekday() < 5 and low + dt.timedelta(days=n) not in closed
    )
    assert business_days_between(a, b, calendar) == (counted if b >= a else -counted)


def test_the_week_of_a_day_runs_from_its_monday_to_its_sunday():
    assert week_bounds(dt.date(2024, 3, 13)) == (dt.date(2024, 3, 11), dt.date(2024, 3, 17))
    assert week_bounds(dt.date(2024, 3, 11)) == (dt.date(2024, 3, 11), dt.date(2024, 3, 17))
    assert week_bounds(dt.date(2024, 3, 17)) == (dt.date(2024, 3, 11), dt.date(2024, 3, 17))


def test_business_days_left_count_down_to_zero_on_the_due_date_and_below_after_it():
    # From Thursday 2024-03-21 to Wednesday the 27th: Friday 22, Tuesday 26 and Wednesday 27
    # (Monday 25 is San José, moved). After it, Thursday 28 and Friday 29 are Holy Week
    # holidays, so Monday 1 April is the first business day past the due date.
    due = dt.date(2024, 3, 27)
    assert business_days_left(due, today=dt.date(2024, 3, 21), calendar=COLOMBIA) == 3
    assert business_days_left(due, today=due, calendar=COLOMBIA) == 0
    assert business_days_left(due, today=dt.date(2024, 4, 1), calendar=COLOMBIA) == -1
