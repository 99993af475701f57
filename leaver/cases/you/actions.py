"""The leaver's own steps, taken through their link with no account (actor None): replying
to the offer, saving and submitting their answers, signing the record or asking for a
correction. Each runs in one transaction: the case locked, the link re-read under a lock and
checked still live (a second tab cannot use it twice), the step checked by the engine, the
writes, the link marked used, the transition taken (one audit row), emails queued."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import answers as case_answers
from leaver.cases import engine, links, versions
from leaver.cases.events import CaseEvent
from leaver.cases.models import (
    Confirmation,
    CorrectionRequest,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
    RecordDraft,
    RecordVersion,
    SignOff,
)
from leaver.cases.you import queries
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.core.working_days import add_working_days
from leaver.notifications.email import notify
from leaver.organisations.queries import deadlines_of
from leaver.questionnaires.answering import Answer as Value

STATEMENT_CHANGED = ("The statement about who reads your answers was changed while you were "
                     "reading it. Please read the new one, then send your reply again.")


@dataclass(frozen=True)
class OfferReply:
    accepted: bool
    reason: str = ""  # why they declined (optional)
    confidentiality: str = ""  # "named" or "anonymous"
    taking_part: str = ""  # "interview" or "self"
    interviewer: User | None = None  # None: no preference
    statement_id: str = ""  # the public id of the statement shown


def _hold(link: LeaverLink, purpose: LinkPurpose) -> tuple[Interview, LeaverLink]:
    """The case, locked, and the link re-read under a lock: still live and for `purpose`."""
    case = engine.lock(link.interview)
    fresh = LeaverLink.objects.select_for_update().select_related(
        "interview", "interview__organisation").get(pk=link.pk)
    links.check_live(fresh)
    links.check_purpose(fresh, purpose)
    return case, fresh


def _new_link(case: Interview, purpose: LinkPurpose) -> LeaverLink:
    """Issue the next link for the leaver to go straight on to (they are here: no email)."""
    links.issue(case=case, purpose=purpose, actor=None)
    return LeaverLink.objects.get(interview=case, purpose=purpose, used_at__isnull=True,
                                  ended_at__isnull=True)


def _path(case: Interview) -> str:
    return engine.case_url(case)


@transaction.atomic
def reply_to_offer(*, link: LeaverLink, reply: OfferReply) -> LeaverLink | None:
    """Accept or decline the offer. Returns the self-completion link when they chose to
    answer online (they go straight to it), else None."""
    case, link = _hold(link, LinkPurpose.OFFER)
    name = "accept" if reply.accepted else "decline"
    engine.check(None, case, name)
    definition = engine.definition_of(case)
    statement = queries.statement(case)
    if statement is None or str(statement.public_id) != reply.statement_id:
        raise ActionRefused(STATEMENT_CHANGED)
    limits.refuse_if_too_long(reply.reason.strip(), limits.REASON, "Your reason")
    if reply.accepted:
        if reply.confidentiality not in ("named", "anonymous"):
            raise ActionRefused("Choose whether your name is shown in reports.")
        if reply.taking_part not in ("interview", "self"):
            raise ActionRefused("Choose how you would like to take part.")
        offered = {m.user_id for m in queries.interviewers(case)}
        if reply.interviewer is not None and reply.interviewer.pk not in offered:
            raise ActionRefused("Choose someone from the list, or “No preference”.")
    now = timezone.now()
    case.consent_recorded_at = now
    case.confidentiality_statement = statement
    if not reply.accepted:
        case.outcome_reason = reply.reason.strip()
    if definition.on_leaver_reply is not None:
        definition.on_leaver_reply(case, {
            "accepted": reply.accepted, "at": now,
            "confidentiality": reply.confidentiality if reply.accepted else "",
            "taking_part": reply.taking_part if reply.accepted else "",
            "preferred_interviewer": reply.interviewer if reply.taking_part == "interview"
            else None})
    links.use(link, now)
    engine.take(None, case, name, statement_version=statement.version,
                confidentiality=reply.confidentiality, taking_part=reply.taking_part)
    # The HR leads and headteacher are told (a headteacher never of an anonymous leaver:
    # the pathway's relation leaves them out once the choice is saved).
    notify(queries.leads(case), organisation_id=case.organisation_id, path=_path(case),
           subject="A leaver replied to the offer of an exit interview" if reply.accepted
           else "A leaver declined the offer of an exit interview",
           action="Assign an interviewer" if reply.taking_part == "interview" else "")
    return _new_link(case, LinkPurpose.SELF_COMPLETION) if reply.taking_part == "self" else None


@transaction.atomic
def save_answers(*, link: LeaverLink, section_key: str, answers: Mapping[str, Value],
                 done: bool) -> bool:
    """The leaver saves one section of their answers as a draft (`done`: with "Save and
    continue"). A safeguarding trigger met raises a concern exactly as in an interview
    (answers.replace_section). Returns whether an answer of this section met a trigger."""
    case, link = _hold(link, LinkPurpose.SELF_COMPLETION)
    engine.check(None, case, "self_completed")
    version = case_answers.pin(case)
    case_answers.replace_section(case, version, section_key, answers, actor=None)
    draft, _ = RecordDraft.objects.get_or_create(interview=case)
    sections = [key for key in draft.sections_done if key != section_key]
    draft.sections_done = [*sections, section_key] if done else sections
    draft.save(update_fields=["sections_done"])
    engine.record_event(None, case, CaseEvent.LEAVER_ANSWERS_SAVED, section=section_key)
    questionnaire = version.questionnaire
    keys = {item.key for item in case_answers.section_of(version, section_key).items}
    return queries.triggers_met(questionnaire, case_answers.saved(case, questionnaire), keys)


@transaction.atomic
def submit_answers(*, link: LeaverLink) -> LeaverLink | None:
    """The leaver sends their answers. Where the pathway says so (staff) this makes the
    record at once, version 1, waiting for them to check and sign it: the review link is
    returned and they go straight to it. Otherwise (young person) the answers become the
    interviewer's draft and the interviewer is told."""
    case, link = _hold(link, LinkPurpose.SELF_COMPLETION)
    engine.check(None, case, "self_completed")
    version = case_answers.pin(case)
    questionnaire = version.questionnaire
    kept = case_answers.check_complete(questionnaire,
                                       case_answers.saved(case, questionnaire))
    now = timezone.now()
    case_answers.replace_all(case, version, kept, actor=None)
    links.use(link, now)
    if not engine.definition_of(case).self_completion_makes_record:
        RecordDraft.objects.update_or_create(
            interview=case, defaults={"sections_done": [s.key for s in questionnaire.sections]})
        engine.take(None, case, "self_completed")
        notify(queries.interviewer_or_leads(case), organisation_id=case.organisation_id,
               path=_path(case), subject="A leaver answered the questions themselves",
               action="Read their answers and finish the record")
        return None
    record = InterviewRecord.objects.create(
        interview=case, questionnaire_key=version.template.key,
        # The leaver answered themselves (they have no account): no user submitted it.
        submitted_by=None, submitted_at=now, agreed_with_young_person=True,
        content_sha256="", confirmation=Confirmation.AWAITING,
        confirmation_due=confirmation_due(case, now))
    first = versions.take_version(record, actor=None, now=now)
    engine.take(None, case, "self_completed", sha256=first.content_sha256)
    notify(queries.leads(case), organisation_id=case.organisation_id, path=_path(case),
           subject="A leaver answered the exit questions themselves")
    return _new_link(case, LinkPurpose.REVIEW)


def confirmation_due(case: Interview, now: dt.datetime) -> dt.date:
    days = deadlines_of(case.organisation_id).confirmation_days
    return add_working_days(timezone.localdate(now), days, case.organisation.nation)


def _current(case: Interview, shown: int) -> tuple[InterviewRecord, RecordVersion]:
    record = InterviewRecord.objects.select_for_update().get(interview=case)
    current = versions.current(case)
    if current is None:
        raise ActionRefused("There is no record to check yet.")
    if current.number != shown:
        raise ActionRefused("The record was changed while you were reading it. Please "
                            "read it again before you reply.")
    return record, current


@transaction.atomic
def sign(*, link: LeaverLink, typed_name: str, shown_version: int) -> SignOff:
    """The leaver signs that the version they read is accurate, by typing their name."""
    case, link = _hold(link, LinkPurpose.REVIEW)
    engine.check(None, case, "sign")
    name = " ".join(typed_name.split())
    if not name:
        raise ActionRefused("Type your full name to sign.")
    limits.refuse_if_too_long(name, limits.NAME, "Your name")
    record, current = _current(case, shown_version)
    now = timezone.now()
    signed = SignOff.objects.create(interview=case, version=current, typed_name=name,
                                    signed_at=now, content_sha256=current.content_sha256)
    record.confirmation = Confirmation.CONFIRMED
    record.save(update_fields=["confirmation"])
    links.use(link, now)
    engine.take(None, case, "sign", version=current.number)
    notify(queries.interviewer_or_leads(case), organisation_id=case.organisation_id,
           path=_path(case), subject="A leaver signed their record as correct")
    return signed


@transaction.atomic
def request_corrections(*, link: LeaverLink, comment: str, shown_version: int
                        ) -> CorrectionRequest:
    """The leaver asks for the version they read to be corrected. The link is used: the
    interviewer's amendment sends a new one."""
    case, link = _hold(link, LinkPurpose.REVIEW)
    engine.check(None, case, "request_corrections")
    text = comment.strip()
    if not text:
        raise ActionRefused("Say what needs to be corrected.")
    limits.refuse_if_too_long(text, limits.REASON, "What needs to be corrected")
    record, current = _current(case, shown_version)
    now = timezone.now()
    asked = CorrectionRequest.objects.create(interview=case, version=current, comment=text,
                                             requested_at=now)
    record.confirmation = Confirmation.CORRECTIONS_REQUESTED
    record.save(update_fields=["confirmation"])
    links.use(link, now)
    engine.take(None, case, "request_corrections", version=current.number)
    notify(queries.interviewer_or_leads(case), organisation_id=case.organisation_id,
           path=_path(case), subject="A leaver asked for their record to be corrected",
           action="Correct the record and send it back to them")
    return asked
