"""Recording the parts of the interview beyond the questionnaire's answers: when, how and where
it was held (the interview happens before it is recorded), complaints and advocacy, agreeing
the record, who reads it, and the wording the questions are read in. Each is a draft until
the record is submitted (leaver.pathways.young_person.recording)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine, records
from leaver.cases.events import CaseEvent
from leaver.cases.models import HeldHow, Interview, RecordDraft, Support
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.events import YoungPersonEvent

# The parts with their own question page, and the draft fields each one writes.
# Free text on the record's pages, at most (leaver.core.limits), in their forms' words.
TEXT_LIMITS = {
    "held_where": (limits.PLACE, "Where it was held"),
    "people_present": (limits.PEOPLE_PRESENT, "Who was present"),
    "support_details": (limits.SUPPORT_DETAILS, "The interpreting or support used"),
    "interviewer_notes": (limits.INTERVIEWER_NOTES, "Your notes"),
    "left_out_note": (limits.LEFT_OUT_NOTE, "The note on what was left out"),
    "restriction_reason": (limits.REASON, "The reason for restricting circulation"),
}


def refuse_if_text_too_long(values: Mapping[str, object]) -> None:
    for name, value in values.items():
        if name in TEXT_LIMITS and isinstance(value, str):
            limits.refuse_if_too_long(value.strip(), *TEXT_LIMITS[name])


PARTS: dict[str, tuple[str, ...]] = {
    "complaints": ("complaints_discussed", "complaints_referral_wanted", "advocacy_discussed",
                   "advocacy_referral_wanted"),
    "agreement": ("agreed_with_young_person", "interviewer_notes", "left_out_note"),
    "circulation": ("restrict_circulation", "restriction_reason"),
}
WORDINGS = {"": "English", "cy": "Welsh (Cymraeg)", "easy": "Easy read"}


@dataclass(frozen=True)
class InterviewFacts:
    held_at: dt.datetime
    held_how: str
    held_where: str
    people_present: str
    support: str
    support_details: str = ""


def draft_of(interview: Interview) -> RecordDraft:
    draft, _ = RecordDraft.objects.get_or_create(interview=interview)
    return draft


def _open(actor: User, interview: Interview) -> Interview:
    interview = engine.lock(interview)
    records.refuse_if_locked(interview)
    engine.check(actor, interview, "submit_record")
    return interview


def facts_refusal(interview: Interview, held_at: dt.datetime | None) -> str | None:
    """Why the record cannot be submitted yet, as far as the interview's date goes."""
    if held_at is None:
        return "Record when, how and where the interview was held."
    if held_at > timezone.now():
        when = f"{timezone.localtime(held_at):%d %B %Y at %H:%M}"
        return (f"The interview is recorded as held on {when}, which has not happened yet. "
                "A record can only be submitted after the interview.")
    return None


@transaction.atomic
def record_interview_facts(*, actor: User, interview: Interview, facts: InterviewFacts
                           ) -> Interview:
    """The interviewer records what happened: when, how, where, who was there, and whether an
    interpreter or communication support was used."""
    interview = _open(actor, interview)
    if timezone.is_naive(facts.held_at):
        raise ActionRefused("The interview time must include a time zone.")
    if facts.held_at > timezone.now():
        raise ActionRefused("The date and time the interview was held must be in the past: "
                            "record the interview after it has happened.")
    consented = interview.consent_recorded_at
    if consented is not None and timezone.localdate(facts.held_at) < timezone.localdate(
            consented):
        raise ActionRefused("The interview cannot have been held before the young person "
                            f"agreed to it on {timezone.localtime(consented):%d %B %Y}.")
    if facts.held_how not in HeldHow.values:
        raise ActionRefused("Choose how the interview was held.")
    if not facts.held_where.strip():
        raise ActionRefused("Enter where the interview was held.")
    if not facts.people_present.strip():
        raise ActionRefused("Enter who was present.")
    if facts.support not in Support.values:
        raise ActionRefused("Say whether an interpreter or communication support was used.")
    if facts.support != Support.NONE and not facts.support_details.strip():
        raise ActionRefused("Say what interpreting or communication support was used.")
    refuse_if_text_too_long(vars(facts))
    interview.held_at = facts.held_at
    interview.held_how = facts.held_how
    interview.held_where = facts.held_where.strip()
    interview.people_present = facts.people_present.strip()
    interview.support = facts.support
    interview.support_details = (facts.support_details.strip()
                                 if facts.support != Support.NONE else "")
    interview.save()
    engine.record_event(actor, interview, YoungPersonEvent.FACTS_RECORDED,
                        held_at=facts.held_at.isoformat(), held_how=facts.held_how)
    return interview


@transaction.atomic
def save_record_part(*, actor: User, interview: Interview, part: str,
                     values: Mapping[str, object]) -> Interview:
    """One of the parts beyond the answers, saved as a draft."""
    if part not in PARTS:
        raise ActionRefused("That part of the record does not exist.")
    if set(values) - set(PARTS[part]):
        raise ActionRefused("The answers are to questions that are not in this part.")
    interview = _open(actor, interview)
    if part == "agreement" and values.get("agreed_with_young_person") is not True:
        raise ActionRefused("Confirm that the record was agreed with the young person.")
    if part == "circulation" and values.get("restrict_circulation") and not str(
            values.get("restriction_reason", "")).strip():
        raise ActionRefused("Give the reason for restricting circulation.")
    refuse_if_text_too_long(values)
    draft = draft_of(interview)
    for name in PARTS[part]:
        value = values.get(name)
        setattr(draft, name, value.strip() if isinstance(value, str) else value)
    if part == "circulation" and not values.get("restrict_circulation"):
        draft.restriction_reason = ""
    draft.save()
    engine.record_event(actor, interview, CaseEvent.RECORD_DRAFT_SAVED, section=part)
    return interview


@transaction.atomic
def choose_wording(*, actor: User, interview: Interview, wording: str) -> Interview:
    """The wording the questions are shown in while recording, remembered for the case."""
    if wording not in WORDINGS:
        raise ActionRefused("Choose English, Welsh or easy read.")
    interview = _open(actor, interview)
    draft = draft_of(interview)
    draft.wording = wording
    draft.save(update_fields=["wording"])
    engine.record_event(actor, interview, CaseEvent.RECORD_WORDING_CHOSEN,
                        wording=wording or "en")
    return interview
