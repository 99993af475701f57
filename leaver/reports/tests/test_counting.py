"""Whole days worked out by the database agree with Python's `(end - start).days`, on SQLite
and on PostgreSQL, at the edges: a minute short of a day, a day to the microsecond, and a
day across the change to British Summer Time."""

from __future__ import annotations

import datetime as dt

import pytest

from leaver.cases.models import Interview
from leaver.organisations.models import Organisation
from leaver.reports.counting import WholeDays, histogram
from leaver.testing import make_case, make_cast

UTC = dt.UTC
START = dt.datetime(2026, 3, 28, 12, 0, tzinfo=UTC)  # BST starts 29 March 2026 at 01:00 UTC
ENDS = [
    START + dt.timedelta(hours=23, minutes=59),                 # 0 days
    START + dt.timedelta(days=1),                               # 1 (across the clock change)
    START + dt.timedelta(days=1, microseconds=-1),              # 0
    START + dt.timedelta(days=1, hours=12),                     # 1
    START + dt.timedelta(days=40, seconds=5),                   # 40
    START + dt.timedelta(days=40, hours=23, minutes=59, seconds=59, microseconds=999_999),
]


def _cases_from_start_to_each_end() -> Organisation:
    cast = make_cast()
    for end in ENDS:
        case = make_case(cast)
        Interview.objects.filter(pk=case.pk).update(created_at=START, held_at=end)
    return cast.org


@pytest.mark.django_db
def test_whole_days_agree_with_python():
    organisation = _cases_from_start_to_each_end()
    found = dict(Interview.objects.filter(organisation=organisation).annotate(
        days=WholeDays("created_at", "held_at")).values_list("held_at", "days"))
    assert {end: found[end] for end in ENDS} == {end: (end - START).days for end in ENDS}
    assert sorted(found[end] for end in ENDS) == [0, 0, 1, 1, 40, 40]


@pytest.mark.django_db
def test_histogram_counts_cases_per_number_of_days():
    organisation = _cases_from_start_to_each_end()
    counted = histogram(Interview.objects.filter(organisation=organisation).annotate(
        days=WholeDays("created_at", "held_at")))
    assert sorted(counted) == [(0, 2), (1, 2), (40, 2)]
