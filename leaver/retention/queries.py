"""What retention's pages show: each pathway's schedule with its reasons, the cases due for
erasure in the next 30 days (a page at a time, a fixed number of queries at any size), the
cases on legal hold, a case's retention and the admin's search for a case by name."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import QueryDict

from leaver.cases.models import Interview
from leaver.organisations.models import Organisation, Pathway
from leaver.retention import rules
from leaver.retention.models import Erasure, LegalHold, Schedule
from leaver.retention.nightly import not_erased, on_hold
from leaver.ui.keyset import KeysetPage, keyset_page

AHEAD = dt.timedelta(days=30)
PER_PAGE = 25
SEARCH_RESULTS = 25


@dataclass(frozen=True)
class PathwayCard:
    pathway: str
    title: str
    schedule: Schedule
    rows: list[rules.Row]


TITLES = {Pathway.YOUNG_PERSON: "Young people leaving a placement",
          Pathway.STAFF: "Staff leaving a school"}


def cards(organisation: Organisation) -> list[PathwayCard]:
    return [PathwayCard(pathway, TITLES.get(Pathway(pathway), pathway), schedule,
                        rules.summary(schedule))
            for pathway, schedule in rules.schedules_of(organisation.pk).items()]


def _listed() -> QuerySet[Interview]:
    return Interview.objects.select_related("setting", "young_person", "staff_leaver").annotate(
        held=on_hold()).order_by("-created_at", "-pk")


def due_soon(organisation: Organisation, today: dt.date, got: QueryDict
             ) -> KeysetPage[Interview]:
    """The cases the schedule erases by 30 days from today (and any past their day but kept
    by a legal hold), each with `held` and `erase_on`: a page of PER_PAGE."""
    found = _listed().filter(rules.due_in(organisation.pk, today + AHEAD)).filter(not_erased())
    page = keyset_page(found, got, size=PER_PAGE)
    schedules = rules.schedules_of(organisation.pk)
    for case in page.items:
        case.erase_on = rules.erase_on(case, schedules[case.pathway])  # type: ignore[attr-defined]
    return page


def holds(organisation: Organisation) -> list[LegalHold]:
    return list(LegalHold.objects.filter(
        interview__organisation=organisation, lifted_at__isnull=True).select_related(
        "interview", "placed_by").order_by("-placed_at", "-pk")[:200])


def search(organisation: Organisation, name: str) -> list[Interview]:
    name = " ".join(name.split())
    if not name:
        return []
    return list(_listed().filter(organisation=organisation, leaver_name__icontains=name)
                .filter(not_erased())[:SEARCH_RESULTS])


@dataclass(frozen=True)
class CaseRetention:
    case: Interview
    erase_on: dt.date | None
    basis: str
    hold: LegalHold | None
    holds: list[LegalHold]
    erasure: Erasure | None


def case_retention(case: Interview) -> CaseRetention:
    schedule = rules.schedule_for(case.organisation_id, case.pathway)
    past = list(LegalHold.objects.filter(interview=case).select_related(
        "placed_by", "lifted_by"))
    return CaseRetention(
        case=case, erase_on=rules.erase_on(case, schedule), basis=rules.describe(schedule),
        hold=next((h for h in past if h.in_place), None), holds=past,
        erasure=Erasure.objects.filter(interview=case).select_related("by").first())
