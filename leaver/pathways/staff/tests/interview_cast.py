"""A small cast for the staff interview tests (one school trust, one person per role) and a
factory taking a staff case through the real actions to the state a test starts from.

The steps before an interviewer is assigned (recording the leaver, the offer and the reply)
and the leaver's own steps through their links belong to other parts of the pathway: here
the leaver is written as having accepted, and a request for corrections is written as the
leaver's link page would (the kernel's CorrectionRequest and the engine, actor None).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine, versions
from leaver.cases.models import CorrectionRequest, Interview, RecordVersion
from leaver.organisations.models import Organisation, Pathway, Role, Setting, SettingKind
from leaver.pathways.staff import interviewing, recording
from leaver.pathways.staff.models import Confidentiality, StaffLeaver, TakingPart
from leaver.pathways.staff.states import State
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.queries import shown_items
from leaver.questionnaires.seeding import publish_seed, seed
from leaver.questionnaires.spec import ItemType
from leaver.testing import datetime_parts, make_user

STAFF_SEED = "staff-exit"
LEAVER_EMAIL = "sam.taylor@home.example"


@dataclass
class StaffCast:
    org: Organisation
    school: Setting
    other_school: Setting
    headteacher: User
    other_headteacher: User  # of the other school
    hr_lead: User  # the trust's HR lead: every school
    interviewer: User  # independent, the leaver's preferred one
    other_interviewer: User  # of the school, not independent
    line_manager: User  # the leaver's line manager, also an interviewer
    named_manager: User  # an interviewer whose name is the line manager's typed name
    governor: User
    outsider: User

    def login(self, user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client


def make_interview_cast(slug: str = "trust") -> StaffCast:
    org = Organisation.objects.create(slug=slug, name=f"{slug.title()} Academy Trust")
    school = Setting.objects.create(organisation=org, name="Hill School", kind=SettingKind.SCHOOL)
    other = Setting.objects.create(organisation=org, name="Vale School", kind=SettingKind.SCHOOL)
    publish_seed(org, name=STAFF_SEED, pathway=Pathway.STAFF)
    p = slug.title()
    interviewer = make_user(org, f"{p} Ivy Impartial", Role.INTERVIEWER, independent=True)
    interviewer.memberships.update(description="Retired headteacher from outside the trust")
    other_interviewer = make_user(org, f"{p} Dan Deputy", Role.INTERVIEWER)
    other_interviewer.memberships.update(description="Deputy head at Vale School")
    return StaffCast(
        org=org, school=school, other_school=other,
        headteacher=make_user(org, f"{p} Hana Head", Role.HEADTEACHER, school),
        other_headteacher=make_user(org, f"{p} Otis Head", Role.HEADTEACHER, other),
        hr_lead=make_user(org, f"{p} Harriet Hr", Role.HR_LEAD),
        interviewer=interviewer, other_interviewer=other_interviewer,
        line_manager=make_user(org, f"{p} Lena Linemanager", Role.INTERVIEWER),
        named_manager=make_user(org, f"{p} Nora Named", Role.INTERVIEWER),
        governor=make_user(org, f"{p} Gil Governor", Role.GOVERNOR),
        outsider=make_user(org, f"{p} Owen Outsider"),
    )


def staff_answers(**said: Value) -> dict[str, Value]:
    """Every shown question of the staff questionnaire answered: the first choice of each
    choice question (4 on each scale), "Typed answer" to open ones; `said` overrides."""
    questionnaire = seed(STAFF_SEED)
    answers: dict[str, Value] = {}
    for item in questionnaire.items():
        if item.key in said:
            answers[item.key] = said[item.key]
        elif item.type == ItemType.SCALE:
            answers[item.key] = "4"
        elif item.type == ItemType.MULTIPLE_CHOICE:
            answers[item.key] = [item.choices[0].value]
        elif item.choices:
            answers[item.key] = item.choices[0].value
        else:
            answers[item.key] = f"Typed answer to {item.key}"
    shown = shown_items(questionnaire, answers)
    return {k: v for k, v in answers.items() if k in shown and v}


def section_keys() -> list[str]:
    return [s.key for s in seed(STAFF_SEED).sections]


def section_post(section_key: str, **said: Value) -> dict[str, Any]:
    """One section page as the browser posts it with "Save and continue"."""
    answers = staff_answers(**said)
    section = next(s for s in seed(STAFF_SEED).sections if s.key == section_key)
    data: dict[str, Any] = {i.key: answers[i.key] for i in section.items if i.key in answers}
    data["continue"] = ""
    return data


def schedule_post(when: dt.datetime, location: str = "Room 4, Main building") -> dict[str, str]:
    return {**datetime_parts("scheduled_for", when), "location": location}


def make_staff_case(cast: StaffCast, state: State = State.ACCEPTED, *,
                    confidentiality: Confidentiality = Confidentiality.NAMED,
                    line_manager_name: str = "") -> Interview:
    """A staff case in `state`, through the real actions from "accepted" on."""
    case = Interview.objects.create(
        organisation=cast.org, setting=cast.school, pathway=Pathway.STAFF,
        state=State.ACCEPTED, leaver_name="Sam Taylor", created_by=cast.hr_lead,
        consent_recorded_at=timezone.now())
    today = timezone.localdate()
    StaffLeaver.objects.create(
        interview=case, email=LEAVER_EMAIL, job_role="Teacher of maths",
        line_manager=cast.line_manager, line_manager_name=line_manager_name,
        start_date=today - dt.timedelta(days=900), leaving_date=today + dt.timedelta(days=20),
        reason_code="workload", confidentiality=confidentiality,
        taking_part=TakingPart.INTERVIEW, preferred_interviewer=cast.interviewer,
        replied_at=timezone.now())
    order = [State.ACCEPTED, State.INTERVIEWER_ASSIGNED, State.SCHEDULED, State.INTERVIEWED,
             State.AWAITING_CONFIRMATION, State.CORRECTIONS_REQUESTED]
    wanted = order.index(state) if state in order else None
    if state == State.CONFIRMED:
        wanted = order.index(State.INTERVIEWED)
    assert wanted is not None, state
    steps = [
        lambda: interviewing.assign_interviewer(actor=cast.hr_lead, case=case,
                                                interviewer=cast.interviewer),
        lambda: interviewing.schedule(actor=cast.interviewer, case=case,
                                      when=timezone.now() + dt.timedelta(days=2),
                                      location="Room 4"),
        lambda: record_interview(cast, case),
        lambda: recording.send_for_confirmation(actor=cast.interviewer, case=case),
        lambda: ask_for_corrections(case, "My reason for leaving was pay, not workload."),
    ]
    for step in steps[:wanted]:
        step()
        case.refresh_from_db()
    if state == State.CONFIRMED:
        recording.signed_in_person(actor=cast.interviewer, case=case, typed_name="Sam Taylor")
        case.refresh_from_db()
    assert case.state == state
    return case


def happened(case: Interview) -> None:
    """The arranged interview is over: its time moved two hours into the past."""
    Interview.objects.filter(pk=case.pk).update(
        scheduled_for=timezone.now() - dt.timedelta(hours=2))
    case.refresh_from_db()


def record_interview(cast: StaffCast, case: Interview, **said: Value) -> None:
    happened(case)
    answers = staff_answers(**said)
    for section in seed(STAFF_SEED).sections:
        recording.save_section(actor=cast.interviewer, case=case, section_key=section.key,
                               answers={i.key: answers[i.key] for i in section.items
                                        if i.key in answers}, done=True)
    recording.submit_record(actor=cast.interviewer, case=case)


def ask_for_corrections(case: Interview, comment: str) -> CorrectionRequest:
    """What the leaver's review link page does when they ask for a correction."""
    version = versions.current(case)
    assert version is not None
    request = CorrectionRequest.objects.create(interview=case, version=version, comment=comment,
                                               requested_at=timezone.now())
    engine.take(None, case, "request_corrections")
    case.record.confirmation = "corrections_requested"
    case.record.save(update_fields=["confirmation"])
    return request


def text_of(response: Any) -> str:
    """A page's text with entities decoded, for "the page says" checks."""
    return str(html.unescape(response.content.decode()))


def latest(case: Interview) -> RecordVersion:
    """The record's newest version (there must be one)."""
    version = versions.current(case)
    assert version is not None
    return version


def audit_actions(case: Interview) -> list[str]:
    return list(AuditEvent.objects.filter(object_id=case.public_id).order_by("id")
                .values_list("action", flat=True))


def agree_amendment(cast: StaffCast, case: Interview) -> None:
    """The interviewer asks to amend the locked record and the HR lead agrees."""
    from leaver.cases import amendment_agreement

    amendment_agreement.ask(actor=cast.interviewer, case=case, reason="A typing mistake.")
    amendment_agreement.decide(actor=cast.hr_lead, case=case, agree=True)
