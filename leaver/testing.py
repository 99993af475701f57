"""A fixed cast for tests (like healthchecks' alice/bob/charlie) and a factory that takes a
case to any state through the real actions, so tests start from states the code can reach."""

from __future__ import annotations

import dataclasses
import datetime as dt
import socket
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import Answer, Interview, InterviewRecord, RecordShare
from leaver.core.dates import years_before
from leaver.organisations.models import (
    COMMISSIONER_CONTACTS,
    Commissioner,
    ConfidentialityStatement,
    DistributionRecipient,
    LetterContacts,
    Membership,
    Organisation,
    Pathway,
    Role,
    Setting,
    SettingKind,
    StatementStatus,
)
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.walk import People, Route, shift_in_time, walk
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.seeding import publish_seed, sample_answers, seed
from leaver.reviews import actions as ra
from leaver.reviews.models import DraftRecommendation, Letter, Recommendation, Review

PASSWORD = "test-password-123"


@dataclass
class Cast:
    """One organisation with one person per role. `other_*` are second holders of a role
    who are not connected to the case the factory makes."""

    org: Organisation
    home: Setting
    other_home: Setting
    statement: ConfidentialityStatement
    unit_manager: User
    other_unit_manager: User
    csm: User
    social_worker: User
    other_social_worker: User
    interviewer: User
    other_interviewer: User
    dependent_interviewer: User
    iro: User
    other_iro: User  # an IRO who is not this young person's: oversight reads only
    safeguarding_lead: User
    senior_manager: User
    org_admin: User
    outsider: User  # a member of the organisation with no role at all
    extra: dict[str, User] = field(default_factory=dict)

    def people(self) -> dict[str, User]:
        return {name: value for name, value in vars(self).items() if isinstance(value, User)}


# The names of the cast's people, for parametrizing over every role.
PEOPLE = [f.name for f in dataclasses.fields(Cast) if f.type == "User"]


def snapshot(interview: Interview) -> dict[str, object]:
    """Everything an action could change about a case, for "nothing changed" checks."""
    pk = interview.pk
    return {
        "interview": Interview.objects.filter(pk=pk).values().get(),
        "young_person": list(YoungPerson.objects.filter(interview_id=pk).values()),
        "record": list(InterviewRecord.objects.filter(interview_id=pk).values()),
        "answers": list(Answer.objects.filter(interview_id=pk).values()),
        "shares": list(RecordShare.objects.filter(interview_id=pk).order_by("id").values()),
        "recommendations": list(Recommendation.objects.filter(interview_id=pk).values()),
        "drafts": list(DraftRecommendation.objects.filter(interview_id=pk).values()),
        "review": list(Review.objects.filter(interview_id=pk).values()),
        "letter": list(Letter.objects.filter(interview_id=pk).values()),
        "cases": Interview.objects.count(),
        # Views log every page read; only writes count here.
        # Signing in is audited too, but changes no case.
        "audit": AuditEvent.objects.exclude(action__endswith="viewed")
        .exclude(action__startswith="account.").count(),
    }


def make_user(org: Organisation, name: str, role: Role | None = None,
              setting: Setting | None = None, independent: bool = False) -> User:
    email = f"{name.lower().replace(' ', '.')}@{org.slug}.example"
    user = User.objects.create_user(email, PASSWORD, full_name=name, organisation=org)
    if role is not None:
        Membership.objects.create(user=user, role=role, setting=setting,
                                  is_independent=independent)
    return user


def make_cast(slug: str = "north") -> Cast:
    org = Organisation.objects.create(slug=slug, name=f"{slug.title()} Council")
    home = Setting.objects.create(organisation=org, name="Oak House",
                                  kind=SettingKind.CHILDRENS_HOME)
    other_home = Setting.objects.create(organisation=org, name="Elm House",
                                        kind=SettingKind.CHILDRENS_HOME)
    statement = ConfidentialityStatement.objects.create(
        organisation=org, pathway=Pathway.YOUNG_PERSON, version=1,
        text="Your IRO and managers will read what you say. A copy goes to the manager of "
             "your home unless you ask for only your IRO to read it. Secrecy is not "
             "promised. You can change your mind.",
        status=StatementStatus.PUBLISHED, published_at=timezone.now())
    DistributionRecipient.objects.create(organisation=org, pathway=Pathway.YOUNG_PERSON,
                                         role=Role.CSM)
    LetterContacts.objects.create(
        organisation=org, advocacy=f"{slug.title()} Advocacy: phone 0808 157 0100",
        complaints=f"{slug.title()} Complaints Team: complaints@{slug}.example",
        commissioner=Commissioner.ENGLAND,
        commissioner_contact=COMMISSIONER_CONTACTS[Commissioner.ENGLAND])
    publish_seed(org)
    p = slug.title()
    return Cast(
        org=org, home=home, other_home=other_home, statement=statement,
        unit_manager=make_user(org, f"{p} Una Manager", Role.UNIT_MANAGER, home),
        other_unit_manager=make_user(org, f"{p} Otto Manager", Role.UNIT_MANAGER, other_home),
        csm=make_user(org, f"{p} Cora Csm", Role.CSM),
        social_worker=make_user(org, f"{p} Sol Worker", Role.SOCIAL_WORKER),
        other_social_worker=make_user(org, f"{p} Sasha Worker", Role.SOCIAL_WORKER),
        interviewer=make_user(org, f"{p} Ivy Interviewer", Role.INTERVIEWER, independent=True),
        other_interviewer=make_user(org, f"{p} Ian Interviewer", Role.INTERVIEWER,
                                    independent=True),
        dependent_interviewer=make_user(org, f"{p} Dee Staff", Role.INTERVIEWER),
        iro=make_user(org, f"{p} Iris Iro", Role.IRO),
        other_iro=make_user(org, f"{p} Ira Iro", Role.IRO),
        safeguarding_lead=make_user(org, f"{p} Sid Safe", Role.SAFEGUARDING_LEAD),
        senior_manager=make_user(org, f"{p} Sen Manager", Role.SENIOR_MANAGER),
        org_admin=make_user(org, f"{p} Ada Admin", Role.ORG_ADMIN),
        outsider=make_user(org, f"{p} Owen Outsider"),
    )


def move_details(cast: Cast, **overrides: object) -> ia.MoveDetails:
    today = timezone.localdate()
    values: dict[str, object] = {
        "setting": cast.home, "leaver_name": "Jordan Ellis",
        "date_of_birth": years_before(today, 15),
        "planned_move_date": today + dt.timedelta(days=10),
        "social_worker": cast.social_worker, "significant_learning_disability": False,
        "communication_needs": "", "preferred_language": "English",
        "allocated_iro": cast.iro, "address_line_1": "10 Example Road",
    }
    values.update(overrides)
    return ia.MoveDetails(**values)  # type: ignore[arg-type]


ANSWER = "An answer in my words."


# The one "yes" that would be a disclosure: it meets its safeguarding trigger and raises a
# concern (leaver.safeguarding). Tests about concerns say what the young person disclosed.
NO_DISCLOSURE: dict[str, Value] = {"experienced_bullying": "no"}


def full_answers(**said: Value) -> dict[str, Value]:
    """Every question of the seeded Appendix 1 answered: "yes" to each yes/no but "no" to
    bullying (NO_DISCLOSURE), the first choice of each multiple choice, ANSWER to each open
    question; comments left empty. `said` overrides, e.g. felt_safe="no"."""
    return sample_answers(ANSWER, said={**NO_DISCLOSURE, **said})


def record_details(**overrides: object) -> recording.RecordDetails:
    values: dict[str, object] = {
        "answers": full_answers(), "complaints_discussed": False, "advocacy_discussed": True,
        "complaints_referral_wanted": False, "advocacy_referral_wanted": False,
        "interviewer_notes": "", "agreed_with_young_person": True, "left_out_note": "",
        "restrict_circulation": False, "restriction_reason": "",
    }
    values.update(overrides)
    return recording.RecordDetails(**values)  # type: ignore[arg-type]


def make_case(cast: Cast, state: State = State.NOTIFIED, **details: object) -> Interview:
    """A case in `state`, reached through the real actions by the cast's people (the same
    walker load_demo uses). `on`: everything happened that day at 10:00 instead of now
    (walk.shift_in_time), for deadlines. `record`: what the interviewer records (default
    record_details())."""
    on = details.pop("on", None)
    assert on is None or isinstance(on, dt.date)
    record = details.pop("record", None) or record_details()
    assert isinstance(record, recording.RecordDetails)
    if state == State.NOT_FEASIBLE:
        details.setdefault("significant_learning_disability", True)
    # The statement shown is the organisation's current one, as on the consent page.
    people = People(notifier=cast.unit_manager, csm=cast.csm, interviewer=cast.interviewer,
                    iro=cast.iro)
    route = Route(record=record, letter_text="Dear Jordan, thank you.")
    case = walk(people, move_details(cast, **details), state, route)
    return case if on is None else happened_on(case, on)


def happened_on(case: Interview, day: dt.date) -> Interview:
    """Move the whole case in time so that it started on `day` at 10:00 UK time."""
    start = dt.datetime.combine(day, dt.time(10), tzinfo=timezone.get_current_timezone())
    return shift_in_time(case, start - case.created_at)


def held(cast: Cast, interview: Interview) -> Interview:
    """The assigned interviewer records that the interview was held an hour ago (a record
    cannot be submitted before the interview), or when consent was recorded if that was
    later (in the first hour of a day, an hour ago is the day before the consent)."""
    from leaver.pathways.young_person import recording_parts

    when = timezone.now() - dt.timedelta(hours=1)
    if interview.consent_recorded_at is not None:
        when = max(when, interview.consent_recorded_at)
    return recording_parts.record_interview_facts(
        actor=cast.interviewer, interview=interview, facts=recording_parts.InterviewFacts(
            held_at=when, held_how="in_person",
            held_where="The library", people_present="The young person and the interviewer",
            support="none"))


def add_recommendation(cast: Cast, interview: Interview, owner: User | None = None,
                       share_record: bool = False) -> Recommendation:
    return ra.add_recommendation(
        actor=cast.iro, interview=interview, text="Help with homework every evening.",
        owner=owner or cast.csm, due_date=timezone.localdate() + dt.timedelta(days=28),
        share_record=share_record)


# Recording through the pages ----------------------------------------------------------------

def section_post(section_key: str, **overrides: object) -> dict[str, object]:
    """One section page of the seeded Appendix 1 as the browser posts it with "Save and
    continue": full_answers() for its questions and "typed comment <key>" in each comment."""
    answers = full_answers()
    section = next(s for s in seed("yp-appendix-1").sections if s.key == section_key)
    data: dict[str, object] = {}
    for item in section.items:
        if item.key in answers:
            data[item.key] = answers[item.key]
        elif item.key.endswith("_comment"):
            data[item.key] = f"typed comment {item.key}"
    data["continue"] = ""
    data.update(overrides)
    return data


def check_post(**overrides: str) -> dict[str, str]:
    """The "check and submit" page, complete, as the browser posts it."""
    data = {"agreed_with_young_person": "on", "advocacy_discussed": "on",
            "interviewer_notes": "typed notes heron"}
    data.update(overrides)
    return data


def section_keys() -> list[str]:
    return [s.key for s in seed("yp-appendix-1").sections]


def answer_sections(client: Client, interview: Interview) -> None:
    """Post every section page with section_post(); each must be saved."""
    for key in section_keys():
        response = client.post(f"/cases/{interview.public_id}/record/{key}/", section_post(key))
        assert response.status_code == 302, (key, response.content.decode()[:3000])


def datetime_parts(name: str, when: dt.datetime) -> dict[str, str]:
    """A GOV.UK date input with its time box (leaver.ui.date_input) as the browser posts it."""
    local = timezone.localtime(when)
    return {**date_parts(name, local.date()), f"{name}-time": f"{local:%H:%M}"}


def facts_post(**overrides: str) -> dict[str, str]:
    """The "when, how and where" page as the browser posts it: held an hour ago, or at
    midnight in the first hour of a day (consent recorded today: never held before it)."""
    now = timezone.localtime()
    held = max(now - dt.timedelta(hours=1), now.replace(hour=0, minute=0, second=0,
                                                        microsecond=0))
    data = {**datetime_parts("held_at", held), "held_how": "in_person",
            "held_where": "The library", "people_present": "The young person and me",
            "support": "none", "support_details": ""}
    data.update(overrides)
    return data


def record_parts(client: Client, interview: Interview, **check: str) -> None:
    """Post the pages beyond the answers (when and how it was held, complaints and advocacy,
    agreement, circulation) from check_post(**check), as the browser would: each is saved."""
    data = check_post(**check)
    yes_no = {"on": "yes", "": "no"}
    base = f"/cases/{interview.public_id}/record"
    posts = {
        "about": facts_post(),
        "complaints": {name: yes_no[data.get(name, "")] for name in (
            "complaints_discussed", "complaints_referral_wanted", "advocacy_discussed",
            "advocacy_referral_wanted")},
        "agreement": {name: data[name] for name in (
            "agreed_with_young_person", "interviewer_notes", "left_out_note") if name in data},
        "circulation": {"restrict_circulation": yes_no[data.get("restrict_circulation", "")],
                        "restriction_reason": data.get("restriction_reason", "")},
    }
    for part, post in posts.items():
        response = client.post(f"{base}/{part}/", post)
        assert response.status_code == 302, (part, response.content.decode()[:3000])


def record_through_pages(client: Client, interview: Interview, **check: str) -> Any:
    """Answer every section and the pages beyond the answers, then submit on the check
    page; the response to that post."""
    answer_sections(client, interview)
    record_parts(client, interview, **check)
    return client.post(f"/cases/{interview.public_id}/record/check/", {})


def date_parts(name: str, day: dt.date) -> dict[str, str]:
    """A GOV.UK date input (leaver.ui.date_input) as the browser posts it."""
    return {f"{name}-day": str(day.day), f"{name}-month": str(day.month),
            f"{name}-year": str(day.year)}


def consent_post(outcome: str = "consent_given", **overrides: object) -> dict[str, object]:
    """The consent page as the social worker posts it: asked today, may be quoted."""
    data: dict[str, object] = {"outcome": outcome, "may_quote": "yes",
                               **date_parts("asked_on", timezone.localdate())}
    data.update(overrides)
    return data


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
