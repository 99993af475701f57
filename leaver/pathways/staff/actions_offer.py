"""The offer and the links (seed 000): sending the offer of an exit interview, printing it
as a letter, recording that the leaver said no, their withdrawal, and a new link for the
step the leaver is on. One transaction, one audit row each; the email goes through the
outbox in the same transaction (leaver.cases.leaver_mail)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine, leaver_mail, links
from leaver.cases.models import Interview, LinkPurpose
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.core.working_days import add_working_days
from leaver.organisations.queries import deadlines_of
from leaver.pathways.staff import wording
from leaver.pathways.staff.models import TakingPart
from leaver.pathways.staff.states import State


def _back(case: Interview) -> dict[str, str]:
    return {"back_url": engine.case_url(case), "back_label": "Back to the case"}


@transaction.atomic
def send_offer(*, actor: User, interview: Interview) -> Interview:
    """Email the offer with a new link (a resend ends the link sent before). The leaver has
    the organisation's offer_days working days to reply."""
    case = engine.lock(interview)
    engine.check(actor, case, "send_offer")
    leaver = case.staff_leaver
    now = timezone.now()
    resent = case.state == State.OFFERED
    leaver.offer_sent_at = now
    leaver.reply_due = add_working_days(timezone.localdate(now),
                                        deadlines_of(case.organisation_id).offer_days,
                                        case.organisation.nation)
    leaver.reminder_sent_at = None
    leaver.save(update_fields=["offer_sent_at", "reply_due", "reminder_sent_at"])
    leaver_mail.send_link(case, purpose=LinkPurpose.OFFER, actor=actor, to=leaver.email,
                          subject=wording.SUBJECTS[LinkPurpose.OFFER],
                          paragraphs=wording.offer_paragraphs(case, leaver.reply_due))
    engine.take(actor, case, "send_offer", reply_due=leaver.reply_due.isoformat(),
                resent=resent)
    return case


def current_purpose(case: Interview) -> LinkPurpose | None:
    """The link the leaver needs now, if any."""
    if case.state == State.OFFERED:
        return LinkPurpose.OFFER
    if case.state == State.ACCEPTED and case.staff_leaver.taking_part == TakingPart.SELF:
        return LinkPurpose.SELF_COMPLETION
    if case.state == State.AWAITING_CONFIRMATION:
        return LinkPurpose.REVIEW
    return None


def _purpose(case: Interview) -> LinkPurpose:
    purpose = current_purpose(case)
    if purpose is None:
        raise ActionRefused("The leaver has nothing to do through a link at this step, so "
                            "there is no link to send.", **_back(case))
    return purpose


@transaction.atomic
def send_new_link(*, actor: User, interview: Interview) -> Interview:
    """Email a new link for the step the leaver is on; the old one stops working."""
    case = engine.lock(interview)
    engine.check(actor, case, "send_new_link")
    purpose = _purpose(case)
    leaver = case.staff_leaver
    leaver_mail.send_link(case, purpose=purpose, actor=actor, to=leaver.email,
                          subject=wording.SUBJECTS[purpose],
                          paragraphs=wording.paragraphs(case, purpose, leaver.reply_due))
    engine.take(actor, case, "send_new_link", purpose=str(purpose), how="email")
    return case


@transaction.atomic
def print_offer(*, actor: User, interview: Interview) -> str:
    """A new offer link for a printed letter. Only its hash is kept, so the link in the
    emailed offer cannot be printed again: this ends it. Returns the new token."""
    case = engine.lock(interview)
    engine.check(actor, case, "send_offer")
    if case.state != State.OFFERED:
        raise ActionRefused("Send the offer first; then you can print it as a letter.",
                            **_back(case))
    token = links.issue(case=case, purpose=LinkPurpose.OFFER, actor=actor)
    engine.take(actor, case, "send_new_link", purpose=str(LinkPurpose.OFFER), how="letter")
    return token


@transaction.atomic
def copy_link(*, actor: User, interview: Interview) -> str:
    """For trying Leaver out (DEBUG only, the view checks): a new link for the current step,
    shown to the HR lead instead of emailed. Returns the token."""
    case = engine.lock(interview)
    engine.check(actor, case, "send_new_link")
    purpose = _purpose(case)
    token = links.issue(case=case, purpose=purpose, actor=actor)
    engine.take(actor, case, "send_new_link", purpose=str(purpose), how="copied")
    return token


def _close(actor: User, interview: Interview, name: str, reason: str) -> Interview:
    case = engine.lock(interview)
    engine.check(actor, case, name)
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "The reason")
    case.outcome_reason = reason.strip()
    case.closed_at = timezone.now()
    # Nothing is left for the leaver to do: their links stop working.
    links.end_links(case)
    engine.take(actor, case, name)
    return case


@transaction.atomic
def record_decline(*, actor: User, interview: Interview, reason: str = "") -> Interview:
    """The leaver said no in person or by email (the reason is optional: it is voluntary)."""
    return _close(actor, interview, "record_decline", reason)


@transaction.atomic
def withdraw(*, actor: User, interview: Interview, reason: str = "") -> Interview:
    """The leaver withdrew before there was a record."""
    return _close(actor, interview, "withdraw", reason)
