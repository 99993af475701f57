"""The emails safeguarding sends. Like every Leaver email they say what to do and by when, with
a link, and never anything personal: no name, no place, no words. Each carries a dedupe key
for the outbox, so a step repeated (a scan run twice) never sends a second message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.notifications.email import notify
from leaver.safeguarding import config
from leaver.safeguarding.models import Concern, Pattern


def when(moment: dt.datetime) -> str:
    """"12:00 on Monday 3 March 2027", in UK time."""
    local = timezone.localtime(moment)
    return f"{local:%H:%M} on {local:%A} {local.day} {local:%B %Y}"


def concern_path(concern: Concern) -> str:
    return reverse("safeguarding:concern", args=[concern.public_id])


def first_recipients(concern: Concern) -> tuple[list[User], bool]:
    """Who is told at once: every safeguarding lead; the CSMs if there is none (True)."""
    found = list(config.leads(concern.organisation_id))
    if found:
        return found, False
    return list(config.csms(concern.organisation_id)), True


def _first_path(concern: Concern, instead: bool) -> str:
    """The leads' link is the concern; the CSMs told instead cannot read it (only the leads
    and whoever raised it may), so theirs is the case, which shows the concern's status."""
    return engine.case_url(concern.interview) if instead else concern_path(concern)


def raised(concern: Concern) -> None:
    people, instead = first_recipients(concern)
    notify(people, subject=f"A safeguarding concern needs acknowledging by "
                           f"{when(concern.acknowledge_by)}",
           path=_first_path(concern, instead), organisation_id=concern.organisation_id,
           dedupe_key=f"safeguarding:raised:{concern.public_id}",
           action=("Make sure the safeguarding concern is dealt with: your organisation has "
                   "no safeguarding lead in Leaver to acknowledge it") if instead
           else "Acknowledge the safeguarding concern",
           due=timezone.localdate(concern.acknowledge_by))


def answer_added(concern: Concern, trigger_count: int) -> None:
    """Another answer joined an open concern: the leads should read it."""
    people, instead = first_recipients(concern)
    notify(people, subject="A safeguarding concern has another answer to read",
           path=_first_path(concern, instead), organisation_id=concern.organisation_id,
           dedupe_key=f"safeguarding:answer_added:{concern.public_id}:{trigger_count}",
           action="Read the new answer in the safeguarding concern")


def escalated(concern: Concern, round_: int) -> None:
    """Not acknowledged in time: the deputies (to acknowledge it) and the CSMs (to make sure
    someone does; they cannot read it, so their link is the case, which shows its status)."""
    deputies = config.deputies(concern.organisation_id)
    overdue = when(concern.acknowledge_by)
    notify(deputies, subject=f"A safeguarding concern was not acknowledged by {overdue}: "
                             "acknowledge it now",
           path=concern_path(concern), organisation_id=concern.organisation_id,
           dedupe_key=f"safeguarding:escalation:{concern.public_id}:{round_}:deputies",
           action="Acknowledge the safeguarding concern now",
           due=timezone.localdate())
    told = {d.pk for d in deputies}
    managers = [m for m in config.csms(concern.organisation_id) if m.pk not in told]
    notify(managers, subject=f"A safeguarding concern was not acknowledged by {overdue}: "
                             "make sure a safeguarding lead acknowledges it now",
           path=engine.case_url(concern.interview), organisation_id=concern.organisation_id,
           dedupe_key=f"safeguarding:escalation:{concern.public_id}:{round_}:managers",
           action="Make sure a safeguarding lead acknowledges the concern",
           due=timezone.localdate())


def pattern_noticed(pattern: Pattern, people: Iterable[User]) -> None:
    notify(people, subject=f"Safeguarding concerns about one place have reached "
                           f"{pattern.count} in {pattern.months} months",
           path=reverse("safeguarding:pattern", args=[pattern.public_id]),
           organisation_id=pattern.organisation_id,
           dedupe_key=f"safeguarding:pattern:{pattern.public_id}",
           action="Look at the pattern of safeguarding concerns")
