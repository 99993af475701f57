"""A comparison of two versions of a record as its reader sees it: each changed answer with
the question's words and the answers' words (leaver.cases.versions finds the changes). Every
pathway's amendment and version pages show it."""

from __future__ import annotations

from typing import Any

from leaver.cases import versions
from leaver.questionnaires.answering import item_label
from leaver.questionnaires.queries import answer_words, from_text
from leaver.questionnaires.spec import Questionnaire


def change_rows(questionnaire: Questionnaire | None, changes: list[versions.Change]
                ) -> list[dict[str, str]]:
    """Each change as the reader sees it: the question's words and the answers' words."""
    items = {i.key: i for i in questionnaire.items()} if questionnaire else {}
    rows = []
    for change in changes:
        item = items.get(change.key)
        if item is None:
            rows.append({"label": change.key.replace("_", " ").capitalize(),
                         "before": "" if change.before is None else str(change.before),
                         "after": "" if change.after is None else str(change.after)})
            continue

        def shown(value: Any, item: Any = item) -> str:
            if value in (None, ""):
                return ""
            return answer_words(item, from_text(item.type, str(value)))
        rows.append({"label": item_label(item, "en", False), "before": shown(change.before),
                     "after": shown(change.after)})
    return rows
