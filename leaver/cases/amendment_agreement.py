"""Agreement to amend a locked record, for every pathway (issue 14: "a locked record can be
amended by the interviewer with the IRO's (or HR lead's) agreement").

The interviewer asks with a reason; the reviewer the pathway names (the IRO, the HR lead)
agrees, or refuses with a reason, by POST; only then may the interviewer amend
(leaver.cases.amending), and one agreement allows one amendment: the version it made is kept
with it. Each pathway names the three steps with the same transition names (ASK, AGREE,
REFUSE), so the engine checks who may take them and writes their audit rows. The audit keeps
the agreement's id, never the reasons' words (they may quote the record).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import AgreementStatus, AmendmentAgreement, Interview, RecordVersion
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Role

ASK = "ask_to_amend"
AGREE = "agree_to_amend"
REFUSE = "refuse_to_amend"


def waiting(case: Interview) -> AmendmentAgreement | None:
    """The request to amend that no one has decided yet."""
    return (AmendmentAgreement.objects.filter(interview=case, status=AgreementStatus.ASKED)
            .select_related("asked_by").first())


def agreed_for(actor: User, case: Interview) -> AmendmentAgreement | None:
    """The agreement `actor` has and has not used yet."""
    return (AmendmentAgreement.objects.filter(interview=case, asked_by=actor,
                                              status=AgreementStatus.AGREED)
            .select_related("decided_by").first())


def history(case: Interview) -> list[AmendmentAgreement]:
    return list(AmendmentAgreement.objects.filter(interview=case).select_related(
        "asked_by", "decided_by", "version"))


def needs_agreement(actor: User, case: Interview, agreed_by: frozenset[Role]) -> bool:
    """Whether `actor` needs someone's agreement to amend: yes, unless they hold one of the
    roles that would give it (an HR lead amends directly)."""
    return bool(agreed_by) and not engine.acts_as_any(actor, case, agreed_by)


def refuse_without_agreement(actor: User, case: Interview, agreed_by: frozenset[Role]
                             ) -> AmendmentAgreement | None:
    """The agreement that allows `actor`'s amendment; ActionRefused when one is needed and
    there is none. None: no agreement is needed."""
    if not needs_agreement(actor, case, agreed_by):
        return None
    agreement = agreed_for(actor, case)
    if agreement is None:
        who = " or ".join(engine.definition_of(case).phrase(r) for r in sorted(agreed_by))
        raise ActionRefused(
            f"You need the agreement of {who} before you amend this record. Ask to amend it "
            "first.", back_url=engine.record_url(case), back_label="Back to the record")
    return agreement


def panel(user: User, case: Interview, agreed_by: frozenset[Role]) -> dict[str, Any]:
    """What a record page shows of agreements (cases/_amendment_agreement.html), and whether
    `user` may amend now as far as agreement goes (`may_amend_now`)."""
    asked = waiting(case)
    needs = needs_agreement(user, case, agreed_by)
    agreed = agreed_for(user, case) if needs else None
    return {
        "waiting": asked,
        "may_ask": needs and asked is None and agreed is None and engine.may(user, case, ASK),
        "may_decide": asked is not None and asked.asked_by_id != user.pk
        and engine.may(user, case, AGREE),
        "may_amend_now": not needs or agreed is not None,
        "history": history(case),
    }


def use(agreement: AmendmentAgreement | None, version: RecordVersion) -> None:
    """The amendment is made: the agreement allowed this version and allows no other."""
    if agreement is None:
        return
    agreement.status = AgreementStatus.USED
    agreement.version = version
    agreement.save(update_fields=["status", "version"])


def _reason(text: str, missing: str) -> str:
    why = text.strip()
    if not why:
        raise ActionRefused(missing)
    limits.refuse_if_too_long(why, limits.REASON, "The reason")
    return why


@transaction.atomic
def ask(*, actor: User, case: Interview, reason: str) -> AmendmentAgreement:
    """The interviewer asks to amend the locked record, saying why."""
    case = engine.lock(case)
    engine.check(actor, case, ASK)
    why = _reason(reason, "Say why the record needs to be amended.")
    if not hasattr(case, "record"):
        raise ActionRefused("There is no record to amend yet.")
    if waiting(case) is not None:
        raise ActionRefused("A request to amend this record is already waiting for a "
                            "decision.")
    if agreed_for(actor, case) is not None:
        raise ActionRefused("You already have agreement to amend this record.")
    agreement = AmendmentAgreement.objects.create(
        interview=case, asked_by=actor, asked_at=timezone.now(), reason=why)
    engine.take(actor, case, ASK, agreement=str(agreement.public_id))
    return agreement


@transaction.atomic
def decide(*, actor: User, case: Interview, agree: bool, reason: str = ""
           ) -> AmendmentAgreement:
    """The reviewer agrees to the waiting request, or refuses it with a reason."""
    case = engine.lock(case)
    name = AGREE if agree else REFUSE
    engine.check(actor, case, name)
    agreement = waiting(case)
    if agreement is None:
        raise ActionRefused("There is no request to amend this record waiting for a decision.",
                            back_url=engine.record_url(case), back_label="Back to the record")
    if agreement.asked_by_id == actor.pk:
        raise ActionRefused("Someone else must decide on your own request to amend.")
    if not agree:
        agreement.refusal_reason = _reason(reason, "Say why you refuse the amendment.")
    agreement.status = AgreementStatus.AGREED if agree else AgreementStatus.REFUSED
    agreement.decided_by = actor
    agreement.decided_at = timezone.now()
    agreement.save(update_fields=["status", "decided_by", "decided_at", "refusal_reason"])
    engine.take(actor, case, name, agreement=str(agreement.public_id))
    return agreement
