"""Seeded questionnaires: the workbooks in leaver/questionnaires/seeds/ are the source of truth."""

from __future__ import annotations

import functools
from pathlib import Path

from leaver.accounts.models import User
from leaver.organisations.models import Organisation, Pathway
from leaver.questionnaires import actions
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import Questionnaire
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
