"""Reasons for leaving: the choices of the `reason_for_leaving` item of the organisation's
published staff questionnaire (seed `staff-exit`), so the reason recorded with a leaver and
the one they give in the interview come from one list, and reports compare like with like."""

from __future__ import annotations

from leaver.cases.models import Interview
from leaver.organisations.models import Pathway, Setting
from leaver.questionnaires.models import Version
from leaver.questionnaires.selection import version_for

REASON_ITEM = "reason_for_leaving"


def staff_version(organisation_id: int, setting: Setting | None = None) -> Version | None:
    """The published staff questionnaire a new leaver's interview uses (None: none yet)."""
    return version_for(organisation_id=organisation_id, pathway=Pathway.STAFF, setting=setting)


def reason_choices(version: Version | None, language: str = "en") -> list[tuple[str, str]]:
    """(code, label) of each reason the questionnaire offers, in its order."""
    if version is None:
        return []
    for item in version.questionnaire.items():
        if item.key == REASON_ITEM:
            return [(c.value, c.label.get(language) or c.label.get("en", c.value))
                    for c in item.choices]
    return []


def reason_label(case: Interview, code: str) -> str:
    """The words of a recorded reason, from the version the case uses."""
    return dict(reason_choices(case.questionnaire_version)).get(code, code)
