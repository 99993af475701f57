"""The IRO's review, recommendations, owners' responses, the letter, and closing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.interviews import pathway
from leaver.interviews.actions import audit_case, case_path, lock_case, take
from leaver.interviews.models import Interview, State
from leaver.interviews.pathway import PathwayError
from leaver.interviews.sharing import share_with
from leaver.notifications.email import notify
from leaver.reviews.letter import draft_letter
from leaver.reviews.models import Recommendation, ResponseKind


@transaction.atomic
def record_no_action(*, actor: User, interview: Interview, reason: str) -> Interview:
    interview = lock_case(interview)
    pathway.check(actor, interview, "no_action_needed")
    if not reason.strip():
        raise PathwayError("Give the reason no action is needed.")
    interview.no_action_reason = reason.strip()
    take(actor, interview, "no_action_needed")
    return interview


@transaction.atomic
def add_recommendation(
    *, actor: User, interview: Interview, text: str, owner: User, due_date: dt.date,
    share_record: bool,
) -> Recommendation:
    interview = lock_case(interview)
    pathway.check(actor, interview, "add_recommendation")
    if not text.strip():
        raise PathwayError("Enter the recommendation.")
    if owner.organisation_id != interview.organisation_id or not owner.is_active:
        raise PathwayError("Choose an owner from your organisation.")
    if due_date < timezone.localdate():
        raise PathwayError("The due date must be today or in the future.")
    rec = Recommendation.objects.create(
        interview=interview, text=text.strip(), owner=owner, due_date=due_date,
        record_shared_with_owner=share_record, created_by=actor,
    )
    if share_record:
        share_with(interview, owner)
    take(actor, interview, "add_recommendation", recommendation=str(rec.public_id),
          shared=share_record)
    notify([owner], subject="A recommendation from an exit interview needs your response",
           path=reverse("reviews:recommendation", args=[rec.public_id]))
    return rec


@transaction.atomic
def respond(
    *, actor: User, recommendation: Recommendation, kind: str, text: str
) -> Recommendation:
    """The owner says what action, if any, will be taken (seed 002 §3)."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    interview = lock_case(rec.interview)
    if rec.owner_id != actor.pk:
        raise PathwayError("Only the owner of this recommendation can respond to it.")
    if rec.is_answered:
        raise PathwayError("This recommendation already has a response.")
    if interview.state not in (State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE):
        raise PathwayError("This case is no longer taking responses.")
    if kind not in ResponseKind.values:
        raise PathwayError("Choose whether action will be taken.")
    if not text.strip():
        raise PathwayError(
            "Say what action will be taken." if kind == ResponseKind.WILL_ACT
            else "Say why no action will be taken."
        )
    rec.response_kind = kind
    rec.response_text = text.strip()
    rec.responded_at = timezone.now()
    rec.save(update_fields=["response_kind", "response_text", "responded_at"])
    audit_case(actor, interview, "recommendation_answered", recommendation=str(rec.public_id))
    if not interview.recommendations.filter(responded_at__isnull=True).exists():
        take(None, interview, "responses_complete")
        _close_if_complete(interview)
    notify_iro(interview, "A recommendation owner has responded")
    return rec


@transaction.atomic
def save_letter(*, actor: User, interview: Interview, text: str) -> Interview:
    interview = lock_case(interview)
    pathway.check(actor, interview, "edit_letter")
    if interview.letter_sent_at is not None:
        raise PathwayError("The letter has been sent and can no longer be changed.")
    if not text.strip():
        raise PathwayError("The letter cannot be empty.")
    interview.letter_text = text.strip()
    take(actor, interview, "edit_letter")
    return interview


def letter_text_for(interview: Interview, signed_by: User) -> str:
    """The saved letter, or a plain-language draft from the recommendations."""
    return interview.letter_text or draft_letter(interview, signed_by.full_name)


@transaction.atomic
def mark_letter_sent(*, actor: User, interview: Interview) -> Interview:
    interview = lock_case(interview)
    pathway.check(actor, interview, "letter_sent")
    if interview.letter_sent_at is not None:
        raise PathwayError("The letter is already recorded as sent.")
    if not interview.letter_text:
        raise PathwayError("Save the letter before recording it as sent.")
    interview.letter_sent_at = timezone.now()
    take(actor, interview, "letter_sent")
    _close_if_complete(interview)
    return interview


def _close_if_complete(interview: Interview) -> None:
    """Closing needs the letter sent and, with recommendations, every one answered."""
    if interview.letter_sent_at is None or not pathway.may(None, interview, "close"):
        return
    interview.closed_at = timezone.now()
    take(None, interview, "close")


def notify_iro(interview: Interview, subject: str) -> None:
    from leaver.organisations import roles
    from leaver.organisations.models import Role

    notify(roles.users_with_role(interview.organisation_id, Role.IRO), subject=subject,
           path=case_path(interview))
