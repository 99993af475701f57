"""Template filters for any case, whatever its pathway: its state's words and its page."""

from __future__ import annotations

from django import template

from leaver.cases import engine
from leaver.cases.models import Interview

register = template.Library()


@register.filter
def state_label(case: Interview) -> str:
    return engine.state_label(case)


@register.filter
def case_url(case: Interview) -> str:
    return engine.case_url(case)
