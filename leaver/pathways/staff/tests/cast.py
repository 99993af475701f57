"""A fixed cast for the staff pathway's tests, on top of the young person's (leaver.testing
.make_cast), so the young person's roles are there to prove they see nothing of staff cases;
and a factory for staff cases.

Cases reach "recorded" and "offered" through the real actions (record_leaver, send_offer).
The leaver's own steps (accepting, signing) belong to the link pages, so later states are set
directly, with what those steps would have stored (`make_staff_case`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.models import (
    Confirmation,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
)
from leaver.organisations.models import Membership, Pathway, Role, Setting, SettingKind
from leaver.pathways.staff import actions_leavers, actions_offer
from leaver.pathways.staff.models import Confidentiality, TakingPart
from leaver.pathways.staff.states import RECORDED_STATES, State
from leaver.questionnaires.seeding import publish_seed
from leaver.testing import Cast, make_cast, make_user

STAFF_SEED = "staff-exit"


@dataclass
class StaffCast:
    yp: Cast  # the organisation and its young person's roles
    school: Setting
    other_school: Setting
    headteacher: User  # of `school`
    other_headteacher: User  # of `other_school` only
    hr_lead: User  # for every school of the organisation
    school_hr_lead: User  # HR lead for `other_school` only
    interviewer: User  # independent, with a description
    staff_interviewer: User  # a member of staff, with a description
    line_manager: User  # a user with no role
    extra: dict[str, User] = field(default_factory=dict)

    @property
    def org(self) -> object:
        return self.yp.org

    def people(self) -> dict[str, User]:
        found = {name: value for name, value in vars(self).items() if isinstance(value, User)}
        for name in ("csm", "unit_manager", "social_worker", "iro", "safeguarding_lead",
                     "senior_manager", "org_admin", "outsider"):
            found[name] = getattr(self.yp, name)
        return found


def make_staff_cast(slug: str = "north") -> StaffCast:
    yp = make_cast(slug)
    org = yp.org
    school = Setting.objects.create(organisation=org, name="Hill Primary",
                                    kind=SettingKind.SCHOOL)
    other = Setting.objects.create(organisation=org, name="Vale Academy",
                                   kind=SettingKind.SCHOOL)
    publish_seed(org, name=STAFF_SEED, pathway=Pathway.STAFF)
    p = slug.title()
    interviewer = make_user(org, f"{p} Indi Pendent", Role.INTERVIEWER, independent=True)
    Membership.objects.filter(user=interviewer).update(
        description="Retired deputy head from another county")
    staff_interviewer = make_user(org, f"{p} Sam Staff", Role.INTERVIEWER)
    Membership.objects.filter(user=staff_interviewer).update(
        description="Business manager at Vale Academy")
    return StaffCast(
        yp=yp, school=school, other_school=other,
        headteacher=make_user(org, f"{p} Hana Head", Role.HEADTEACHER, school),
        other_headteacher=make_user(org, f"{p} Otis Head", Role.HEADTEACHER, other),
        hr_lead=make_user(org, f"{p} Hal Resources", Role.HR_LEAD),
        school_hr_lead=make_user(org, f"{p} Hattie Resources", Role.HR_LEAD, other),
        interviewer=interviewer, staff_interviewer=staff_interviewer,
        line_manager=make_user(org, f"{p} Lina Manager"),
    )


def leaver_details(cast: StaffCast, **overrides: object) -> actions_leavers.LeaverDetails:
    values: dict[str, object] = {
        "name": "Morgan Price", "email": "morgan.price@home.example",
        "job_role": "Teaching assistant", "department": "Key stage 1",
        "school": cast.school, "start_date": dt.date(2019, 9, 1),
        "leaving_date": dt.date(2027, 7, 31), "reason_code": "workload",
        "line_manager": cast.line_manager,
    }
    values.update(overrides)
    return actions_leavers.LeaverDetails(**values)  # type: ignore[arg-type]


def make_staff_case(cast: StaffCast, state: State = State.RECORDED, *,
                    anonymous: bool = False, **details: object) -> Interview:
    case = actions_leavers.record_leaver(actor=cast.hr_lead,
                                         details=leaver_details(cast, **details))
    if state == State.RECORDED:
        return case
    case = actions_offer.send_offer(actor=cast.hr_lead, interview=case)
    leaver = case.staff_leaver
    if anonymous:
        leaver.confidentiality = Confidentiality.ANONYMOUS
        leaver.save(update_fields=["confidentiality"])
    if state == State.OFFERED:
        return case
    # Beyond the offer: what the leaver's reply (and the interview) would have stored; the
    # offer link was used to reply.
    LeaverLink.objects.filter(interview=case, purpose=LinkPurpose.OFFER,
                              ended_at__isnull=True).update(used_at=timezone.now())
    leaver.replied_at = timezone.now()
    leaver.confidentiality = (Confidentiality.ANONYMOUS if anonymous
                              else Confidentiality.NAMED)
    leaver.taking_part = TakingPart.INTERVIEW
    leaver.save(update_fields=["replied_at", "confidentiality", "taking_part"])
    if state not in (State.ACCEPTED, State.DECLINED, State.NO_RESPONSE):
        case.interviewer = cast.interviewer
    if state in RECORDED_STATES:
        InterviewRecord.objects.create(
            interview=case, questionnaire_key=STAFF_SEED, submitted_by=cast.interviewer,
            submitted_at=timezone.now(), agreed_with_young_person=False, content_sha256="0" * 64,
            confirmation=Confirmation.AWAITING if state == State.AWAITING_CONFIRMATION
            else Confirmation.NOT_ASKED,
            confirmation_due=timezone.localdate() + dt.timedelta(days=14)
            if state == State.AWAITING_CONFIRMATION else None)
    case.state = state
    case.save()
    return Interview.objects.select_related("setting", "staff_leaver").get(pk=case.pk)
