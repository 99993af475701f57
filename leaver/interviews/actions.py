"""Every write to an interview case. One function, one transaction, one audit row each;
emails go out only after commit. Views call these and nothing else to change a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.interviews import canonical, pathway
from leaver.interviews.models import (
    Answer,
    Interview,
    InterviewRecord,
    State,
    YoungPerson,
)
from leaver.interviews.pathway import PathwayError
from leaver.interviews.sharing import distribute_record, withdraw_distribution
from leaver.notifications.email import notify
from leaver.organisations import roles
from leaver.organisations.models import (
    ConfidentialityStatement,
    Pathway,
    Role,
    Setting,
    SettingKind,
)
from leaver.questionnaires import queries as answer_queries
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import AnswerForm
from leaver.questionnaires.models import Version
from leaver.questionnaires.selection import version_for
from leaver.questionnaires.spec import Questionnaire

NO_QUESTIONNAIRE = (
    "Your organisation has no published questionnaire for this pathway, so the interview "
    "cannot be recorded yet. Ask your organisation admin to publish one."
)


def audit_case(actor: User | None, interview: Interview, action: str, **detail: object) -> None:
    audit.record(
        actor=actor, action=f"interview.{action}", object_type="interview",
        object_id=interview.public_id, organisation_id=interview.organisation_id,
        detail={"state": interview.state, **detail},
    )


def case_path(interview: Interview) -> str:
    return reverse("interviews:case", args=[interview.public_id])


def lock_case(interview: Interview) -> Interview:
    """Re-read the case under a row lock so two people cannot move it at once."""
    # of=("self",): PostgreSQL cannot lock the nullable side of the young_person join.
    return Interview.objects.select_for_update(of=("self",)).select_related(
        "young_person", "setting", "interviewer"
    ).get(pk=interview.pk)


def take(actor: User | None, interview: Interview, name: str, **detail: object) -> None:
    transition = pathway.check(actor, interview, name)
    before = interview.state
    if transition.target is not None:
        interview.state = transition.target
    interview.save()
    audit_case(actor, interview, name, previous_state=before, **detail)


@dataclass(frozen=True)
class MoveDetails:
    setting: Setting
    leaver_name: str
    date_of_birth: dt.date
    planned_move_date: dt.date
    social_worker: User
    significant_learning_disability: bool
    communication_needs: str
    preferred_language: str
    contact_details: str


@transaction.atomic
def notify_move(*, actor: User, details: MoveDetails) -> Interview:
    """The Unit Manager (or CSM) records that a young person is moving (seed 002 §2)."""
    setting = details.setting
    if setting.organisation_id != actor.organisation_id:
        raise PathwayError("Choose one of your organisation's homes or placements.")
    if setting.kind not in (SettingKind.CHILDRENS_HOME, SettingKind.AGENCY_PLACEMENT):
        raise PathwayError("Choose a children's home or an agency placement.")
    held = roles.roles_of(actor)
    if Role.CSM not in held and setting.pk not in roles.managed_setting_ids(actor):
        raise PathwayError(
            "Only a Unit Manager of this home or a Children's Services Manager can do this."
        )
    if details.date_of_birth > timezone.localdate():
        raise PathwayError("Date of birth must be in the past.")
    sw = details.social_worker
    if sw.organisation_id != actor.organisation_id or Role.SOCIAL_WORKER not in roles.roles_of(sw):
        raise PathwayError("Choose a social worker from your organisation.")
    interview = Interview.objects.create(
        organisation_id=actor.organisation_id, setting=setting, pathway=Pathway.YOUNG_PERSON,
        state=State.NOTIFIED, leaver_name=details.leaver_name, created_by=actor,
        # Pinned now: later versions never change how this interview is recorded.
        questionnaire_version=version_for(organisation_id=actor.organisation_id or 0,
                                          pathway=Pathway.YOUNG_PERSON, setting=setting),
    )
    YoungPerson.objects.create(
        interview=interview, date_of_birth=details.date_of_birth,
        planned_move_date=details.planned_move_date, social_worker=sw,
        significant_learning_disability=details.significant_learning_disability,
        communication_needs=details.communication_needs,
        preferred_language=details.preferred_language,
        contact_details=details.contact_details,
    )
    audit_case(actor, interview, "move_notified")
    csms = roles.users_with_role(interview.organisation_id, Role.CSM)
    notify([*csms, sw], subject="A young person is moving: an exit interview to arrange",
           path=case_path(interview))
    return interview


class ConsentOutcome:
    CONSENTED = "consent_given"
    DECLINED = "consent_declined"
    NOT_FEASIBLE = "not_feasible"


@transaction.atomic
def record_consent(
    *, actor: User, interview: Interview, outcome: str, reason: str, may_quote: bool,
    statement: ConfidentialityStatement,
) -> Interview:
    interview = lock_case(interview)
    if outcome not in (ConsentOutcome.CONSENTED, ConsentOutcome.DECLINED,
                       ConsentOutcome.NOT_FEASIBLE):
        raise PathwayError("Choose whether the young person consented.")
    pathway.check(actor, interview, outcome)
    if outcome == ConsentOutcome.NOT_FEASIBLE:
        if not interview.young_person.significant_learning_disability:
            raise PathwayError(
                "“Not feasible” is only for a young person with a significant learning "
                "disability, and this young person is not recorded as having one."
            )
        if not reason.strip():
            raise PathwayError("Give the reason the interview is not feasible.")
    if statement.organisation_id != interview.organisation_id:
        raise PathwayError("The confidentiality statement is not your organisation's.")
    interview.consent_recorded_at = timezone.now()
    interview.confidentiality_statement = statement
    interview.may_quote_anonymously = may_quote and outcome == ConsentOutcome.CONSENTED
    interview.outcome_reason = reason.strip()
    take(actor, interview, outcome, statement_version=statement.version)
    if outcome == ConsentOutcome.CONSENTED:
        notify(roles.users_with_role(interview.organisation_id, Role.CSM),
               subject="Consent given: choose an independent interviewer",
               path=case_path(interview))
    return interview


def interviewer_refusal(candidate: User, interview: Interview) -> str | None:
    """Why `candidate` cannot interview this young person, or None if they can."""
    if candidate.organisation_id != interview.organisation_id or not candidate.is_active:
        return "is not an active member of this organisation"
    held = roles.roles_of(candidate)
    if Role.INTERVIEWER not in held:
        return "is not an interviewer"
    if not roles.is_independent_interviewer(candidate):
        return "is not independent of the organisation"
    if interview.young_person.social_worker_id == candidate.pk:
        return "is the young person's social worker"
    if interview.setting_id in roles.managed_setting_ids(candidate):
        return "manages the young person's home"
    return None


@transaction.atomic
def assign_interviewer(*, actor: User, interview: Interview, interviewer: User) -> Interview:
    interview = lock_case(interview)
    pathway.check(actor, interview, "assign_interviewer")
    refusal = interviewer_refusal(interviewer, interview)
    if refusal:
        raise PathwayError(f"{interviewer.full_name} {refusal}, so cannot be chosen.")
    interview.interviewer = interviewer
    # A new interviewer arranges their own time and place.
    interview.scheduled_for = None
    interview.location = ""
    take(actor, interview, "assign_interviewer", interviewer=str(interviewer.public_id))
    notify([interviewer], subject="You have been asked to carry out an exit interview",
           path=case_path(interview))
    return interview


@transaction.atomic
def schedule_interview(
    *, actor: User, interview: Interview, when: dt.datetime, location: str
) -> Interview:
    interview = lock_case(interview)
    pathway.check(actor, interview, "schedule")
    if timezone.is_naive(when):
        raise PathwayError("The interview time must include a time zone.")
    if not location.strip():
        raise PathwayError("Enter where the interview will take place.")
    interview.scheduled_for = when
    interview.location = location.strip()
    take(actor, interview, "schedule")
    return interview


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


def questionnaire_version(interview: Interview) -> Version:
    """The version the interview is recorded against: the one pinned when the case opened,
    or (if none was published then) the organisation's current one."""
    if interview.questionnaire_version_id is not None:
        return Version.objects.select_related("template").get(
            pk=interview.questionnaire_version_id)
    version = version_for(organisation_id=interview.organisation_id,
                          pathway=Pathway(interview.pathway), setting=interview.setting)
    if version is None:
        raise PathwayError(NO_QUESTIONNAIRE)
    return version


def _pin(interview: Interview) -> Version:
    version = questionnaire_version(interview)
    if interview.questionnaire_version_id is None:
        interview.questionnaire_version = version
        interview.save(update_fields=["questionnaire_version"])
    return version


def draft_answers(interview: Interview, questionnaire: Questionnaire) -> dict[str, Value]:
    """The answers saved so far, as the answering form takes them."""
    types = questionnaire.keys()
    return {a.item_key: answer_queries.from_text(types.get(a.item_key), a.value)
            for a in Answer.objects.filter(interview=interview)}


def _refuse_if_locked(interview: Interview) -> None:
    existing = InterviewRecord.objects.filter(interview=interview).first()
    if existing is not None:
        raise PathwayError(
            "This record was already submitted and locked on "
            f"{timezone.localtime(existing.submitted_at):%d %B %Y at %H:%M}. "
            "It cannot be submitted again."
        )


def _form_data(answers: Mapping[str, Value]) -> MultiValueDict[str, str]:
    data: MultiValueDict[str, str] = MultiValueDict()
    for key, value in answers.items():
        data.setlist(key, list(value) if isinstance(value, list | tuple) else [value])
    return data


def check_answers(questionnaire: Questionnaire, answers: Mapping[str, Value]
                  ) -> dict[str, Value]:
    """The answers to keep (hidden items discarded), or PathwayError saying what is wrong:
    every required item that is shown must be answered, in every section."""
    if set(answers) - set(questionnaire.keys()):
        raise PathwayError("The record has answers to questions that are not in the form.")
    form = AnswerForm(_form_data(answers), questionnaire=questionnaire)
    if not form.is_valid():
        for name in form.fields:
            if name in form.errors:
                message = str(form.errors[name][0])
                raise PathwayError(message if message.endswith(".") else f"{message}.")
        raise PathwayError(str(form.non_field_errors()[0]))
    return form.visible_answers


def _store(interview: Interview, version: Version, answers: Mapping[str, Value]) -> None:
    Answer.objects.bulk_create(
        Answer(interview=interview, version=version, item_key=key,
               value=answer_queries.to_text(value).strip())
        for key, value in answers.items() if answer_queries.to_text(value).strip()
    )


@transaction.atomic
def save_record_draft(*, actor: User, interview: Interview, section_key: str,
                      answers: Mapping[str, Value]) -> Interview:
    """The interviewer saves one section's answers as a draft (not locked, may change).
    The answers' words are not audited; that a draft was saved is."""
    interview = lock_case(interview)
    _refuse_if_locked(interview)
    pathway.check(actor, interview, "submit_record")
    version = _pin(interview)
    section = next((s for s in version.questionnaire.sections if s.key == section_key), None)
    if section is None:
        raise PathwayError("That part of the questionnaire does not exist.")
    keys = {item.key for item in section.items}
    if set(answers) - keys:
        raise PathwayError("The answers are to questions that are not in this part.")
    Answer.objects.filter(interview=interview, item_key__in=keys).delete()
    _store(interview, version, answers)
    audit_case(actor, interview, "record_draft_saved", section=section_key)
    return interview


@transaction.atomic
def submit_record(*, actor: User, interview: Interview, details: RecordDetails) -> Interview:
    """The interviewer submits the record agreed with the young person. It locks at once."""
    interview = lock_case(interview)
    _refuse_if_locked(interview)
    pathway.check(actor, interview, "submit_record")
    version = _pin(interview)
    questionnaire = version.questionnaire
    given = details.answers if details.answers is not None else draft_answers(
        interview, questionnaire)
    answers = check_answers(questionnaire, given)
    if not details.agreed_with_young_person:
        raise PathwayError("Confirm that the record was agreed with the young person.")
    if details.restrict_circulation and not details.restriction_reason.strip():
        raise PathwayError("Give the reason for restricting circulation.")
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
    Answer.objects.filter(interview=interview).delete()
    _store(interview, version, answers)
    record.content_sha256 = canonical.content_hash(record)
    record.save(update_fields=["content_sha256"])
    take(actor, interview, "submit_record", sha256=record.content_sha256,
          restricted=record.circulation_restricted)
    recipients = distribute_record(interview, restricted=record.circulation_restricted)
    notify([*roles.users_with_role(interview.organisation_id, Role.IRO), *recipients],
           subject="An exit interview record is ready to read",
           path=reverse("interviews:record", args=[interview.public_id]))
    return interview


@transaction.atomic
def close_early(*, actor: User, interview: Interview, outcome: str, reason: str) -> Interview:
    """Withdrawn (the young person withdrew consent) or unable to contact."""
    interview = lock_case(interview)
    if outcome not in ("withdraw", "unable_to_contact"):
        raise PathwayError("Choose what happened.")
    pathway.check(actor, interview, outcome)
    if not reason.strip():
        raise PathwayError("Give the reason.")
    interview.outcome_reason = reason.strip()
    interview.closed_at = timezone.now()
    take(actor, interview, outcome)
    return interview


@transaction.atomic
def restrict_circulation(*, actor: User, interview: Interview, reason: str) -> Interview:
    """The IRO limits who reads the record (seed 002 §5): distribution copies are withdrawn."""
    interview = lock_case(interview)
    pathway.check(actor, interview, "restrict_circulation")
    if not reason.strip():
        raise PathwayError("Give the reason for restricting circulation.")
    record = interview.record
    record.circulation_restricted = True
    record.restriction_reason = reason.strip()
    record.save(update_fields=["circulation_restricted", "restriction_reason"])
    removed = withdraw_distribution(interview)
    take(actor, interview, "restrict_circulation", copies_withdrawn=removed)
    return interview
