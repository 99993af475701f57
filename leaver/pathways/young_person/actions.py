"""The young person's pathway's own writes: the move, consent, the interviewer, the time and
place, ending early and restricting circulation. One function, one transaction, one audit row
each; emails go out only after commit. Recording the interview is in recording.py, the review
and letter in leaver.reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.cases.sharing import withdraw_distribution
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.notifications.email import notify
from leaver.organisations import roles
from leaver.organisations.models import (
    ConfidentialityStatement,
    Pathway,
    Role,
    Setting,
)
from leaver.organisations.queries import current_statement, open_settings
from leaver.pathways.young_person.definition import CASE_SETTING_KINDS, YOUNG_PERSON
from leaver.pathways.young_person.events import YoungPersonEvent
from leaver.pathways.young_person.models import FeasibilityAid, Language, YoungPerson
from leaver.questionnaires.selection import version_for


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
    allocated_iro: User | None = None
    other_language: str = ""
    phone: str = ""
    email: str = ""
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    postcode: str = ""


# The young person's details people type, at most (leaver.core.limits), in their forms' words.
DETAIL_LIMITS = {
    "leaver_name": (limits.NAME, "Young person's full name"),
    "communication_needs": (limits.COMMUNICATION_NEEDS, "Communication needs"),
    "other_language": (limits.LANGUAGE_NAME, "The language's name"),
    "phone": (limits.PHONE, "Phone number"),
    "email": (limits.EMAIL, "Email address"),
    "address_line_1": (limits.ADDRESS_LINE_1, "Address line 1"),
    "address_line_2": (limits.ADDRESS_LINE_2, "Address line 2"),
    "town": (limits.TOWN, "Town or city"),
    "postcode": (limits.POSTCODE, "Postcode"),
}


def refuse_if_details_too_long(values: Mapping[str, object]) -> None:
    for name, value in values.items():
        if name in DETAIL_LIMITS and isinstance(value, str):
            limit, what = DETAIL_LIMITS[name]
            limits.refuse_if_too_long(value.strip(), limit, what)


@transaction.atomic
def notify_move(*, actor: User, details: MoveDetails) -> Interview:
    """The Unit Manager (or CSM) records that a young person is moving (seed 002 §2)."""
    setting = details.setting
    if setting.organisation_id != actor.organisation_id:
        raise ActionRefused("Choose one of your organisation's homes or placements.")
    if setting.kind not in CASE_SETTING_KINDS:
        raise ActionRefused("Choose a children's home or an agency placement.")
    # Read again, not trusted from the form: it may have closed since the page was shown.
    if not open_settings(setting.organisation_id).filter(pk=setting.pk).exists():
        raise ActionRefused(f"{setting.name} is closed: no new case can start there. Choose "
                            "a home or placement that is open.")
    held = roles.roles_of(actor)
    if Role.CSM not in held and setting.pk not in roles.managed_setting_ids(actor):
        raise ActionRefused(
            "Only a Unit Manager of this home or a Children's Services Manager can do this."
        )
    if details.date_of_birth > timezone.localdate():
        raise ActionRefused("Date of birth must be in the past.")
    refuse_if_details_too_long(vars(details))
    sw = details.social_worker
    if sw.organisation_id != actor.organisation_id or Role.SOCIAL_WORKER not in roles.roles_of(sw):
        raise ActionRefused("Choose a social worker from your organisation.")
    iro = details.allocated_iro
    if iro is None:
        raise ActionRefused("Choose the young person's Independent Reviewing Officer.")
    if iro.organisation_id != actor.organisation_id or Role.IRO not in roles.roles_of(iro):
        raise ActionRefused("Choose an Independent Reviewing Officer from your organisation.")
    language = Language(details.preferred_language)
    other_language = details.other_language.strip() if language == Language.OTHER else ""
    if language == Language.OTHER and not other_language:
        raise ActionRefused("Enter the name of the young person's preferred language.")
    interview = Interview.objects.create(
        organisation_id=actor.organisation_id, setting=setting, pathway=Pathway.YOUNG_PERSON,
        state=YOUNG_PERSON.initial, leaver_name=details.leaver_name, created_by=actor,
        # Pinned now: later versions never change how this interview is recorded.
        questionnaire_version=version_for(organisation_id=actor.organisation_id or 0,
                                          pathway=Pathway.YOUNG_PERSON, setting=setting),
    )
    YoungPerson.objects.create(
        interview=interview, date_of_birth=details.date_of_birth,
        planned_move_date=details.planned_move_date, social_worker=sw, allocated_iro=iro,
        significant_learning_disability=details.significant_learning_disability,
        communication_needs=details.communication_needs,
        preferred_language=language, other_language=other_language,
        phone=details.phone.strip(), email=details.email.strip(),
        address_line_1=details.address_line_1.strip(),
        address_line_2=details.address_line_2.strip(), town=details.town.strip(),
        postcode=details.postcode.strip().upper(),
    )
    engine.record_event(actor, interview, YoungPersonEvent.MOVE_NOTIFIED)
    csms = roles.users_with_role(interview.organisation_id, Role.CSM)
    notify([*csms, sw], subject="A young person is moving: an exit interview to arrange",
           path=engine.case_url(interview))
    return interview


class ConsentOutcome:
    CONSENTED = "consent_given"
    DECLINED = "consent_declined"
    NOT_FEASIBLE = "not_feasible"


@dataclass(frozen=True)
class ConsentDecision:
    outcome: str  # a ConsentOutcome
    asked_on: dt.date | None = None  # when the social worker asked; None: today
    reason: str = ""
    may_quote: bool = False
    tried: tuple[str, ...] = ()  # not feasible: FeasibilityAid values


# What the CSM is told of each outcome (seed 002 §2: the social worker notifies the CSM).
_CONSENT_EMAIL = {
    ConsentOutcome.CONSENTED: "Consent given: choose an independent interviewer",
    ConsentOutcome.DECLINED: "A young person declined an exit interview",
    ConsentOutcome.NOT_FEASIBLE: "An exit interview is not feasible for a young person",
}


@transaction.atomic
def record_consent(
    *, actor: User, interview: Interview, outcome: str, reason: str, may_quote: bool,
    statement: ConfidentialityStatement, asked_on: dt.date | None = None,
    tried: tuple[str, ...] = (),
) -> Interview:
    interview = engine.lock(interview)
    if outcome not in _CONSENT_EMAIL:
        raise ActionRefused("Choose whether the young person consented.")
    engine.check(actor, interview, outcome)
    young_person = interview.young_person
    today = timezone.localdate()
    asked_on = asked_on or today
    if asked_on > today:
        raise ActionRefused("The date they were asked must be today or in the past.")
    if asked_on < interview.created_at.date() - dt.timedelta(days=1):
        raise ActionRefused("The date they were asked cannot be before the move was recorded "
                            f"({timezone.localtime(interview.created_at):%d %B %Y}).")
    unknown = set(tried) - set(FeasibilityAid.values)
    if unknown:
        raise ActionRefused("Choose what was tried from the list.")
    if outcome == ConsentOutcome.NOT_FEASIBLE:
        if not young_person.significant_learning_disability:
            raise ActionRefused(
                "“Not feasible” is only for a young person with a significant learning "
                "disability, and this young person is not recorded as having one."
            )
        if not reason.strip():
            raise ActionRefused("Give the reason the interview is not feasible.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "The reason")
    if statement.organisation_id != interview.organisation_id \
            or statement.pathway != interview.pathway:
        raise ActionRefused("The confidentiality statement is not your organisation's.")
    # The young person must have been shown the statement in force: a draft never, and an
    # older version not once a newer one is published (the page showed it too late).
    if not statement.is_published:
        raise ActionRefused("This confidentiality statement is a draft: only a published "
                            "version can be shown to a young person.")
    current = current_statement(interview.organisation_id, interview.pathway)
    if current is None or statement.pk != current.pk:
        raise ActionRefused(
            "A new version of the confidentiality statement has been published since this "
            "page was opened. Read the new version with the young person, then record their "
            "decision again.")
    interview.consent_recorded_at = timezone.now()
    interview.confidentiality_statement = statement
    interview.may_quote_anonymously = may_quote and outcome == ConsentOutcome.CONSENTED
    interview.outcome_reason = reason.strip() if outcome != ConsentOutcome.CONSENTED else ""
    young_person.consent_asked_on = asked_on
    young_person.feasibility_tried = (
        sorted(set(tried)) if outcome == ConsentOutcome.NOT_FEASIBLE else [])
    young_person.save(update_fields=["consent_asked_on", "feasibility_tried"])
    engine.take(actor, interview, outcome, statement_version=statement.version,
                asked_on=asked_on.isoformat())
    notify(roles.users_with_role(interview.organisation_id, Role.CSM),
           subject=_CONSENT_EMAIL[outcome], path=engine.case_url(interview))
    return interview


def may_reopen(interview: Interview) -> bool:
    """A decline can be changed while the move is still ahead (to the planned move date)."""
    return interview.young_person.planned_move_date >= timezone.localdate()


@transaction.atomic
def reopen(*, actor: User, interview: Interview, reason: str) -> Interview:
    """The young person who declined has changed their mind: the social worker reopens the
    case, which awaits consent again (the confidentiality statement says they may)."""
    interview = engine.lock(interview)
    engine.check(actor, interview, "reopen")
    if not may_reopen(interview):
        raise ActionRefused(
            "This case can no longer be reopened: the planned move date "
            f"({interview.young_person.planned_move_date:%d %B %Y}) has passed. If the move "
            "was delayed, correct the planned move date first.",
            back_url=engine.case_url(interview), back_label="Back to the case")
    if not reason.strip():
        raise ActionRefused("Say how the young person told you they changed their mind.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "Your answer")
    previous = {"declined_on": interview.consent_recorded_at.isoformat()
                if interview.consent_recorded_at else None}
    interview.consent_recorded_at = None
    interview.confidentiality_statement = None
    interview.may_quote_anonymously = False
    interview.outcome_reason = ""
    engine.take(actor, interview, "reopen", reason=reason.strip(), **previous)
    notify(roles.users_with_role(interview.organisation_id, Role.CSM),
           subject="A young person who declined an exit interview has changed their mind",
           path=engine.case_url(interview))
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
    interview = engine.lock(interview)
    engine.check(actor, interview, "assign_interviewer")
    refusal = interviewer_refusal(interviewer, interview)
    if refusal:
        raise ActionRefused(f"{interviewer.full_name} {refusal}, so cannot be chosen.")
    interview.interviewer = interviewer
    # A new interviewer arranges their own time and place.
    interview.scheduled_for = None
    interview.location = ""
    engine.take(actor, interview, "assign_interviewer", interviewer=str(interviewer.public_id))
    notify([interviewer], subject="You have been asked to carry out an exit interview",
           path=engine.case_url(interview))
    return interview


@transaction.atomic
def schedule_interview(
    *, actor: User, interview: Interview, when: dt.datetime, location: str
) -> Interview:
    interview = engine.lock(interview)
    engine.check(actor, interview, "schedule")
    if timezone.is_naive(when):
        raise ActionRefused("The interview time must include a time zone.")
    if when <= timezone.now():
        raise ActionRefused(
            f"{timezone.localtime(when):%d %B %Y at %H:%M} has already passed. Choose a date "
            "and time in the future. If the interview has already happened, record it and "
            "give the date it was held.")
    if not location.strip():
        raise ActionRefused("Enter where the interview will take place.")
    limits.refuse_if_too_long(location.strip(), limits.PLACE, "Place")
    previous = interview.scheduled_for
    interview.scheduled_for = when
    interview.location = location.strip()
    # The old and new times stay on the timeline (times only: no personal data).
    engine.take(actor, interview, "schedule", when=when.isoformat(),
                previously=previous.isoformat() if previous else "")
    # The young person's social worker and the home's managers are told the time and given
    # a link (no name: the time says nothing about who).
    at = f"{timezone.localtime(when):%-d %B %Y at %H:%M}"
    notify([interview.young_person.social_worker, *roles.managers_of(interview.setting_id)],
           subject=f"An exit interview has been arranged for {at}" if previous is None
           else f"An exit interview has been moved to {at}",
           path=engine.case_url(interview))
    return interview


def describe_schedule(detail: Mapping[str, object]) -> str:
    """The timeline's words for an arrangement: when, and when it was before."""
    def at(value: object) -> str:
        return f"{timezone.localtime(dt.datetime.fromisoformat(str(value))):%-d %B %Y, %H:%M}"
    if not detail.get("when"):
        return ""
    if detail.get("previously"):
        return f"moved from {at(detail['previously'])} to {at(detail['when'])}"
    return f"for {at(detail['when'])}"


@transaction.atomic
def close_early(*, actor: User, interview: Interview, outcome: str, reason: str) -> Interview:
    """Withdrawn (the young person withdrew consent) or unable to contact."""
    interview = engine.lock(interview)
    if outcome not in ("withdraw", "unable_to_contact"):
        raise ActionRefused("Choose what happened.")
    engine.check(actor, interview, outcome)
    if not reason.strip():
        raise ActionRefused("Give the reason.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "Reason")
    interview.outcome_reason = reason.strip()
    interview.closed_at = timezone.now()
    engine.take(actor, interview, outcome)
    return interview


@transaction.atomic
def restrict_circulation(*, actor: User, interview: Interview, reason: str) -> Interview:
    """The IRO limits who reads the record (seed 002 §5): distribution copies are withdrawn."""
    interview = engine.lock(interview)
    engine.check(actor, interview, "restrict_circulation")
    if not reason.strip():
        raise ActionRefused("Give the reason for restricting circulation.")
    limits.refuse_if_too_long(reason.strip(), limits.REASON, "The reason")
    record = interview.record
    record.circulation_restricted = True
    record.restriction_reason = reason.strip()
    record.save(update_fields=["circulation_restricted", "restriction_reason"])
    removed = withdraw_distribution(interview)
    engine.take(actor, interview, "restrict_circulation", copies_withdrawn=removed)
    return interview
