"""The review of a record, recommendations, owners' responses, the letter, and closing.

Reviews take their steps through the case kernel's engine by name ("add_recommendation",
"letter_sent", …); the pathway's definition says who may take them and when. Nothing here
knows which pathway a case is on.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import concerns, engine
from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.notifications.email import notify
from leaver.reviews import recommending
from leaver.reviews.access import reviewers_of
from leaver.reviews.closing import close_if_complete
from leaver.reviews.events import ReviewEvent
from leaver.reviews.letter import draft_letter, language_of
from leaver.reviews.models import Letter, Recommendation, ResponseKind, Review, SentHow
from leaver.reviews.queries import letter_of


@transaction.atomic
def record_no_action(*, actor: User, interview: Interview, reason: str,
                     knows_of_concern: bool = False) -> Interview:
    """`knows_of_concern`: the IRO said they know of the case's open safeguarding concern,
    without which "no action needed" is refused while one is open."""
    interview = engine.lock(interview)
    engine.check(actor, interview, "no_action_needed")
    if not reason.strip():
        raise ActionRefused("Give the reason no action is needed.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "The reason")
    concerns.refuse_no_action_unless_known(interview, knows_of_concern=knows_of_concern)
    Review.objects.create(interview=interview, no_action_reason=reason.strip(),
                          decided_by=actor, decided_at=timezone.now())
    detail = {"knew_of_open_concern": True} if concerns.has_open_concern(interview) else {}
    engine.take(actor, interview, "no_action_needed", **detail)
    close_if_complete(interview)  # a pathway without a letter ends here
    return interview


def add_recommendation(
    *, actor: User, interview: Interview, text: str, owner: User, due_date: dt.date,
    share_record: bool, young_person_text: str = "",
) -> Recommendation:
    """One recommendation drafted and issued at once (see leaver.reviews.recommending)."""
    return recommending.add_recommendation(
        actor=actor, interview=interview, text=text, owner=owner, due_date=due_date,
        share_record=share_record, young_person_text=young_person_text)


@transaction.atomic
def respond(
    *, actor: User, recommendation: Recommendation, kind: str, text: str
) -> Recommendation:
    """The owner says what action, if any, will be taken (seed 002 §3)."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    interview = engine.lock(rec.interview)
    words = engine.definition_of(interview).review_words
    if rec.owner_id != actor.pk:
        raise ActionRefused(f"Only the owner of this {words.recommendation} can respond to it.")
    if rec.is_answered:
        raise ActionRefused(f"This {words.recommendation} already has a response.")
    if rec.is_withdrawn:
        raise ActionRefused(f"This {words.recommendation} has been withdrawn: no response is "
                            "needed.")
    if not engine.in_stage(interview, "taking_responses"):
        raise ActionRefused("This case is no longer taking responses.")
    if kind not in ResponseKind.values:
        raise ActionRefused("Choose whether action will be taken.")
    if not text.strip():
        raise ActionRefused(
            "Say what action will be taken." if kind == ResponseKind.WILL_ACT
            else "Say why no action will be taken."
        )
    limits.refuse_if_too_long(text.strip(), limits.RESPONSE, "Your response")
    rec.response_kind = kind
    rec.response_text = text.strip()
    rec.responded_at = timezone.now()
    rec.save(update_fields=["response_kind", "response_text", "responded_at"])
    engine.record_event(actor, interview, ReviewEvent.RECOMMENDATION_ANSWERED,
                        recommendation=str(rec.public_id))
    if not interview.recommendations.filter(responded_at__isnull=True,
                                            withdrawn_at__isnull=True).exists():
        engine.take(None, interview, "responses_complete")
        close_if_complete(interview)
    notify_reviewers(interview, f"{words.a[:1].upper()}{words.a[1:]} owner has responded")
    return rec


def _refuse_without_letter(interview: Interview) -> None:
    if not engine.definition_of(interview).review_words.has_letter:
        raise ActionRefused("No letter is written to the leaver on this kind of case.")


@transaction.atomic
def save_letter(*, actor: User, interview: Interview, text: str) -> Interview:
    interview = engine.lock(interview)
    _refuse_without_letter(interview)
    engine.check(actor, interview, "edit_letter")
    letter = letter_of(interview)
    if letter is not None and letter.sent_at is not None:
        raise ActionRefused("The letter has been sent and can no longer be changed.")
    if not text.strip():
        raise ActionRefused("The letter cannot be empty.")
    limits.refuse_if_too_long(text.strip(), limits.LETTER, "The letter")
    Letter.objects.update_or_create(interview=interview, defaults={
        "text": text.strip(),
        "language": letter.language if letter is not None else language_of(interview)})
    engine.take(actor, interview, "edit_letter")
    return interview


def letter_text_for(interview: Interview, signed_by: User) -> str:
    """The saved letter, or a plain-language draft from the recommendations."""
    letter = letter_of(interview)
    return letter.text if letter is not None else draft_letter(interview, signed_by.full_name)


@transaction.atomic
def mark_letter_sent(*, actor: User, interview: Interview, sent_on: dt.date | None = None,
                     how: str = SentHow.POST) -> Interview:
    """Records the date the letter went out (today if not given) and how it was sent."""
    interview = engine.lock(interview)
    _refuse_without_letter(interview)
    engine.check(actor, interview, "letter_sent")
    letter = letter_of(interview)
    if letter is not None and letter.sent_at is not None:
        raise ActionRefused("The letter is already recorded as sent.")
    if letter is None:
        raise ActionRefused("Save the letter before recording it as sent.")
    sent_on = sent_on or timezone.localdate()
    if sent_on > timezone.localdate():
        raise ActionRefused("The date the letter was sent must be today or in the past.")
    if sent_on < interview.created_at.date():
        raise ActionRefused("The date the letter was sent cannot be before the case began.")
    if how not in SentHow.values:
        raise ActionRefused("Choose how the letter was sent.")
    letter.sent_at = timezone.now()
    letter.sent_on = sent_on
    letter.sent_how = how
    letter.save(update_fields=["sent_at", "sent_on", "sent_how"])
    engine.take(actor, interview, "letter_sent", how=how)
    close_if_complete(interview)
    return interview


def notify_reviewers(interview: Interview, subject: str) -> None:
    notify(reviewers_of(interview), subject=subject, path=engine.case_url(interview))
