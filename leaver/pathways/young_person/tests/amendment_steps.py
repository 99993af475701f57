"""The amendment's steps for the transition table test (test_transitions.py): each step's
action, what it changes, and what a case needs before it (a request to decide on; an
agreement and a change to amend with)."""

from __future__ import annotations

from collections.abc import Callable

from leaver.accounts.models import User
from leaver.cases import amendment_agreement
from leaver.cases.models import AgreementStatus, AmendmentAgreement, Interview
from leaver.pathways.young_person import amending as yp_amending
from leaver.questionnaires.seeding import seed
from leaver.testing import Cast, full_answers

ACTS: dict[str, Callable[[Cast, Interview, User], object]] = {
    "ask_to_amend": lambda cast, i, actor: amendment_agreement.ask(
        actor=actor, case=i, reason="A word is wrong."),
    "agree_to_amend": lambda cast, i, actor: amendment_agreement.decide(
        actor=actor, case=i, agree=True),
    "refuse_to_amend": lambda cast, i, actor: amendment_agreement.decide(
        actor=actor, case=i, agree=False, reason="The record is right."),
    "amend_record": lambda cast, i, actor: yp_amending.amend(
        actor=actor, case=i, reason="Corrected a word."),
}
NEEDS_A_REQUEST = {"agree_to_amend", "refuse_to_amend", "amend_record"}


def _status(i: Interview) -> str:
    agreement = AmendmentAgreement.objects.filter(interview=i).first()
    return agreement.status if agreement else ""


EFFECTS: dict[str, Callable[[Interview], bool]] = {
    "ask_to_amend": lambda i: _status(i) == AgreementStatus.ASKED,
    "agree_to_amend": lambda i: _status(i) == AgreementStatus.AGREED,
    "refuse_to_amend": lambda i: _status(i) == AgreementStatus.REFUSED,
    "amend_record": lambda i: i.record_versions.filter(
        number=2, reason="Corrected a word.").exists(),
}


def prepare(cast: Cast, interview: Interview, name: str) -> None:
    """Deciding needs a request; amending needs an agreement and a change made."""
    if name not in NEEDS_A_REQUEST:
        return
    amendment_agreement.ask(actor=cast.interviewer, case=interview, reason="A word.")
    if name != "amend_record":
        return
    amendment_agreement.decide(actor=cast.iro, case=interview, agree=True)
    section = next(s for s in seed("yp-appendix-1").sections if s.key == "moving_on")
    given = full_answers(who_decided="My social worker and me.")
    yp_amending.save_section(actor=cast.interviewer, case=interview, section_key="moving_on",
                             answers={i.key: given[i.key] for i in section.items
                                      if i.key in given})
