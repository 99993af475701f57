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
                      answers: Mapping[str, Value]) -> Interview:
    """The interviewer saves one section's answers as a draft (not locked, may change).
    The answers' words are not audited; that a draft was saved is."""
    interview = engine.lock(interview)
    records.refuse_if_locked(interview)
    engine.check(actor, interview, "submit_record")
    version = case_answers.pin(interview)
    case_answers.replace_section(interview, version, section_key, answers)
    engine.record_event(actor, interview, CaseEvent.RECORD_DRAFT_SAVED, section=section_key)
    return interview


@transaction.atomic
def submit_record(*, actor: User, interview: Interview, details: RecordDetails) -> Interview:
    """The interviewer submits the record agreed with the young person. It locks at once."""
    interview = engine.lock(interview)
    records.refuse_if_locked(interview)
    engine.check(actor, interview, "submit_record")
    version = case_answers.pin(interview)
    questionnaire = version.questionnaire
    given = details.answers if details.answers is not None else case_answers.saved(
        interview, questionnaire)
    kept = case_answers.check_complete(questionnaire, given)
    if not details.agreed_with_young_person:
        raise ActionRefused("Confirm that the record was agreed with the young person.")
    if details.restrict_circulation and not details.restriction_reason.strip():
        raise ActionRefused("Give the reason for restricting circulation.")
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
    case_answers.replace_all(interview, version, kept)
    records.lock_record(record)
    engine.take(actor, interview, "submit_record", sha256=record.content_sha256,
                restricted=record.circulation_restricted)
    send_record(interview, restricted=record.circulation_restricted)
    return interview
