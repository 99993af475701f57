"""Some of the demo's cases started a while ago, so "Your work", the case list and the
reminders have something late to show: Jordan Ellis's consent decision has waited eight
working days (five allowed), the IRO's review of Morgan Price's record and the advocacy
referral Morgan asked for are overdue, and the CSM's response to Taylor Quinn's
recommendation is a week late. Each case is moved back in time as a whole (walk.shift_in_time),
so its timeline stays true to itself."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leaver.cases.models import Interview
from leaver.core.working_days import is_working_day
from leaver.pathways.young_person.walk import shift_in_time


def _working_days_ago(count: int, nation: str) -> dt.date:
    day = timezone.localdate()
    while count:
        day -= dt.timedelta(days=1)
        count -= is_working_day(day, nation)
    return day


def _started(name: str, *, working_days: int = 0, days: int = 0) -> None:
    case = Interview.objects.select_related("organisation").get(
        organisation__slug="demo", leaver_name=name)
    now = timezone.localtime()
    day = (_working_days_ago(working_days, case.organisation.nation) if working_days
           else now.date() - dt.timedelta(days=days))
    start = dt.datetime.combine(day, dt.time(10), tzinfo=now.tzinfo)
    shift_in_time(case, start - case.created_at)


def make_some_late() -> None:
    _started("Jordan Ellis", working_days=8)
    _started("Morgan Price", working_days=12)
    # The recommendation was due 28 days after it was issued: a week ago.
    _started("Taylor Quinn", days=35)
