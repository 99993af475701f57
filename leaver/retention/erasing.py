"""Erasing a case (ADR 0029): anonymised in place, in one transaction.

What stays is a statistical row without personal data, so that reports of past years still
add up: the case (its place, pathway, states and dates), whether a record was made, its
closed answers (yes/no, choices, scales), how many concerns, recommendations and letters there
were and what became of them. What goes: the name and contact details, free-text answers,
notes, the versions and sign-offs of the record, drafts, links, letters' words, concerns'
words and notes, recommendations' words, emails about the case, audit values naming the
person and report quotes taken from their answers. A date of birth keeps only its year (the
age group a report could count), and so does the date a member of staff started."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import transaction

from leaver.accounts.models import User
from leaver.administration.access import is_org_admin
from leaver.audit import log as audit
from leaver.cases.models import (
    AmendmentAgreement,
    Answer,
    CorrectionRequest,
    Interview,
    InterviewRecord,
    LeaverLink,
    RecordDraft,
    RecordVersion,
    SignOff,
)
from leaver.core.errors import ActionRefused
from leaver.pathways.staff.models import StaffLeaver
from leaver.pathways.young_person.models import Referral, ReferralOutcome, YoungPerson
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import CHOICE_TYPES
from leaver.retention import scrubbing
from leaver.retention.events import RetentionEvent
from leaver.retention.models import Erasure, Kind, LegalHold
from leaver.reviews.models import DraftRecommendation, Letter, Recommendation, Review
from leaver.safeguarding.models import Concern, Note, Trigger

ERASED = scrubbing.ERASED
ERASED_NAME = "Erased"


def _year_only(day: dt.date) -> dt.date:
    return day.replace(month=1, day=1)


def _free_text_answers(case: Interview) -> tuple[list[int], list[str]]:
    """(ids, values) of the case's answers that are not closed: kept only when the
    questionnaire version says the item is a choice, yes/no or scale."""
    answers = list(Answer.objects.filter(interview=case).values_list(
        "pk", "version_id", "item_key", "value"))
    closed: dict[int, set[str]] = {}
    for version in Version.objects.filter(pk__in={v for _, v, _, _ in answers}):
        closed[version.pk] = {item.key for item in version.questionnaire.items()
                              if item.type in CHOICE_TYPES}
    free = [(pk, value) for pk, version_id, key, value in answers
            if key not in closed.get(version_id, set())]
    return [pk for pk, _ in free], [value for _, value in free]


def _names_and_addresses(case: Interview) -> tuple[list[str], list[str]]:
    names = [case.leaver_name]
    names += list(SignOff.objects.filter(interview=case).values_list("typed_name", flat=True))
    addresses: list[str] = []
    person = YoungPerson.objects.filter(interview=case).first()
    if person is not None:
        addresses += [a for a in (person.email, person.phone) if a]
    leaver = StaffLeaver.objects.filter(interview=case).first()
    if leaver is not None and leaver.email:
        addresses.append(leaver.email)
    return names, addresses


def _object_ids(case: Interview) -> set[uuid.UUID]:
    """The public ids of the case and of everything of it the audit log names."""
    ids = {case.public_id}
    for model in (Concern, Recommendation, DraftRecommendation, Referral, LeaverLink,
                  CorrectionRequest):
        ids.update(model.objects.filter(interview=case).values_list(
            "public_id", flat=True))
    return ids


def _blank_people(case: Interview) -> None:
    YoungPerson.objects.filter(interview=case).update(
        communication_needs="", other_language="", phone="", email="", address_line_1="",
        address_line_2="", town="", postcode="")
    for person in YoungPerson.objects.filter(interview=case):
        person.date_of_birth = _year_only(person.date_of_birth)
        if person.date_of_death is not None:
            person.date_of_death = _year_only(person.date_of_death)
        person.save(update_fields=["date_of_birth", "date_of_death"])
    Referral.objects.filter(interview=case).update(reference="")
    Referral.objects.filter(interview=case, outcome=ReferralOutcome.NOT_MADE).update(
        reason=ERASED)
    for leaver in StaffLeaver.objects.filter(interview=case):
        leaver.email, leaver.line_manager, leaver.line_manager_name = "", None, ""
        leaver.preferred_interviewer, leaver.line_manager_override_reason = None, ""
        leaver.start_date = _year_only(leaver.start_date)
        leaver.save(update_fields=["email", "line_manager", "line_manager_name",
                                   "preferred_interviewer", "line_manager_override_reason",
                                   "start_date"])


def _remove_record(case: Interview, free_answer_ids: list[int]) -> dict[str, int]:
    removed = {"free_text_answers": Answer.objects.filter(pk__in=free_answer_ids).delete()[0]}
    InterviewRecord.objects.filter(interview=case).update(
        interviewer_notes="", left_out_note="", restriction_reason="", content_sha256="")
    # Sign-offs protect the versions they signed, and a correction request cascades from
    # its version: removed in that order.
    removed["sign_offs"] = SignOff.objects.filter(interview=case).delete()[0]
    CorrectionRequest.objects.filter(interview=case).delete()
    # Why an amendment was asked for, agreed or refused may quote the record.
    AmendmentAgreement.objects.filter(interview=case).update(reason=ERASED, refusal_reason="")
    removed["record_versions"] = RecordVersion.objects.filter(interview=case).delete()[0]
    removed["drafts"] = (RecordDraft.objects.filter(interview=case).delete()[0]
                         + DraftRecommendation.objects.filter(interview=case).delete()[0])
    removed["links"] = LeaverLink.objects.filter(interview=case).delete()[0]
    return removed


def _remove_review_and_concerns(case: Interview) -> dict[str, int]:
    Recommendation.objects.filter(interview=case).update(
        text=ERASED, young_person_text="", response_text="", withdrawal_reason="")
    Review.objects.filter(interview=case).update(no_action_reason=ERASED)
    letters = Letter.objects.filter(interview=case).update(text="")
    concerns = Concern.objects.filter(interview=case).update(
        words="", note="", no_action_reason="", reference="")
    Trigger.objects.filter(interview=case).update(question="", answer="", comment="")
    notes = Note.objects.filter(concern__interview=case).delete()[0]
    return {"letters": letters, "concerns": concerns, "concern_notes": notes}


def refuse_unless_erasable(case: Interview) -> None:
    if Erasure.objects.filter(interview=case).exists():
        raise ActionRefused("This case has already been erased.")
    if LegalHold.objects.filter(interview=case, lifted_at__isnull=True).exists():
        raise ActionRefused("This case is on legal hold, so it cannot be erased. Lift the "
                            "hold first if it is no longer needed.")


@transaction.atomic
def erase_case(*, interview: Interview, kind: Kind, actor: User | None, reason: str,
               now: dt.datetime) -> Erasure:
    """Erases one case's personal data (anonymised in place) and audits that it happened.
    On request: by an admin of the case's organisation, with a reason. Refused for a case
    on legal hold or already erased; then nothing changes."""
    case = Interview.objects.select_for_update().get(pk=interview.pk)
    if kind == Kind.REQUEST:
        if actor is None or not is_org_admin(actor) or actor.organisation_id != (
                case.organisation_id):
            raise ActionRefused("Only an organisation admin of this organisation can erase "
                                "a case.")
        if not reason.strip():
            raise ActionRefused("Enter why the case is being erased.")
    refuse_unless_erasable(case)
    names, addresses = _names_and_addresses(case)
    words = scrubbing.words_naming(names)
    free_ids, free_texts = _free_text_answers(case)
    paths = [str(i) for i in _object_ids(case)]
    removed: dict[str, Any] = {
        "audit_rows": scrubbing.scrub_audit(_object_ids(case), words + [
            a.casefold() for a in addresses]),
        "messages": scrubbing.scrub_messages(case.organisation_id, paths, addresses),
        "report_quotes": scrubbing.scrub_reports(case.organisation_id, free_texts),
    }
    removed.update(_remove_record(case, free_ids))
    removed.update(_remove_review_and_concerns(case))
    _blank_people(case)
    case.leaver_name, case.outcome_reason, case.location = ERASED_NAME, "", ""
    case.held_where, case.people_present, case.support_details = "", "", ""
    case.save(update_fields=["leaver_name", "outcome_reason", "location", "held_where",
                             "people_present", "support_details", "updated_at"])
    # The typed reasons kept about the case (why it was held, why erased) lose what names
    # the person, as the audit does.
    for hold in LegalHold.objects.filter(interview=case):
        hold.reason = scrubbing.scrub_value(hold.reason, words)[0]
        hold.lift_reason = scrubbing.scrub_value(hold.lift_reason, words)[0]
        hold.save(update_fields=["reason", "lift_reason"])
    erasure = Erasure.objects.create(
        interview=case, organisation_id=case.organisation_id, kind=kind, at=now,
        by=actor if kind == Kind.REQUEST else None,
        reason=scrubbing.scrub_value(reason.strip(), words)[0], removed=removed)
    # The audit keeps that the erasure happened, and by whom (None: the schedule); the
    # reason, free text, is on the erasure row only.
    audit.record(actor=actor if kind == Kind.REQUEST else None,
                 action=RetentionEvent.CASE_ERASED, object_type="interview",
                 object_id=case.public_id, organisation_id=case.organisation_id,
                 detail={"kind": str(kind), "erasure": str(erasure.public_id),
                         "removed": removed})
    return erasure
