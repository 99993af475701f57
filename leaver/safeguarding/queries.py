"""Reads for the safeguarding pages and for the kernel's hooks: the leads' list, one concern's
page, what waits on a lead's "Your work", a case's concerns as others may see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.concerns import ConcernSummary, ConcernWork
from leaver.cases.models import Interview
from leaver.safeguarding import access, config, telling
from leaver.safeguarding.models import OPEN, Concern, Status


def open_concerns(organisation_id: int) -> QuerySet[Concern]:
    """Every open concern of the organisation, the one due first at the top."""
    return (Concern.objects.filter(organisation_id=organisation_id, status__in=OPEN)
            .select_related("interview", "setting").order_by("acknowledge_by", "id"))


def recently_closed(organisation_id: int, count: int = 20) -> QuerySet[Concern]:
    return (Concern.objects.filter(organisation_id=organisation_id, status=Status.CLOSED)
            .select_related("interview", "setting").order_by("-closed_at", "-id")[:count])


def raised_by(user: User) -> QuerySet[Concern]:
    """The concerns this person raised (by hand or by the answers they recorded)."""
    return access.concerns_visible_to(user).filter(raised_by=user).select_related(
        "interview", "setting")


def status_words(concern: Concern, now: dt.datetime | None = None) -> str:
    """The status as everyone who sees the case may read it: no words of the concern."""
    now = now or timezone.now()
    if concern.status == Status.RAISED:
        late = " (overdue)" if now > concern.acknowledge_by else ""
        return f"Raised, not yet acknowledged: due by {telling.when(concern.acknowledge_by)}" \
               f"{late}"
    if concern.status == Status.ACKNOWLEDGED:
        return "Acknowledged by a safeguarding lead: outcome not yet recorded"
    return f"Closed: {concern.get_outcome_display().lower()}"


def todo(concern: Concern, now: dt.datetime) -> str:
    if concern.status == Status.RAISED:
        return ("Overdue: acknowledge now" if now > concern.acknowledge_by
                else f"Acknowledge by {telling.when(concern.acknowledge_by)}")
    if concern.outcome:
        return "Check the outcome and close the concern"
    return "Record the outcome"


def summaries(user: User, case: Interview) -> list[ConcernSummary]:
    now = timezone.now()
    readable = set(access.concerns_visible_to(user).filter(interview=case)
                   .values_list("pk", flat=True))
    return [ConcernSummary(
        raised_at=c.raised_at, status=status_words(c, now), is_open=c.is_open,
        url=reverse("safeguarding:concern", args=[c.public_id]) if c.pk in readable else None)
        for c in Concern.objects.filter(interview=case).order_by("raised_at", "id")]


def work_for(user: User) -> list[ConcernWork]:
    if not access.is_lead_here(user):
        return []
    assert user.organisation_id is not None
    now = timezone.now()
    return [ConcernWork(
        name=c.interview.leaver_name, url=reverse("safeguarding:concern", args=[c.public_id]),
        hint=f"{c.setting.name} · raised {telling.when(c.raised_at)}", todo=todo(c, now),
        overdue=c.status == Status.RAISED and now > c.acknowledge_by)
        for c in open_concerns(user.organisation_id)]


@dataclass(frozen=True)
class Receivers:
    """Who a new concern goes to, in words for the person who raised it."""

    words: str
    instead: bool  # no safeguarding lead: the CSMs were told instead


def receivers(organisation_id: int) -> Receivers:
    if config.leads(organisation_id).exists():
        return Receivers("your organisation's safeguarding leads", False)
    return Receivers("your organisation's Children's Services Managers, because it has no "
                     "safeguarding lead in Leaver", True)


def settings_summary(organisation_id: int) -> list[tuple[str, str]]:
    found = config.settings_for(organisation_id)
    lead_ids = set(config.leads(organisation_id).values_list("pk", flat=True))
    deputies = config.deputy_ids(organisation_id) & lead_ids
    lead_count = len(lead_ids)
    return [
        ("Out-of-hours phone number", found.out_of_hours_phone or "Not filled in"),
        ("Time to acknowledge a concern", f"{found.acknowledge_hours} working hours"),
        ("Pattern", f"{found.pattern_count} concerns about one place within "
                    f"{found.pattern_months} months"),
        ("Safeguarding leads", f"{lead_count}, of whom {len(deputies)} deputies"
         if lead_count else "None: give someone the safeguarding lead role"),
    ]
