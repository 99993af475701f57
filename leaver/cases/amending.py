"""Amending a locked record, for every pathway (DESIGN §4): "any later amendment is a new
version with who, when and why, and the old version stays readable to those entitled".

Once submitted, a record's answers change only here: the amender saves sections (the same
section pages as recording, leaver.cases.sections) and then finishes with a reason, which
takes the next version (leaver.cases.versions) and answers the leaver's open correction
requests. Until it is finished, readers keep seeing the last version; the amender sees what
they changed (`pending_changes`). The pathway says which of its transitions amends (e.g. the
staff pathway's `amend_record` after the leaver asked for corrections, `amend_later`) and does
what follows (a new link to check the record), and whose agreement an amender needs
(`agreed_by`: the IRO, the HR lead; leaver.cases.amendment_agreement) unless they hold one of
those roles themselves.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.db.models import QuerySet

from leaver.accounts.models import User
from leaver.cases import amendment_agreement, engine, records, versions
from leaver.cases import answers as case_answers
from leaver.cases.events import CaseEvent
from leaver.cases.models import CorrectionRequest, Interview, InterviewRecord, RecordVersion
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Role
from leaver.questionnaires.answering import Answer as Value

NO_CHANGE = ("Nothing in the record has changed. Change at least one answer before saving "
             "the amendment.")


def open_requests(case: Interview) -> QuerySet[CorrectionRequest]:
    """What the leaver asked to be corrected and no version has answered yet."""
    return CorrectionRequest.objects.filter(interview=case, answered_by__isnull=True)


def pending_changes(case: Interview) -> list[versions.Change]:
    """What the record's answers say now that its newest version does not: an amendment
    started and not finished. Empty when there is no record or nothing changed."""
    record = InterviewRecord.objects.filter(interview=case).first()
    latest = versions.current(case)
    if record is None or latest is None:
        return []
    now = RecordVersion(content=records.canonical_content(record))
    return versions.compare(latest, now)


NOBODY: frozenset[Role] = frozenset()


def _open(actor: User, case: Interview, transition: str, agreed_by: frozenset[Role]
          ) -> tuple[Interview, InterviewRecord]:
    case = engine.lock(case)
    engine.check(actor, case, transition)
    amendment_agreement.refuse_without_agreement(actor, case, agreed_by)
    record = InterviewRecord.objects.filter(interview=case).select_related(
        "submitted_by", "interview").first()
    if record is None:
        raise ActionRefused("There is no record to amend yet.",
                            back_url=engine.case_url(case), back_label="Back to the case")
    if versions.current(case) is None:
        # A record locked before versions were kept: its content as submitted becomes
        # version 1, so the amendment does not overwrite it.
        versions.take_version(record, actor=record.submitted_by, now=record.submitted_at)
    return case, record


def check_may_amend(actor: User, case: Interview, transition: str,
                    agreed_by: frozenset[Role] = NOBODY) -> None:
    """ActionRefused unless `actor` may amend the case's record now (for pages)."""
    engine.check(actor, case, transition)
    amendment_agreement.refuse_without_agreement(actor, case, agreed_by)
    if not InterviewRecord.objects.filter(interview=case).exists():
        raise ActionRefused("There is no record to amend yet.",
                            back_url=engine.case_url(case), back_label="Back to the case")


@transaction.atomic
def save_section(*, actor: User, case: Interview, transition: str, section_key: str,
                 answers: Mapping[str, Value], agreed_by: frozenset[Role] = NOBODY
                 ) -> Interview:
    """One section's answers changed, as part of an amendment not yet finished. Safeguarding
    hears of the answers as for any save (leaver.cases.concerns)."""
    case, _ = _open(actor, case, transition, agreed_by)
    version = case_answers.questionnaire_version(case)
    case_answers.replace_section(case, version, section_key, answers, actor=actor,
                                 amending=True)
    engine.record_event(actor, case, CaseEvent.RECORD_DRAFT_SAVED, section=section_key,
                        amendment=True)
    return case


@transaction.atomic
def amend(*, actor: User, case: Interview, transition: str, reason: str,
          require_change: bool = True, agreed_by: frozenset[Role] = NOBODY
          ) -> RecordVersion:
    """Finish the amendment: the record as it is now becomes the next version, made by
    `actor` for `reason`, and answers every open correction request. `require_change` False:
    a version even if nothing changed (the leaver asked for a correction the interviewer
    does not agree with; the reason says why). The agreement it needed, if any, is used."""
    case, record = _open(actor, case, transition, agreed_by)
    agreement = amendment_agreement.refuse_without_agreement(actor, case, agreed_by)
    why = reason.strip()
    if not why:
        raise ActionRefused("Say why the record was changed.")
    limits.refuse_if_too_long(why, limits.REASON, "The reason")
    version = case_answers.questionnaire_version(case)
    given = case_answers.saved(case, version.questionnaire)
    kept = case_answers.check_complete(version.questionnaire, given)
    if kept != given:
        # Answers to questions no longer shown (a changed condition) are not kept.
        case_answers.replace_all(case, version, kept, actor=actor)
    if require_change and not pending_changes(case):
        raise ActionRefused(NO_CHANGE)
    new = versions.take_version(record, actor=actor, reason=why)
    amendment_agreement.use(agreement, new)
    answered = open_requests(case).update(answered_by=new)
    engine.take(actor, case, transition, version=new.number, requests_answered=answered)
    return new
