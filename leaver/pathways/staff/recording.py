"""Recording the staff exit interview and the leaver's check of it (seed 000): "the employee
should be given the opportunity to view the information recorded and, if they wish, sign to
agree that the information recorded is correct".

The interviewer answers the staff questionnaire section by section (drafts, through
leaver.cases.sections), then submits: the record exists and is version 1. Then either the
leaver is sent a link to check and sign it, or signs in the room (the interviewer types the
name they give).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import answers as case_answers
from leaver.cases import engine, leaver_mail, links, records, sections, versions
from leaver.cases.models import (
    Confirmation,
    Interview,
    InterviewRecord,
    LinkPurpose,
    SignOff,
)
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.core.working_days import add_working_days
from leaver.organisations.queries import deadlines_of
from leaver.questionnaires.answering import Answer as Value

SUBMIT = "submit_record"


def save_section(*, actor: User, case: Interview, section_key: str,
                 answers: Mapping[str, Value], done: bool = False) -> Interview:
    """The interviewer saves one section's answers as a draft."""
    return sections.save_draft_section(actor=actor, case=case, transition=SUBMIT,
                                       section_key=section_key, answers=answers, done=done)


@transaction.atomic
def submit_record(*, actor: User, case: Interview) -> InterviewRecord:
    """The interviewer submits the answers saved so far: the record exists, locked, as
    version 1. Never before the interview's arranged time."""
    case = engine.lock(case)
    records.refuse_if_locked(case)
    engine.check(actor, case, SUBMIT)
    if case.scheduled_for is not None and case.scheduled_for > timezone.now():
        when = f"{timezone.localtime(case.scheduled_for):%-d %B %Y at %H:%M}"
        raise ActionRefused(f"The interview is arranged for {when}, which has not happened "
                            "yet. Submit the record after the interview.")
    version = case_answers.pin(case)
    questionnaire = version.questionnaire
    kept = case_answers.check_complete(questionnaire, case_answers.saved(case, questionnaire))
    record = InterviewRecord.objects.create(
        interview=case, questionnaire_key=version.template.key, submitted_by=actor,
        submitted_at=timezone.now(), agreed_with_young_person=False, content_sha256="")
    case_answers.replace_all(case, version, kept, actor=actor)
    first = versions.take_version(record, actor=actor)
    engine.take(actor, case, SUBMIT, version=first.number, sha256=record.content_sha256)
    return record


def send_review_link(case: Interview, *, actor: User, again: bool = False) -> None:
    """Email the leaver a new link to check and sign the record (ending any older one), and
    give them until the organisation's deadline."""
    record = case.record
    record.confirmation = Confirmation.AWAITING
    record.confirmation_due = add_working_days(
        timezone.localdate(), deadlines_of(case.organisation_id).confirmation_days,
        case.organisation.nation)
    record.save(update_fields=["confirmation", "confirmation_due"])
    due = f"{record.confirmation_due:%-d %B %Y}"
    leaver_mail.send_link(
        case, purpose=LinkPurpose.REVIEW, actor=actor, to=case.staff_leaver.email,
        subject="the corrected record of your exit interview" if again
        else "please check the record of your exit interview",
        paragraphs=[
            ("The record of your exit interview has been corrected. Please check it again."
             if again else "Thank you for your exit interview. Please check what was "
             "recorded."),
            "If it is right, you can sign to say so. If something is wrong, you can say what "
            f"should change. Please do this by {due}.",
        ])


@transaction.atomic
def send_for_confirmation(*, actor: User, case: Interview) -> Interview:
    """The interviewer sends the record to the leaver to check (a review link)."""
    case = engine.lock(case)
    engine.check(actor, case, "send_for_confirmation")
    if not hasattr(case, "record"):
        raise ActionRefused("Record the interview first.")
    send_review_link(case, actor=actor)
    engine.take(actor, case, "send_for_confirmation",
                due=case.record.confirmation_due.isoformat()
                if case.record.confirmation_due else "")
    return case


@transaction.atomic
def signed_in_person(*, actor: User, case: Interview, typed_name: str) -> SignOff:
    """The leaver signs the record as correct with the interviewer: the name they give,
    typed by the interviewer, and the hash of the version they read."""
    case = engine.lock(case)
    engine.check(actor, case, "signed_in_person")
    name = " ".join(typed_name.split())
    if not name:
        raise ActionRefused("Type the leaver's full name as they give it.")
    limits.refuse_if_too_long(name, limits.NAME, "The name")
    version = versions.current(case)
    record = InterviewRecord.objects.filter(interview=case).first()
    if version is None or record is None:
        raise ActionRefused("Record the interview first.")
    sign_off = SignOff.objects.create(
        interview=case, version=version, typed_name=name, signed_at=timezone.now(),
        content_sha256=version.content_sha256, recorded_by=actor)
    record.confirmation = Confirmation.CONFIRMED
    record.save(update_fields=["confirmation"])
    # The link sent to check it has nothing left to do.
    links.end_links(case, LinkPurpose.REVIEW)
    engine.take(actor, case, "signed_in_person", version=version.number)
    return sign_off
