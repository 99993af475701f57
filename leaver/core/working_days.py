"""Working days and working hours: what every deadline and escalation counts in.

A working day is Monday to Friday and not a bank holiday of the organisation's nation. Bank
holidays come from the `holidays` package (offline data, pinned), for England or Wales: they
differ (Wales has no extra holidays today, Scotland and Northern Ireland do, and the package
follows the announcements: a coronation or a jubilee is added by upgrading the package, never
by a list kept by hand). Working hours are 09:00 to 17:00 UK time on working days.
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

import holidays
from django.db import models

UK = ZoneInfo("Europe/London")
DAY_STARTS = dt.time(9, 0)
DAY_ENDS = dt.time(17, 0)


class Nation(models.TextChoices):
    """Where an organisation is, for its bank holidays (and the Children's Commissioner)."""

    ENGLAND = "england", "England"
    WALES = "wales", "Wales"


_SUBDIVISION = {Nation.ENGLAND: "ENG", Nation.WALES: "WLS"}


@functools.lru_cache(maxsize=64)
def _bank_holidays(nation: str, year: int) -> frozenset[dt.date]:
    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION[Nation(nation)], years=year)
    return frozenset(found.keys())


def bank_holiday_name(day: dt.date, nation: str) -> str | None:
    found = holidays.country_holidays("GB", subdiv=_SUBDIVISION[Nation(nation)],
                                      years=day.year)
    return found.get(day)


def is_working_day(day: dt.date, nation: str) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(nation, day.year)


def add_working_days(start: dt.date, days: int, nation: str) -> dt.date:
    """The date `days` working days after `start` (which itself does not count): 5 working
    days after Friday is the next Friday, or later if a bank holiday falls between."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    left = days
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, nation: str) -> int:
    """How many working days after `start`, up to and including `end` (0 if end <= start):
    how long something has waited, in the units its deadline is counted in."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day, nation):
            count += 1
    return count


def add_working_hours(start: dt.datetime, hours: float, nation: str) -> dt.datetime:
    """The moment `hours` working hours after `start` (an aware datetime), counting only
    09:00–17:00 UK time on working days: a concern raised on Friday at 16:00 with 4 working
    hours to acknowledge is due on Monday at 12:00 (Tuesday if Monday is a bank holiday)."""
    if start.tzinfo is None:
        raise ValueError("start must be an aware datetime")
    left = dt.timedelta(hours=hours)
    if left < dt.timedelta(0):
        raise ValueError("hours must not be negative")
    moment = start.astimezone(UK)
    while True:
        day = moment.date()
        opens = dt.datetime.combine(day, DAY_STARTS, tzinfo=UK)
        closes = dt.datetime.combine(day, DAY_ENDS, tzinfo=UK)
        if not is_working_day(day, nation) or moment >= closes:
            moment = dt.datetime.combine(day + dt.timedelta(days=1), DAY_STARTS, tzinfo=UK)
            continue
        moment = max(moment, opens)
        if moment + left <= closes:
            return moment + left
        left -= closes - moment
        moment = dt.datetime.combine(day + dt.timedelta(days=1), DAY_STARTS, tzinfo=UK)
