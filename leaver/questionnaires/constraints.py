"""What the answering form needs for XLSForm notes and constraints: a field that shows a
note and records nothing, and a constraint in plain words when its author wrote no message."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.safestring import SafeString

from leaver.questionnaires.conditions import And, Compare, Node, format_number, parse_date

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

_NUMBER = {"=": "", "!=": "other than ", "<": "less than ", "<=": "at most ",
           ">": "more than ", ">=": "at least "}
_DATE = {"=": "", "!=": "a date other than ", "<": "before ", "<=": "on or before ",
         ">": "after ", ">=": "on or after "}


class NoteWidget(forms.Widget):
    """Nothing to type or choose: the note is the field's label."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None,
               renderer: Any = None) -> SafeString:
        return SafeString("")

    def value_from_datadict(self, data: Any, files: Any, name: str) -> None:
        return None


class NoteField(forms.Field):
    """An XLSForm note: its words are shown, and whatever is sent for it is ignored."""

    widget = NoteWidget

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, disabled=True, **kwargs)


def _part(node: Node, key: str) -> str | None:
    if not isinstance(node, Compare) or node.key != key:
        return None
    if isinstance(node.value, float):
        return f"{_NUMBER[node.op]}{format_number(node.value)}"
    day = parse_date(node.value)
    if day is not None:
        return f"{_DATE[node.op]}{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"“{node.value}”" if node.op == "=" else f"other than “{node.value}”"


def rule_in_words(node: Node, key: str, label: str) -> str:
    """ "The answer to “Age?” must be at least 10 and at most 25", or, for a rule with other
    questions in it or other shapes, a sentence that says to check the answer."""
    parts: list[str | None] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, And):
            stack += [current.right, current.left]
        else:
            parts.append(_part(current, key))
    if all(parts):
        return f"The answer to “{label}” must be {' and '.join(p for p in parts if p)}"
    return f"The answer to “{label}” is not one this question accepts: check it and try again"
