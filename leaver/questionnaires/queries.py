"""Reading answers recorded against questionnaire versions.

An answer's `value` is text. A multiple-choice answer is its choice values separated by single
spaces, as XLSForm stores `select_multiple` (choice values are XLSForm names: no spaces).
"""

from __future__ import annotations

from collections.abc import Mapping

from leaver.questionnaires import conditions
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import with_not_answered
from leaver.questionnaires.spec import Item, ItemType, Questionnaire


def to_text(value: Value) -> str:
    """How an answer is stored."""
    if isinstance(value, list | tuple):
        return " ".join(value)
    return value


def from_text(item_type: ItemType | None, text: str) -> Value:
    """A stored answer as the answering form and the conditions take it."""
    if item_type == ItemType.MULTIPLE_CHOICE:
        return text.split()
    return text


def shown_items(questionnaire: Questionnaire, answers: Mapping[str, Value]) -> set[str]:
    """The keys of the items shown, given the answers (conditions applied in order). Notes
    are not among them: they record nothing, so a record never lists them."""
    known = questionnaire.keys()
    seen: dict[str, Value] = {}
    shown: set[str] = set()
    for section in questionnaire.sections:
        section_shown = conditions.evaluate(conditions.parse(section.relevant, known), seen)
        for item in section.items:
            if item.type == ItemType.NOTE:
                continue
            if section_shown and conditions.evaluate(conditions.parse(item.relevant, known), seen):
                shown.add(item.key)
                if answers.get(item.key):
                    seen[item.key] = answers[item.key]
    return shown


def answer_words(item: Item, value: Value, language: str = "en") -> str:
    """An answer as the reader sees it: choice labels rather than values ("Did not want to
    answer" and "Not asked" included)."""
    choices = with_not_answered(item)
    if not choices:
        return to_text(value)
    labels = {c.value: c.label.get(language) or c.label.get("en", c.value) for c in choices}
    values = value if isinstance(value, list) else [value]
    return ", ".join(labels.get(v, v) for v in values)
