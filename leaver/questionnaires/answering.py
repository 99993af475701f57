"""A questionnaire version as a form to answer, with conditions applied on the server.

Conditions hold on the server whatever the browser did: an answer to a question that is not
shown is discarded, and "required" applies only to questions that are shown. Without
JavaScript every question is on the page and a conditional one says when to answer it.
A note is text with nothing to record; a constraint is checked on the server, its message in
the author's words (or the rule in plain words) shown with what was typed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django import forms

from leaver.core import limits
from leaver.questionnaires import conditions
from leaver.questionnaires.constraints import NoteField, rule_in_words
from leaver.questionnaires.hints import describe
from leaver.questionnaires.spec import (
    APPEARANCES,
    CHOICE_TYPES,
    DEFAULT_LANGUAGE,
    NOT_ANSWERED,
    NOT_ANSWERED_VALUES,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Text,
)
from leaver.ui.widgets import InlineRadioSelect, LimitedTextField

Answer = str | list[str]

# Faces beside a 1–5 scale for young people (DESIGN §3). Screen readers read them out
# ("slightly smiling face"), which says the same thing as the words beside them.
FACES = {"1": "😞", "2": "🙁", "3": "😐", "4": "🙂", "5": "😀"}


def words(text: Text, language: str) -> str:
    return text.get(language) or text.get(DEFAULT_LANGUAGE, "")


def with_not_answered(item: Item) -> tuple[Choice, ...]:
    """The choices offered for `item`: its own, then "Did not want to answer" and "Not asked"
    for every closed question (an author's own choice of the same value is kept)."""
    if item.type not in CHOICE_TYPES:
        return item.choices
    own = {c.value for c in item.choices}
    return (*item.choices, *(c for c in NOT_ANSWERED if c.value not in own))


# A choice of a multiple choice that cannot go with any other ("none" by convention).
EXCLUSIVE = NOT_ANSWERED_VALUES | {"none"}


def item_label(item: Item, language: str, easy_read: bool) -> str:
    if easy_read and item.easy_read:
        return words(item.easy_read, language)
    return words(item.label, language)


def answer_to(label: str) -> str:
    """An answer in a message: "The answer to “How was school?” must be …"."""
    return f"The answer to “{label}”"


class AnswerForm(forms.Form):
    """The items of some sections of `questionnaire` (all by default)."""

    def __init__(self, data: Mapping[str, Any] | None = None, *, questionnaire: Questionnaire,
                 sections: list[str] | None = None, language: str = DEFAULT_LANGUAGE,
                 easy_read: bool = False, earlier: Mapping[str, Answer] | None = None,
                 faces: bool = False, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.questionnaire = questionnaire
        self.language = language
        self.easy_read = easy_read
        self.faces = faces
        self.earlier = dict(earlier or {})
        self.sections = [s for s in questionnaire.sections
                         if sections is None or s.key in sections]
        known = questionnaire.keys()
        labels = {i.key: item_label(i, language, easy_read) for i in questionnaire.items()}
        wording = {i.key: {c.value: words(c.label, language) for c in with_not_answered(i)}
                   for i in questionnaire.items()}
        self._relevant = {}
        self._constraint = {}
        for section in questionnaire.sections:
            self._relevant[section.key] = conditions.parse(section.relevant, known)
            for item in section.items:
                self._relevant[item.key] = conditions.parse(item.relevant, known)
                self._constraint[item.key] = conditions.parse(item.constraint, known, item.key)
        for section in self.sections:
            for item in section.items:
                field = self._field(item)
                node = self._relevant[item.key]
                hints = [words(text, language) for text in (item.hint, item.guidance_hint)
                         if text]
                if item.relevant:
                    hints.append(describe(node, labels, wording))
                    field.widget.attrs["data-relevant"] = json.dumps(conditions.to_json(node))
                field.help_text = " ".join(hints)
                if item.constraint:
                    # Checked in the browser as the form is sent, with the server's message;
                    # the server checks it again whatever the browser did (clean).
                    rule = self._constraint[item.key]
                    field.widget.attrs["data-constraint"] = json.dumps({
                        "rule": conditions.to_json(rule), "message": words(
                            item.constraint_message, language) if item.constraint_message
                        else rule_in_words(rule, item.key, labels[item.key])})
                if item.type in CHOICE_TYPES:
                    # Shown after an "or" divider; on a multiple choice they stand alone.
                    field.divider_before = NOT_ANSWERED[0].value  # type: ignore[attr-defined]
                    field.exclusive = sorted(EXCLUSIVE)  # type: ignore[attr-defined]
                if item.default:
                    field.initial = (item.default.split() if item.type == ItemType.MULTIPLE_CHOICE
                                     else item.default)
                self.fields[item.key] = field

    def _field(self, item: Item) -> forms.Field:
        label = item_label(item, self.language, self.easy_read)
        if item.type == ItemType.NOTE:
            return NoteField(label=label)
        choices = [(c.value, words(c.label, self.language)) for c in with_not_answered(item)]
        if item.type == ItemType.SCALE and self.faces:
            choices = [(value, f"{FACES.get(value, '')} {text}".strip())
                       for value, text in choices]
        if item.type in (ItemType.YES_NO_NOT_SURE, ItemType.SCALE):
            return forms.ChoiceField(label=label, choices=choices, required=False,
                                     widget=InlineRadioSelect)
        if item.type == ItemType.SINGLE_CHOICE:
            side_by_side = APPEARANCES & set(item.appearance.split())
            return forms.ChoiceField(label=label, choices=choices, required=False,
                                     widget=InlineRadioSelect if side_by_side
                                     else forms.RadioSelect)
        if item.type == ItemType.MULTIPLE_CHOICE:
            return forms.MultipleChoiceField(label=label, choices=choices, required=False,
                                             widget=forms.CheckboxSelectMultiple)
        if item.type == ItemType.DATE:
            return forms.DateField(label=label, required=False, widget=forms.DateInput(
                attrs={"type": "date"}, format="%Y-%m-%d"), error_messages={
                "invalid": f"Enter a real date for “{label}”, like 2026-03-27."})
        if item.type == ItemType.NUMBER:
            return forms.DecimalField(label=label, required=False, error_messages={
                "invalid": f"Enter a number for “{label}”."})
        widget = forms.Textarea(attrs={"rows": 3}) if item.type == ItemType.LONG_TEXT else None
        return LimitedTextField(label=label, required=False, widget=widget,
                                limit=limits.ANSWER, what=answer_to(label))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seen: dict[str, Answer] = {}
        for key, value in self.earlier.items():
            seen[key] = value
        for section in self.questionnaire.sections:
            section_shown = conditions.evaluate(self._relevant[section.key], seen)
            for item in section.items:
                shown = section_shown and conditions.evaluate(self._relevant[item.key], seen)
                if item.key not in self.fields:
                    if not shown:
                        seen.pop(item.key, None)
                    continue
                if not shown:
                    # Hidden: whatever was sent for it is discarded, and it is never required.
                    data.pop(item.key, None)
                    self.errors.pop(item.key, None)
                    seen.pop(item.key, None)
                    continue
                value = _as_answer(data.get(item.key))
                label = self.fields[item.key].label
                if isinstance(value, list) and len(value) > 1 and EXCLUSIVE & set(value):
                    picked = EXCLUSIVE & set(value)
                    alone = " or ".join(f"“{words(c.label, self.language)}”"
                                        for c in with_not_answered(item) if c.value in picked)
                    self.add_error(item.key, f"For “{label}”, choose {alone} on its own, "
                                             "without other answers")
                elif value:
                    seen[item.key] = value
                    self._check(item, str(label), seen)
                elif item.required and item.type != ItemType.NOTE \
                        and item.key not in self.errors:
                    self.add_error(item.key, _missing(item, str(label), self.language))
        self.visible_answers = {k: v for k, v in seen.items() if k in self.fields}
        return data


    def _check(self, item: Item, label: str, seen: Mapping[str, Answer]) -> None:
        """The constraint on `item`, where `.` is its answer; not-answered choices pass."""
        answer = seen[item.key]
        chosen = set(answer) if isinstance(answer, list) else {answer}
        if not item.constraint or item.key in self.errors or chosen & NOT_ANSWERED_VALUES:
            return
        node = self._constraint[item.key]
        if not conditions.evaluate(node, seen):
            self.add_error(item.key, words(item.constraint_message, self.language)
                           if item.constraint_message else rule_in_words(node, item.key, label))


def _missing(item: Item, label: str, language: str) -> str:
    if item.required_message:
        return words(item.required_message, language)
    if item.type in CHOICE_TYPES:
        return (f"Record an answer to “{label}”: if they did not answer, choose “Did not want "
                "to answer” or “Not asked”")
    return f"Answer “{label}”"


def _as_answer(value: Any) -> Answer:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
