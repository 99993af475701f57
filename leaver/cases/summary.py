"""Open cases by stage, for the case lists' dashboards (issue 12, ADR 0021): per state how
many cases, how many have something overdue and how long ago the oldest was opened. One
grouped query over cases the caller has already narrowed to what the user may see, so the
permission filter stays in the database and the cost does not grow with the rows shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from leaver.cases.models import Interview
from leaver.core.working_days import working_days_between


@dataclass(frozen=True)
class StageRow:
    state: str
    label: str
    count: int
    overdue: int
    oldest_days: int  # working days since the oldest case in this state was opened


def by_stage(cases: QuerySet[Interview], states: Iterable[tuple[str, str]], overdue: Q,
             today: dt.date, nation: str) -> list[StageRow]:
    """One row per state (in the order given, as (value, label)) that has cases."""
    wanted = list(states)
    found = {row["state"]: row for row in cases.filter(
        state__in=[value for value, _label in wanted]).order_by().values("state").annotate(
        count=Count("pk"), overdue=Count("pk", filter=overdue), oldest=Min("created_at"))}
    return [StageRow(value, label, found[value]["count"], found[value]["overdue"],
                     working_days_between(timezone.localdate(found[value]["oldest"]), today,
                                          nation))
            for value, label in wanted if value in found]
