"""Seeded questionnaires: the workbooks in leaver/questionnaires/seeds/ are the source of truth."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from leaver.accounts.models import User
from leaver.organisations.models import Organisation, Pathway
from leaver.questionnaires import actions
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.models import Version
from leaver.questionnaires.queries import shown_items
from leaver.questionnaires.spec import ItemType, Questionnaire
from leaver.questionnaires.xlsform import read_xlsform

SEEDS = Path(__file__).resolve().parent / "seeds"
YOUNG_PERSON = "yp-appendix-1"


@functools.cache
def seed(name: str) -> Questionnaire:
    """The parsed seed workbook `name` (read once per process)."""
    return read_xlsform(SEEDS / f"{name}.xlsx")


def publish_seed(organisation: Organisation, *, name: str = YOUNG_PERSON,
                 pathway: Pathway = Pathway.YOUNG_PERSON, actor: User | None = None) -> Version:
    """Import the seed workbook for the organisation and publish it."""
    draft = actions.save_draft(actor=actor, organisation=organisation, pathway=pathway,
                               questionnaire=seed(name))
    return actions.publish(actor=actor, version=draft)


def sample_answers(text: str, name: str = YOUNG_PERSON, *,
                   said: Mapping[str, Value] | None = None,
                   open_answers: Mapping[str, str] | None = None) -> dict[str, Value]:
    """Every question of seed `name` answered, for demo data and tests: what `said` gives
    for its keys; otherwise "yes" to each choice question, the first choice of each multiple
    choice, `open_answers` (or `text`) to each open question, comments left empty; only the
    questions shown given those answers, and no empty answer."""
    questionnaire = seed(name)
    said = said or {}
    answers: dict[str, Value] = {}
    for item in questionnaire.items():
        if item.key in said:
            answers[item.key] = said[item.key]
        elif item.key.endswith("_comment"):
            continue
        elif item.type == ItemType.MULTIPLE_CHOICE:
            answers[item.key] = [item.choices[0].value]
        elif item.choices:
            answers[item.key] = "yes"
        else:
            answers[item.key] = (open_answers or {}).get(item.key, text)
    shown = shown_items(questionnaire, answers)
    return {key: value for key, value in answers.items() if key in shown and value}
