"""Amending the staff record (the kernel's leaver.cases.amending does the versions):

- after the leaver asked for corrections (`amend_record`): the interviewer changes the answers
  and says why, and the leaver gets a new link to check the corrected record;
- later (`amend_later`, the interviewer or an HR lead): a new version with who, when and why,
  the case's state and any sign-off unchanged (the sign-off stays with the version signed).
  The interviewer needs an HR lead's agreement first (leaver.cases.amendment_agreement).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction

from leaver.accounts.models import User
from leaver.cases import amending
from leaver.cases.models import Interview, RecordVersion
from leaver.organisations.models import Role
from leaver.pathways.staff.recording import send_review_link
from leaver.pathways.staff.states import State
from leaver.questionnaires.answering import Answer as Value

CORRECT = "amend_record"
LATER = "amend_later"
KINDS = (CORRECT, LATER)
# Whose agreement an interviewer's later amendment needs (the leaver's own corrections need
# none: the leaver asked for them).
AGREED_BY = frozenset({Role.HR_LEAD})


def agreed_by(case: Interview) -> frozenset[Role]:
    return frozenset() if transition_for(case) == CORRECT else AGREED_BY


def transition_for(case: Interview) -> str:
    """Which amendment the case is in for: corrections the leaver asked for, or later."""
    return CORRECT if case.state == State.CORRECTIONS_REQUESTED else LATER


def save_section(*, actor: User, case: Interview, section_key: str,
                 answers: Mapping[str, Value]) -> Interview:
    return amending.save_section(actor=actor, case=case, transition=transition_for(case),
                                 section_key=section_key, answers=answers,
                                 agreed_by=agreed_by(case))


@transaction.atomic
def amend(*, actor: User, case: Interview, reason: str) -> RecordVersion:
    """Finish the amendment. After corrections were asked for, the leaver is sent the
    corrected record to check (even unchanged, if the interviewer disagrees and says why)."""
    transition = transition_for(case)
    if transition == CORRECT:
        version = amending.amend(actor=actor, case=case, transition=CORRECT, reason=reason,
                                 require_change=False)
        send_review_link(Interview.objects.select_related("record", "staff_leaver").get(
            pk=case.pk), actor=actor, again=True)
        return version
    return amending.amend(actor=actor, case=case, transition=LATER, reason=reason,
                          agreed_by=AGREED_BY)
