"""Business days (días hábiles, DESIGN.md section 2): the one rule, pure, with no database.

A business day is Monday to Friday, except Colombian public holidays as the `holidays` library
computes them (Ley 51 de 1983 moves most of them to the following Monday) and the days the
entity declares non-working. A request received on a non-business day counts as received on the
next business day; a term of n days starts on the business day after receipt.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import holidays

# Ley 1755 de 2015, article 14 and its paragraph: the terms in business days.
TERM_GENERAL = 15
TERM_DOCUMENTS = 10
TERM_CONSULTATION = 30
# One extension, announced before the term ends: the new date is at most twice the term.
EXTENSION_FACTOR = 2
# A term never reaches further than this many calendar days per business day (a guard against
# an endless loop with a calendar that declares everything non-working).
_MAX_CALENDAR_DAYS_PER_BUSINESS_DAY = 30


@lru_cache(maxsize=64)
def colombian_holidays(year: int) -> frozenset[dt.date]:
    """Colombia's public holidays of one year, as the `holidays` library computes them."""
    return frozenset(holidays.Colombia(years=year))


HolidaySource = Callable[[int], frozenset[dt.date]]


@dataclass(frozen=True)
class BusinessCalendar:
    """Which days are business days: holidays of any year (computed on demand) plus extra dates.

    `extra` are the days the entity declares non-working. `holiday_source` gives the public
    holidays of a year; Colombia's by default.
    """

    extra: frozenset[dt.date] = field(default_factory=frozenset)
    holiday_source: HolidaySource = colombian_holidays

    @classmethod
    def colombia(cls, extra: Iterable[dt.date] = ()) -> "BusinessCalendar":
        return cls(extra=frozenset(extra))

    def holidays_of(self, years: Iterable[int]) -> frozenset[dt.date]:
        """The public holidays of these years (for showing; the rule uses is_business_day)."""
        result: set[dt.date] = set()
        for year in years:
            result |= self.holiday_source(year)
        return frozenset(result)

    def is_business_day(self, day: dt.date) -> bool:
        return (
            day.weekday() < 5 and day not in self.extra and day not in self.holiday_source(day.year)
        )


def business_day_on_or_after(day: dt.date, calendar: BusinessCalendar) -> dt.date:
    """The day itself if it is a business day, otherwise the next business day."""
    limit = day + dt.timedelta(days=_MAX_CALENDAR_DAYS_PER_BUSINESS_DAY)
    while not calendar.is_business_day(day):
        day += dt.timedelta(days=1)
        if day > limit:
            raise ValueError(f"No business day within a month after {day:%Y-%m-%d}")
    return day


def received_on(day: dt.date, calendar: BusinessCalendar) -> dt.date:
    """The day a request counts as received: the next business day when it came on another."""
    return business_day_on_or_after(day, calendar)


def business_days_after(start: dt.date, days: int, calendar: BusinessCalendar) -> dt.date:
    """The day on which a term of `days` business days ends for a request received on `start`.

    The receipt moves to the next business day when `start` is not one; counting starts on the
    business day after the (moved) receipt. With days == 0 the answer is the receipt itself.
    """
    if days < 0:
        raise ValueError("days must be zero or more")
    day = received_on(start, calendar)
    limit = day + dt.timedelta(days=(days + 1) * _MAX_CALENDAR_DAYS_PER_BUSINESS_DAY)
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if calendar.is_business_day(day):
            counted += 1
        elif day > limit:
            raise ValueError(f"The calendar has no business days after {start:%Y-%m-%d}")
    return day


def business_days_between(start: dt.date, end: dt.date, calendar: BusinessCalendar) -> int:
    """How many business days fall after `start` up to and including `end` (negative if before).

    business_days_between(d, business_days_after(d, n, c), c) == n for every business day d.
    Counted by whole weeks, so that a deadline years away costs no more than one next week.
    """
    if end < start:
        return -business_days_between(end, start, calendar)
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        count += (start + dt.timedelta(days=offset)).weekday() < 5
    closed = calendar.holidays_of(range(start.year, end.year + 1)) | calendar.extra
    count -= sum(1 for day in closed if start < day <= end and day.weekday() < 5)
    return count


def term_end(received: dt.date, term_days: int, calendar: BusinessCalendar) -> dt.date:
    """The legal due date of a request received on `received` with a term of `term_days`."""
    return business_days_after(received, term_days, calendar)


def extension_limit(received: dt.date, term_days: int, calendar: BusinessCalendar) -> dt.date:
    """The latest new due date one extension may set: twice the term, counted from receipt."""
    return business_days_after(received, EXTENSION_FACTOR * term_days, calendar)


def business_days_left(deadline: dt.date, *, today: dt.date, calendar: BusinessCalendar) -> int:
    """Business days until the deadline (0 on the day itself, negative once it has passed)."""
    return business_days_between(today, deadline, calendar)


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of today's week."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)
