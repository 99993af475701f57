"""Cases for the tests of the leaver's own pages (leaver.cases.you): a school with its
headteacher, HR lead and interviewers added to the test cast's organisation, a staff
leaver's case built directly (StaffLeaver row), the link the leaver was sent, and a small
questionnaire with Welsh and easy-read wording, a 1-5 scale and a safeguarding trigger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.test import Client
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import links
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview, LeaverLink, LinkPurpose
from leaver.organisations.models import (
    ConfidentialityStatement,
    Membership,
    Pathway,
    Role,
    Setting,
    SettingKind,
    StatementStatus,
)
from leaver.pathways.staff.models import StaffLeaver
from leaver.pathways.staff.states import State
from leaver.questionnaires import actions as questionnaire_actions
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import (
    YES_NO_NOT_SURE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from leaver.testing import Cast, make_cast, make_user

SCALE = tuple(Choice(str(n), {"en": w, "cy": c}) for n, w, c in (
    ("1", "Very bad", "Gwael iawn"), ("2", "Bad", "Gwael"), ("3", "OK", "Iawn"),
    ("4", "Good", "Da"), ("5", "Very good", "Da iawn")))


def questionnaire(key: str) -> Questionnaire:
    """Three sections: a scale and a yes/no whose "no" is a safeguarding trigger, a required
    open question, and an optional one."""
    return Questionnaire(key=key, title={"en": "Leaving"}, version="1", sections=(
        Section("feelings", {"en": "How it felt", "cy": "Sut oedd hi"}, items=(
            Item("rating", ItemType.SCALE, {"en": "How was it overall?",
                                            "cy": "Sut oedd hi ar y cyfan?"},
                 easy_read={"en": "Was it good or bad?"}, choices=SCALE),
            Item("felt_safe", ItemType.YES_NO_NOT_SURE, {"en": "Did you feel safe?",
                                                         "cy": "Oeddech chi'n teimlo'n ddiogel?"},
                 easy_read={"en": "Did you feel safe there?"}, required=True,
                 safeguarding_trigger="${felt_safe} = 'no'", choices=YES_NO_NOT_SURE),
        )),
        Section("why", {"en": "Why you are leaving", "cy": "Pam rydych chi'n gadael"}, items=(
            Item("why_leaving", ItemType.LONG_TEXT, {"en": "Why are you leaving?",
                                                     "cy": "Pam rydych chi'n gadael?"},
                 easy_read={"en": "Why are you going?"}, required=True),
        )),
        Section("else", {"en": "Anything else", "cy": "Unrhyw beth arall"}, items=(
            Item("anything_else", ItemType.SHORT_TEXT, {"en": "Anything else?",
                                                        "cy": "Unrhyw beth arall?"}),
        )),
    ))


def publish(cast: Cast, pathway: Pathway) -> Version:
    draft = questionnaire_actions.save_draft(
        actor=None, organisation=cast.org, pathway=pathway,
        questionnaire=questionnaire(f"test-{pathway}"))
    return questionnaire_actions.publish(actor=None, version=draft)


@dataclass
class School:
    cast: Cast
    school: Setting
    headteacher: User
    hr_lead: User
    line_manager: User  # also an interviewer: never offered to their own report
    statement: ConfidentialityStatement
    version: Version


def make_school(slug: str = "north") -> School:
    cast = make_cast(slug)
    cast.org.contact_email = f"hr@{slug}.example"
    cast.org.contact_phone = "01234 567890"
    cast.org.save()
    school = Setting.objects.create(organisation=cast.org, name="Hill School",
                                    kind=SettingKind.SCHOOL)
    Membership.objects.filter(user=cast.interviewer, role=Role.INTERVIEWER).update(
        description="A retired head who listens.")
    line_manager = make_user(cast.org, "Lena Manager", Role.INTERVIEWER)
    statement = ConfidentialityStatement.objects.create(
        organisation=cast.org, pathway=Pathway.STAFF, version=3,
        text="Your interviewer and the HR lead read what you say.",
        text_cy="Mae eich cyfwelydd a'r arweinydd AD yn darllen yr hyn a ddywedwch.",
        status=StatementStatus.PUBLISHED, published_at=timezone.now())
    return School(
        cast=cast, school=school,
        headteacher=make_user(cast.org, "Hana Head", Role.HEADTEACHER, school),
        hr_lead=make_user(cast.org, "Harriet Hr", Role.HR_LEAD),
        line_manager=line_manager, statement=statement, version=publish(cast, Pathway.STAFF))


def staff_case(school: School, state: State = State.OFFERED, language: str = "en"
               ) -> Interview:
    today = timezone.localdate()
    case = Interview.objects.create(
        organisation=school.cast.org, setting=school.school, pathway=Pathway.STAFF,
        state=state, leaver_name="Sam Teacher", created_by=school.hr_lead,
        questionnaire_version=school.version)
    StaffLeaver.objects.create(
        interview=case, email="sam@example.com", job_role="Teacher",
        line_manager=school.line_manager, start_date=today - dt.timedelta(days=900),
        leaving_date=today + dt.timedelta(days=20), reason_code="career", language=language,
        offer_sent_at=timezone.now())
    return case


def send(case: Interview, purpose: LinkPurpose) -> str:
    """The token of a new link, as in the leaver's email."""
    return links.issue(case=case, purpose=purpose, actor=case.created_by)


def open_link(client: Client, token: str) -> str:
    """Open the link as the leaver does; the address it moves on to (no secret in it)."""
    response = client.get(f"/you/{token}/")
    assert response.status_code == 302, response.status_code
    return str(response["Location"])


def rows(case: Interview) -> dict[str, object]:
    """Everything a leaver's page could change about the case."""
    return {
        "case": Interview.objects.filter(pk=case.pk).values().get(),
        "staff": list(StaffLeaver.objects.filter(interview=case).values()),
        "links": list(LeaverLink.objects.filter(interview=case).order_by("id").values()),
        "records": list(case.record_versions.values()), "answers": list(case.answers.values()),
        "sign_offs": list(case.sign_offs.values()),
        "corrections": list(case.correction_requests.values()),
    }


def refusals(case: Interview) -> list[str]:
    return [e.detail["kind"] for e in AuditEvent.objects.filter(
        object_id=case.public_id, action=CaseEvent.LINK_REFUSED).order_by("id")]


def answering(school: School, **case_options: str) -> tuple[Interview, Client, str]:
    case = staff_case(school, State.ACCEPTED, **case_options)
    client = Client()
    where = open_link(client, send(case, LinkPurpose.SELF_COMPLETION))
    return case, client, f"{where}answers/"


def answer_all(client: Client, base: str, felt_safe: str = "yes") -> Any:
    client.post(f"{base}feelings/", {"rating": "4", "felt_safe": felt_safe, "continue": ""})
    client.post(f"{base}why/", {"why_leaving": "A new job nearer home.", "continue": ""})
    return client.post(f"{base}else/", {"anything_else": "", "continue": ""})
