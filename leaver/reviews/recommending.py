"""The reviewer's recommendations (the IRO's; the staff pathway's actions, worded by the
pathway's `review_words`): drafted one by one, issued together, then changed or withdrawn
until their owner responds. Every step goes through the engine ("add_recommendation" is the
step that issues; drafting, changing and withdrawing need the same permission and state)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.engine import ReviewWords
from leaver.cases.models import Interview
from leaver.cases.sharing import share_with
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.notifications.email import notify
from leaver.reviews.closing import close_if_complete
from leaver.reviews.events import ReviewEvent
from leaver.reviews.models import DraftRecommendation, Recommendation


@dataclass(frozen=True)
class Wording:
    """What the IRO writes for one recommendation."""

    text: str
    young_person_text: str
    owner: User
    due_date: dt.date
    share_record: bool = False


def _validate(interview: Interview, wording: Wording) -> None:
    words = engine.definition_of(interview).review_words
    if not wording.text.strip():
        raise ActionRefused(f"Enter the {words.recommendation}.")
    if words.leaver_text and not wording.young_person_text.strip():
        raise ActionRefused(f"Enter the {words.recommendation} in words {words.leaver} will "
                            "understand.")
    limits.refuse_if_too_long(wording.text.strip(), limits.RECOMMENDATION, words.title)
    if words.leaver_text:
        limits.refuse_if_too_long(wording.young_person_text.strip(), limits.RECOMMENDATION,
                                  f"The {words.recommendation} for {words.leaver}")
    if wording.share_record and not words.may_share_record:
        raise ActionRefused(f"The record cannot be passed on to the owner of {words.a}: "
                            f"{words.leaver} chose who reads it.")
    owner = wording.owner
    if owner.organisation_id != interview.organisation_id or not owner.is_active:
        raise ActionRefused("Choose an owner from your organisation.")
    if wording.due_date < timezone.localdate():
        raise ActionRefused("The due date must be today or in the future.")


def _leaver_text(interview: Interview, wording: Wording) -> str:
    """The plain-words version, kept only where the pathway asks for one."""
    asked = engine.definition_of(interview).review_words.leaver_text
    return wording.young_person_text.strip() if asked else ""


def _words(interview: Interview) -> ReviewWords:
    return engine.definition_of(interview).review_words


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _needs_response(words: ReviewWords) -> str:
    """"A recommendation from an exit interview needs your response"."""
    return f"{_capital(words.a)} from an exit interview needs your response"


def _rec_url(rec: Recommendation) -> str:
    return reverse("reviews:recommendation", args=[rec.public_id])


@transaction.atomic
def save_draft(*, actor: User, interview: Interview, wording: Wording,
               draft: DraftRecommendation | None = None) -> DraftRecommendation:
    """A new draft, or `draft` changed. Nobody is told: nothing is issued yet."""
    interview = engine.lock(interview)
    engine.check(actor, interview, "add_recommendation")
    if draft is not None and not DraftRecommendation.objects.filter(
            pk=draft.pk, interview=interview).exists():
        raise ActionRefused("This draft has already been issued or removed.")
    _validate(interview, wording)
    values = {"text": wording.text.strip(),
              "young_person_text": _leaver_text(interview, wording),
              "owner": wording.owner, "due_date": wording.due_date,
              "share_record": wording.share_record}
    if draft is None:
        draft = DraftRecommendation.objects.create(interview=interview, created_by=actor,
                                                   **values)
    else:
        DraftRecommendation.objects.filter(pk=draft.pk).update(**values)
        draft.refresh_from_db()
    engine.record_event(actor, interview, ReviewEvent.DRAFT_SAVED, draft=str(draft.public_id))
    return draft


@transaction.atomic
def remove_draft(*, actor: User, draft: DraftRecommendation) -> None:
    interview = engine.lock(draft.interview)
    engine.check(actor, interview, "add_recommendation")
    deleted, _ = DraftRecommendation.objects.filter(pk=draft.pk).delete()
    if not deleted:
        raise ActionRefused("This draft has already been issued or removed.")
    engine.record_event(actor, interview, ReviewEvent.DRAFT_REMOVED, draft=str(draft.public_id))


@transaction.atomic
def issue_recommendations(*, actor: User, interview: Interview) -> list[Recommendation]:
    """Every draft of the case becomes a recommendation at once; each owner is emailed."""
    interview = engine.lock(interview)
    engine.check(actor, interview, "add_recommendation")
    drafts = list(DraftRecommendation.objects.filter(interview=interview)
                  .select_related("owner").select_for_update(of=("self",)))
    words = _words(interview)
    if not drafts:
        raise ActionRefused(f"There are no draft {words.plural} to issue.")
    for number, draft in enumerate(drafts, start=1):
        try:
            _validate(interview, Wording(draft.text, draft.young_person_text, draft.owner,
                                         draft.due_date, draft.share_record))
        except ActionRefused as error:
            raise ActionRefused(f"{words.title} {number}: {error.message}") from None
    issued = []
    for draft in drafts:
        rec = Recommendation.objects.create(
            interview=interview, text=draft.text, young_person_text=draft.young_person_text,
            owner=draft.owner, due_date=draft.due_date,
            record_shared_with_owner=draft.share_record, created_by=actor,
        )
        if draft.share_record:
            share_with(interview, draft.owner)
        engine.take(actor, interview, "add_recommendation", recommendation=str(rec.public_id),
                    shared=draft.share_record)
        notify([rec.owner], subject=_needs_response(words), path=_rec_url(rec))
        issued.append(rec)
    DraftRecommendation.objects.filter(pk__in=[d.pk for d in drafts]).delete()
    return issued


def add_recommendation(*, actor: User, interview: Interview, text: str, owner: User,
                       due_date: dt.date, share_record: bool, young_person_text: str = ""
                       ) -> Recommendation:
    """One recommendation drafted and issued straight away (the demo and the tests' walk)."""
    with transaction.atomic():
        save_draft(actor=actor, interview=interview, wording=Wording(
            text, young_person_text or text, owner, due_date, share_record))
        return issue_recommendations(actor=actor, interview=interview)[-1]


def _changeable(actor: User, recommendation: Recommendation
                ) -> tuple[Recommendation, Interview]:
    rec = Recommendation.objects.select_for_update().select_related("owner").get(
        pk=recommendation.pk)
    interview = engine.lock(rec.interview)
    engine.check(actor, interview, "add_recommendation")
    if rec.is_withdrawn:
        raise ActionRefused(f"This {_words(interview).recommendation} has been withdrawn.")
    if rec.is_answered:
        raise ActionRefused("Its owner has responded, so it can no longer be changed or "
                            "withdrawn.")
    return rec, interview


@transaction.atomic
def change_recommendation(*, actor: User, recommendation: Recommendation, wording: Wording
                          ) -> Recommendation:
    """Change an issued recommendation before its owner responds; the owner is told (and a
    new owner is asked to respond, the old one told it is no longer theirs)."""
    rec, interview = _changeable(actor, recommendation)
    _validate(interview, wording)
    before = (rec.text, rec.young_person_text, rec.owner_id, rec.due_date)
    old_owner = rec.owner
    rec.text = wording.text.strip()
    rec.young_person_text = _leaver_text(interview, wording)
    rec.owner = wording.owner
    rec.due_date = wording.due_date
    after = (rec.text, rec.young_person_text, rec.owner_id, rec.due_date)
    changed = [name for name, old, new in zip(
        ("text", "young_person_text", "owner", "due_date"), before, after, strict=True)
        if old != new]
    if not changed:
        raise ActionRefused("Nothing has changed.")
    rec.save(update_fields=["text", "young_person_text", "owner", "due_date"])
    if wording.share_record and not rec.record_shared_with_owner:
        rec.record_shared_with_owner = True
        rec.save(update_fields=["record_shared_with_owner"])
    if rec.record_shared_with_owner:
        share_with(interview, rec.owner)
    engine.record_event(actor, interview, ReviewEvent.RECOMMENDATION_CHANGED,
                        recommendation=str(rec.public_id), changed=changed)
    a = _words(interview).a
    if rec.owner_id != old_owner.pk:
        notify([old_owner], subject=f"{_capital(a)} is no longer addressed to you",
               path=_rec_url(rec))
        notify([rec.owner], subject=_needs_response(_words(interview)), path=_rec_url(rec))
    else:
        notify([rec.owner], subject=f"{_capital(a)} addressed to you has changed",
               path=_rec_url(rec))
    return rec


@transaction.atomic
def withdraw_recommendation(*, actor: User, recommendation: Recommendation, reason: str
                            ) -> Recommendation:
    rec, interview = _changeable(actor, recommendation)
    words = _words(interview)
    if not reason.strip():
        raise ActionRefused(f"Say why the {words.recommendation} is withdrawn.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "The reason")
    rec.withdrawn_at = timezone.now()
    rec.withdrawal_reason = reason.strip()
    rec.save(update_fields=["withdrawn_at", "withdrawal_reason"])
    engine.record_event(actor, interview, ReviewEvent.RECOMMENDATION_WITHDRAWN,
                        recommendation=str(rec.public_id))
    notify([rec.owner], subject=f"{_capital(words.a)} addressed to you has been withdrawn",
           path=_rec_url(rec))
    waiting = interview.recommendations.filter(responded_at__isnull=True,
                                               withdrawn_at__isnull=True)
    if not waiting.exists() and engine.may(None, interview, "responses_complete"):
        engine.take(None, interview, "responses_complete")
        close_if_complete(interview)
    return rec
