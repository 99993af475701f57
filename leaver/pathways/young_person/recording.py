"""Recording the young person's interview: section drafts, then the submission that locks the
record, distributes it and sends it to the IRO."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import answers as case_answers
from leaver.cases import engine, records
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview, InterviewRecord
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.distribution import send_record
from leaver.pathways.young_person.recording_parts import (
    draft_of,
    facts_refusal,
    refuse_if_text_too_long,
)
from leaver.questionnaires.answering import Answer as Value


@dataclass(frozen=True)
class RecordDetails:
    complaints_discussed: bool
    advocacy_discussed: bool
    complaints_referral_wanted: bool
    advocacy_referral_wanted: bool
    interviewer_notes: str
    agreed_with_young_person: bool
    left_out_note: str
    restrict_circulation: bool
    restriction_reason: str
    # item key -> answer. None: submit the draft answers saved section by section.
    answers: Mapping[str, Value] | None = None


@transaction.atomic
def save_record_draft(*, actor: User, interview: Interview, section_key: str,
                      answers: Mapping[str, Value], done: bool = False) -> Interview:
    """The interviewer saves one section's answers as a draft (not locked, may change);
    `done`: saved with "Save and continue", so the section counts as completed on the task
    list. The answers' words are not audited; that a draft was saved is."""
    interview = engine.lock(interview)
    records.refuse_if_locked(interview)
    engine.check(actor, interview, "submit_record")
    version = case_answers.pin(interview)
    case_answers.replace_section(interview, version, section_key, answers, actor=actor)
    draft = draft_of(interview)
    sections = [key for key in draft.sections_done if key != section_key]
    draft.sections_done = [*sections, section_key] if done else sections
    draft.save(update_fields=["sections_done"])
    engine.record_event(actor, interview, CaseEvent.RECORD_DRAFT_SAVED, section=section_key)
    return interview


def details_from_draft(interview: Interview) -> RecordDetails:
    """What the interviewer saved on the complaints, agreement and circulation pages; each
    part not yet saved is refused, naming the page."""
    draft = draft_of(interview)
    if draft.complaints_discussed is None:
        raise ActionRefused("Answer the questions about complaints and advocacy.")
    if not draft.agreed_with_young_person:
        raise ActionRefused("Confirm that the record was agreed with the young person.")
    if draft.restrict_circulation is None:
        raise ActionRefused("Say who should read the record.")
    return RecordDetails(
        complaints_discussed=draft.complaints_discussed,
        advocacy_discussed=bool(draft.advocacy_discussed),
        complaints_referral_wanted=bool(draft.complaints_referral_wanted),
        advocacy_referral_wanted=bool(draft.advocacy_referral_wanted),
        interviewer_notes=draft.interviewer_notes, agreed_with_young_person=True,
        left_out_note=draft.left_out_note, restrict_circulation=draft.restrict_circulation,
        restriction_reason=draft.restriction_reason)


@transaction.atomic
def submit_record(*, actor: User, interview: Interview, details: RecordDetails | None = None
                  ) -> Interview:
    """The interviewer submits the record agreed with the young person. It locks at once.
    `details` None: what was saved on the record's pages. Never before the interview."""
    interview = engine.lock(interview)
    records.refuse_if_locked(interview)
    engine.check(actor, interview, "submit_record")
    refusal = facts_refusal(interview, interview.held_at)
    if refusal:
        raise ActionRefused(refusal)
    if details is None:
        details = details_from_draft(interview)
    version = case_answers.pin(interview)
    questionnaire = version.questionnaire
    given = details.answers if details.answers is not None else case_answers.saved(
        interview, questionnaire)
    kept = case_answers.check_complete(questionnaire, given)
    if not details.agreed_with_young_person:
        raise ActionRefused("Confirm that the record was agreed with the young person.")
    if details.restrict_circulation and not details.restriction_reason.strip():
        raise ActionRefused("Give the reason for restricting circulation.")
    refuse_if_text_too_long({name: getattr(details, name) for name in (
        "interviewer_notes", "left_out_note", "restriction_reason")})
    record = InterviewRecord.objects.create(
        interview=interview, questionnaire_key=version.template.key, submitted_by=actor,
        submitted_at=timezone.now(),
        complaints_discussed=details.complaints_discussed,
        advocacy_discussed=details.advocacy_discussed,
        complaints_referral_wanted=details.complaints_referral_wanted,
        advocacy_referral_wanted=details.advocacy_referral_wanted,
        interviewer_notes=details.interviewer_notes.strip(),
        agreed_with_young_person=True, left_out_note=details.left_out_note.strip(),
        circulation_restricted=details.restrict_circulation,
        restriction_reason=details.restriction_reason.strip(),
        content_sha256="",
    )
    case_answers.replace_all(interview, version, kept, actor=actor)
    records.lock_record(record)
    engine.take(actor, interview, "submit_record", sha256=record.content_sha256,
                restricted=record.circulation_restricted)
    send_record(interview, restricted=record.circulation_restricted)
    return interview
