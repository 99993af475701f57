"""Template filters and tags for any case, whatever its pathway: its state's words, its page,
its safeguarding concerns as everyone who sees the case may see them, and a deadline as a
GOV.UK tag."""

from __future__ import annotations

from typing import Any

from django import template

from leaver.cases import concerns, engine
from leaver.cases.deadlines import Deadline, Urgency
from leaver.cases.models import Interview

register = template.Library()


@register.filter
def state_label(case: Interview) -> str:
    return engine.state_label(case)


@register.filter
def case_url(case: Interview) -> str:
    return engine.case_url(case)


@register.inclusion_tag("cases/_concerns.html", takes_context=True)
def safeguarding(context: template.Context, case: Interview) -> dict[str, Any]:
    """That the case has safeguarding concerns and their status (never their words), with
    a link to read each for those who may, and "Raise a safeguarding concern" for those who
    may raise one (leaver.cases.concerns: filled in by leaver.safeguarding)."""
    user = context["request"].user
    return {"concerns": concerns.concerns_of(user, case),
            "raise_url": concerns.raise_url(user, case)}


@register.inclusion_tag("cases/_concern_work.html", takes_context=True)
def safeguarding_work(context: template.Context) -> dict[str, Any]:
    """The open concerns waiting for a safeguarding lead, for "Your work"."""
    return {"work": concerns.work_for(context["request"].user)}


_COLOURS = {Urgency.OVERDUE: "red", Urgency.DUE_SOON: "yellow", Urgency.ON_TRACK: "grey"}


@register.inclusion_tag("govuk/tag.html")
def deadline_tag(deadline: Deadline) -> dict[str, str]:
    """"Overdue" in red; "Due today" or "Due 3 March" in yellow when due soon, else grey."""
    if deadline.urgency == Urgency.OVERDUE:
        label = "Overdue"
    elif deadline.due == deadline.today:
        label = "Due today"
    else:
        day = deadline.due
        label = f"Due {day.day} {day:%B}" + (f" {day.year}" if day.year != deadline.today.year
                                             else "")
    return {"colour": _COLOURS[deadline.urgency], "label": label}


@register.filter
def working_days(count: int) -> str:
    return f"{count} working day{'s' if count != 1 else ''}"
