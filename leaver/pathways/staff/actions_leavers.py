"""Recording a member of staff who is leaving (seed 000): the headteacher of the school or an
HR lead records them, one at a time or from a CSV file (upload.py). One transaction, one
audit row per leaver; nothing is sent yet (the offer is its own step, actions_offer.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import Pathway, Setting
from leaver.organisations.queries import open_settings
from leaver.pathways.staff.definition import CASE_SETTING_KINDS, LEADS, STAFF
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.models import StaffLanguage, StaffLeaver
from leaver.pathways.staff.reasons import reason_choices, staff_version
from leaver.pathways.staff.states import TERMINAL

JOB_ROLE = 100  # StaffLeaver.job_role and .department


@dataclass(frozen=True)
class LeaverDetails:
    name: str
    email: str
    job_role: str
    school: Setting
    start_date: dt.date
    leaving_date: dt.date
    reason_code: str
    department: str = ""
    line_manager: User | None = None
    line_manager_name: str = ""
    language: str = StaffLanguage.ENGLISH


def may_record(user: User) -> bool:
    return roles.has_role(user, *LEADS)


def schools_for(user: User) -> QuerySet[Setting]:
    """The open schools the user records leavers for: a headteacher's own schools, an HR
    lead's (every school, for a trust's HR lead)."""
    found = open_settings(user.organisation_id or 0, CASE_SETTING_KINDS)
    scope = roles.scope_of(user, LEADS)
    return found if scope is None else found.filter(pk__in=scope)


def line_managers(organisation_id: int) -> QuerySet[User]:
    return User.objects.filter(organisation_id=organisation_id, is_active=True).order_by(
        "full_name")


def is_already_open(email: str, school: Setting) -> bool:
    """A case of the same person at the same school that has not ended."""
    return StaffLeaver.objects.filter(
        email__iexact=email.strip(), interview__setting=school,
        interview__pathway=Pathway.STAFF,
    ).exclude(interview__state__in=list(TERMINAL)).exists()


def problems(actor: User, details: LeaverDetails) -> list[str]:
    """What is wrong with `details`, each as the end of a sentence ("the leaving date is
    before the start date"); empty when they can be recorded."""
    found: list[str] = []
    school = details.school
    if school.organisation_id != actor.organisation_id or not schools_for(actor).filter(
            pk=school.pk).exists():
        found.append(f"{school.name} is not one of the open schools you record leavers for")
    if not details.name.strip():
        found.append("the name is missing")
    if not details.email.strip():
        found.append("the email address is missing")
    else:
        try:
            validate_email(details.email.strip())
        except ValidationError:
            found.append(f"“{details.email.strip()}” is not an email address like "
                         "name@example.com")
    if not details.job_role.strip():
        found.append("the job role is missing")
    for value, limit, what in (
            (details.name, limits.NAME, "the name"),
            (details.email, limits.EMAIL, "the email address"),
            (details.job_role, JOB_ROLE, "the job role"),
            (details.department, JOB_ROLE, "the department"),
            (details.line_manager_name, limits.NAME, "the line manager's name")):
        if len(value.strip()) > limit:
            found.append(f"{what} must be {limit:,} characters or fewer")
    if details.leaving_date < details.start_date:
        found.append("the leaving date is before the start date")
    codes = {code for code, _ in reason_choices(staff_version(actor.organisation_id or 0,
                                                              school))}
    if details.reason_code not in codes:
        found.append(f"“{details.reason_code}” is not one of the reasons for leaving")
    manager = details.line_manager
    if manager is not None and (manager.organisation_id != actor.organisation_id
                                or not manager.is_active):
        found.append("the line manager is not an active member of your organisation")
    if details.language not in StaffLanguage.values:
        found.append("the language must be English or Welsh")
    if details.email.strip() and is_already_open(details.email, school):
        found.append(f"a case for {details.email.strip()} at {school.name} is already open")
    return found


def sentence(problem: str) -> str:
    return problem[:1].upper() + problem[1:] + "."


def _create(actor: User, details: LeaverDetails, **detail: object) -> Interview:
    version = staff_version(actor.organisation_id or 0, details.school)
    if version is None:
        raise ActionRefused("Your organisation has no published staff exit questionnaire "
                            "yet. Ask your organisation admin to publish one first.")
    interview = Interview.objects.create(
        organisation_id=details.school.organisation_id, setting=details.school,
        pathway=Pathway.STAFF, state=STAFF.initial, leaver_name=details.name.strip(),
        created_by=actor, questionnaire_version=version)
    StaffLeaver.objects.create(
        interview=interview, email=details.email.strip(), job_role=details.job_role.strip(),
        department=details.department.strip(), line_manager=details.line_manager,
        line_manager_name="" if details.line_manager else details.line_manager_name.strip(),
        start_date=details.start_date, leaving_date=details.leaving_date,
        reason_code=details.reason_code, language=details.language)
    engine.record_event(actor, interview, StaffEvent.LEAVER_RECORDED, **detail)
    return interview


@transaction.atomic
def record_leaver(*, actor: User, details: LeaverDetails) -> Interview:
    """The headteacher or HR lead records one leaver: the case starts, offer not sent."""
    if not may_record(actor):
        raise ActionRefused("Only a headteacher or an HR lead can record a leaver.")
    found = problems(actor, details)
    if found:
        raise ActionRefused(" ".join(sentence(p) for p in found))
    return _create(actor, details)


@transaction.atomic
def record_leavers(*, actor: User, rows: Sequence[tuple[int, LeaverDetails]]
                   ) -> list[Interview]:
    """Every leaver of a checked upload (upload.py: each with its row number), all or
    none."""
    if not may_record(actor):
        raise ActionRefused("Only a headteacher or an HR lead can record leavers.")
    # Checked again inside the transaction: someone may have recorded one meanwhile.
    found = [f"Row {number}: {p}" for number, details in rows
             for p in problems(actor, details)]
    if found:
        raise ActionRefused(" ".join(found))
    made = [_create(actor, details, from_upload=True) for _, details in rows]
    audit.record(actor=actor, action=StaffEvent.LEAVERS_UPLOADED, object_type="staff_upload",
                 object_id=None, organisation_id=actor.organisation_id,
                 detail={"count": len(made)})
    return made

