"""Deadline arithmetic across weekends and the bank holidays of England and of Wales."""

from __future__ import annotations

import datetime as dt

import pytest

from leaver.core.working_days import (
    UK,
    Nation,
    add_working_days,
    add_working_hours,
    bank_holiday_name,
    is_working_day,
    working_days_between,
)

E, W = Nation.ENGLAND, Nation.WALES


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UK)


def test_weekends_are_not_working_days():
    assert is_working_day(d("2026-12-04"), E)  # Friday
    assert not is_working_day(d("2026-12-05"), E)
    assert not is_working_day(d("2026-12-06"), E)


@pytest.mark.parametrize("day", ["2026-12-25", "2026-12-28", "2027-03-26", "2027-03-29",
                                 "2027-05-03", "2027-05-31", "2027-08-30"])
def test_bank_holidays_of_england_and_wales_come_from_the_package(day):
    assert bank_holiday_name(d(day), E)
    assert not is_working_day(d(day), E)
    assert not is_working_day(d(day), W)


def test_scotlands_bank_holidays_are_not_ours():
    # 2 January and St Andrew's Day are Scottish bank holidays, working days in England and
    # Wales (the package is asked for the right part of the UK).
    for nation in (E, W):
        assert is_working_day(d("2026-01-02"), nation)
        assert is_working_day(d("2026-11-30"), nation)


def test_five_working_days_after_a_friday_is_the_next_friday():
    assert add_working_days(d("2026-12-04"), 5, E) == d("2026-12-11")


def test_christmas_and_boxing_day_push_a_deadline_on():
    # Tuesday 22 December 2026 + 5: 23, 24, (25 Fri holiday), (26-27 weekend), (28 Mon
    # Boxing Day observed), 29, 30, 31.
    assert add_working_days(d("2026-12-22"), 5, E) == d("2026-12-31")


def test_easter_in_wales_as_in_england():
    # Thursday 25 March 2027 + 1: Good Friday, weekend, Easter Monday, so Tuesday 30.
    assert add_working_days(d("2027-03-25"), 1, W) == d("2027-03-30")


def test_zero_days_is_the_same_day_and_negative_is_refused():
    assert add_working_days(d("2026-12-05"), 0, E) == d("2026-12-05")
    with pytest.raises(ValueError, match="negative"):
        add_working_days(d("2026-12-05"), -1, E)


def test_days_waiting_count_working_days_only():
    assert working_days_between(d("2026-12-04"), d("2026-12-11"), E) == 5
    assert working_days_between(d("2026-12-22"), d("2026-12-31"), E) == 5
    assert working_days_between(d("2026-12-11"), d("2026-12-04"), E) == 0


@pytest.mark.parametrize(("start", "hours", "due"), [
    ("2026-12-01 10:00", 4, "2026-12-01 14:00"),   # within one day
    ("2026-12-04 16:00", 4, "2026-12-07 12:00"),   # Friday afternoon to Monday
    ("2026-12-05 11:00", 4, "2026-12-07 13:00"),   # raised on a Saturday
    ("2026-12-01 07:30", 4, "2026-12-01 13:00"),   # before the day starts
    ("2026-12-01 18:00", 4, "2026-12-02 13:00"),   # after it ends
    ("2026-12-24 15:00", 4, "2026-12-29 11:00"),   # Christmas Eve into the holidays
    ("2027-03-25 16:30", 1, "2027-03-30 09:30"),   # Maundy Thursday to after Easter
])
def test_working_hours(start, hours, due):
    assert add_working_hours(at(start), hours, E) == at(due)


def test_working_hours_need_an_aware_time():
    with pytest.raises(ValueError, match="aware"):
        add_working_hours(dt.datetime(2026, 12, 1, 10, 0), 4, E)


def test_working_hours_cross_the_clock_change():
    # 26 March 2027 is Good Friday; clocks go forward on Sunday 28 March.
    due = add_working_hours(at("2027-03-25 16:00"), 2, E)
    assert due == at("2027-03-30 10:00")
    assert due.utcoffset() == dt.timedelta(hours=1)
