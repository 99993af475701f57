"""Amending the young person's locked record (issue 14): the interviewer asks, the allocated
IRO agrees (leaver.cases.amendment_agreement), and the interviewer changes the answers and
says why. The kernel's leaver.cases.amending keeps each version with who, when and why and
its hash; the case's state stays. One agreement allows one amendment."""

from __future__ import annotations

from collections.abc import Mapping

from leaver.accounts.models import User
from leaver.cases import amending
from leaver.cases.models import Interview, RecordVersion
from leaver.organisations.models import Role
from leaver.questionnaires.answering import Answer as Value

AMEND = "amend_record"
AGREED_BY = frozenset({Role.IRO})


def check_may_amend(actor: User, case: Interview) -> None:
    amending.check_may_amend(actor, case, AMEND, AGREED_BY)


def save_section(*, actor: User, case: Interview, section_key: str,
                 answers: Mapping[str, Value]) -> Interview:
    return amending.save_section(actor=actor, case=case, transition=AMEND,
                                 section_key=section_key, answers=answers, agreed_by=AGREED_BY)


def amend(*, actor: User, case: Interview, reason: str) -> RecordVersion:
    return amending.amend(actor=actor, case=case, transition=AMEND, reason=reason,
                          agreed_by=AGREED_BY)
