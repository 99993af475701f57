"""Template filters for any case, whatever its pathway: its state's words, its page, and a
deadline as a GOV.UK tag."""

from __future__ import annotations

from django import template

from leaver.cases import engine
from leaver.cases.deadlines import Deadline, Urgency
from leaver.cases.models import Interview

register = template.Library()


@register.filter
def state_label(case: Interview) -> str:
    return engine.state_label(case)


@register.filter
def case_url(case: Interview) -> str:
    return engine.case_url(case)


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
