"""What the safeguarding leads do with a concern: acknowledge it, write its outcome (a referral
made, or no further action with a reason), check it and close it; and notes, which the leads
and whoever raised it may add. Each is one transaction and one audit row (workflow.take)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.safeguarding import workflow
from leaver.safeguarding.models import Concern, Note, Outcome, ReferredTo


@transaction.atomic
def acknowledge(*, actor: User, concern: Concern, at: dt.datetime | None = None) -> Concern:
    """A safeguarding lead has read the concern and is dealing with it: escalation stops."""
    concern = workflow.lock(concern)
    workflow.check(actor, concern, "acknowledge")
    concern.acknowledged_by = actor
    concern.acknowledged_at = at or timezone.now()
    concern.next_escalation_at = None
    workflow.take(actor, concern, "acknowledge",
                  late=concern.acknowledged_at > concern.acknowledge_by)
    return concern


@dataclass(frozen=True)
class Referral:
    referred_to: str
    reference: str
    referred_on: dt.date


@transaction.atomic
def draft_referral(*, actor: User, concern: Concern, referral: Referral) -> Concern:
    """The outcome "referral made", written but not yet closed: it is checked first."""
    concern = workflow.lock(concern)
    workflow.check(actor, concern, "draft_outcome")
    if referral.referred_to not in ReferredTo.values:
        raise ActionRefused("Choose who the referral was made to.")
    reference = referral.reference.strip()
    if not reference:
        raise ActionRefused("Enter the referral's reference.")
    limits.refuse_if_too_long(reference, limits.REFERENCE, "The reference")
    if referral.referred_on > timezone.localdate():
        raise ActionRefused("The date of the referral must be today or in the past.")
    if referral.referred_on < timezone.localdate(concern.raised_at):
        raise ActionRefused("The date of the referral must be on or after the day the concern "
                            "was raised.")
    concern.outcome = Outcome.REFERRAL
    concern.referred_to = referral.referred_to
    concern.reference = reference
    concern.referred_on = referral.referred_on
    concern.no_action_reason = ""
    workflow.take(actor, concern, "draft_outcome", outcome=Outcome.REFERRAL)
    return concern


@transaction.atomic
def draft_no_further_action(*, actor: User, concern: Concern, reason: str) -> Concern:
    """The outcome "no further action", with the reason, written but not yet closed."""
    concern = workflow.lock(concern)
    workflow.check(actor, concern, "draft_outcome")
    if not reason.strip():
        raise ActionRefused("Give the reason no further action is needed.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "The reason")
    concern.outcome = Outcome.NO_FURTHER_ACTION
    concern.no_action_reason = reason.strip()
    concern.referred_to = ""
    concern.reference = ""
    concern.referred_on = None
    workflow.take(actor, concern, "draft_outcome", outcome=Outcome.NO_FURTHER_ACTION)
    return concern


@transaction.atomic
def close(*, actor: User, concern: Concern, at: dt.datetime | None = None) -> Concern:
    """Close the concern with the outcome written and checked. It cannot be reopened: anything
    new is a new concern."""
    concern = workflow.lock(concern)
    if concern.outcome not in Outcome.values:
        workflow.check(actor, concern, "referral_made")
        raise ActionRefused("Record the outcome before you close the concern.")
    step = "referral_made" if concern.outcome == Outcome.REFERRAL else "no_further_action"
    workflow.check(actor, concern, step)
    concern.closed_by = actor
    concern.closed_at = at or timezone.now()
    workflow.take(actor, concern, step, referred_to=concern.referred_to)
    return concern


@transaction.atomic
def add_note(*, actor: User, concern: Concern, text: str) -> Note:
    concern = workflow.lock(concern)
    workflow.check(actor, concern, "add_note")
    if not text.strip():
        raise ActionRefused("Enter the note.")
    limits.refuse_if_too_long(text.strip(), limits.CONCERN_NOTE, "The note")
    note = Note.objects.create(concern=concern, text=text.strip(), written_by=actor,
                               written_at=timezone.now())
    workflow.take(actor, concern, "add_note")
    return note
