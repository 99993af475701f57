"""A small cast for the staff pathway's action plan, built directly with the ORM: a school
case whose record the leaver has confirmed (or not), the school's headteacher, an HR lead for
every school of the trust, an interviewer, an owner with no role, and people who must be
refused (another school's headteacher, another trust's HR lead)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.models import Confirmation, Interview, InterviewRecord
from leaver.organisations.models import Organisation, Pathway, Role, Setting, SettingKind
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.models import Confidentiality, StaffLeaver
from leaver.pathways.staff.states import State
from leaver.testing import make_user


@dataclass
class StaffCast:
    org: Organisation
    school: Setting
    other_school: Setting
    headteacher: User
    other_headteacher: User  # of the other school
    hr_lead: User  # for every school of the trust
    interviewer: User
    owner: User  # a deputy head: no role in Leaver, asked to act
    second_owner: User
    stranger_hr_lead: User  # another trust's


def make_staff_cast(slug: str = "oakfield") -> StaffCast:
    org = Organisation.objects.create(slug=slug, name=f"{slug.title()} Academy Trust")
    school = Setting.objects.create(organisation=org, name="Greenfield Primary",
                                    kind=SettingKind.SCHOOL)
    other_school = Setting.objects.create(organisation=org, name="Hillside Academy",
                                          kind=SettingKind.SCHOOL)
    other = Organisation.objects.create(slug=f"{slug}-other", name="Another Trust")
    p = slug.title()
    return StaffCast(
        org=org, school=school, other_school=other_school,
        headteacher=make_user(org, f"{p} Hana Head", Role.HEADTEACHER, school),
        other_headteacher=make_user(org, f"{p} Otis Head", Role.HEADTEACHER, other_school),
        hr_lead=make_user(org, f"{p} Harriet Hr", Role.HR_LEAD),
        interviewer=make_user(org, f"{p} Ivan Interviewer", Role.INTERVIEWER),
        owner=make_user(org, f"{p} Dana Deputy"),
        second_owner=make_user(org, f"{p} Sam Site"),
        stranger_hr_lead=make_user(other, f"{p} Stan Stranger", Role.HR_LEAD),
    )


def make_staff_case(cast: StaffCast, state: State = State.CONFIRMED, *,
                    anonymous: bool = False, reached_on: dt.date | None = None) -> Interview:
    """A case whose record reached `state` (confirmed or not confirmed) through its audited
    step, on `reached_on` at 10:00 (default: now)."""
    now = timezone.now()
    case = Interview.objects.create(
        organisation=cast.org, setting=cast.school, pathway=Pathway.STAFF, state=state,
        leaver_name="Morgan Price", created_by=cast.headteacher, interviewer=cast.interviewer)
    StaffLeaver.objects.create(
        interview=case, email="morgan.price@example.org", job_role="Teaching assistant",
        start_date=dt.date(2020, 9, 1), leaving_date=timezone.localdate(),
        reason_code="relocation",
        confidentiality=Confidentiality.ANONYMOUS if anonymous else Confidentiality.NAMED)
    InterviewRecord.objects.create(
        interview=case, questionnaire_key="staff", submitted_by=cast.interviewer,
        submitted_at=now, agreed_with_young_person=True, content_sha256="0" * 64,
        confirmation=Confirmation.CONFIRMED if state == State.CONFIRMED
        else Confirmation.NOT_CONFIRMED)
    event = StaffEvent.SIGNED if state == State.CONFIRMED else StaffEvent.NOT_CONFIRMED
    engine.record_event(None, case, event, previous_state=State.AWAITING_CONFIRMATION)
    if reached_on is not None:
        at = dt.datetime.combine(reached_on, dt.time(10), tzinfo=timezone.get_current_timezone())
        AuditEvent.objects.filter(object_id=case.public_id, action=event.value).update(at=at)
    return Interview.objects.select_related("setting").get(pk=case.pk)
