"""The demo's school (seed 000): Riverside Academy in the demo organisation, its people, its
published staff questionnaire and confidentiality statement, and staff leavers at each step
of the pathway, each moved there by the real actions (the leaver's own steps through the
same actions their link pages call), so timelines, versions and audit are real."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.organisation import statements
from leaver.audit.models import AuditEvent
from leaver.cases import links, time_travel
from leaver.cases.models import Interview, InterviewRecord, LeaverLink, LinkPurpose
from leaver.cases.you import actions as you
from leaver.cases.you import queries as you_queries
from leaver.demo import statements as texts
from leaver.organisations.models import (
    Membership,
    Organisation,
    Pathway,
    Role,
    Setting,
    SettingKind,
)
from leaver.pathways.staff import actions_leavers, actions_offer, interviewing, recording
from leaver.pathways.staff.models import StaffLeaver
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.seeding import publish_seed, sample_answers, seed
from leaver.reviews import actions as reviews

STAFF_SEED = "staff-exit"
SCHOOL = "Riverside Academy"

# (full name, email, role, description for the leaver's list of interviewers, independent)
STAFF_PEOPLE = [
    ("Helen Carter", "helen.carter@demo.example", Role.HEADTEACHER, "", False),
    ("Nadia Hussain", "nadia.hussain@demo.example", Role.HR_LEAD, "", False),
    ("Owen Price", "owen.price@demo.example", Role.INTERVIEWER,
     "Deputy headteacher at Riverside Academy", False),
    ("Judith Marsh", "judith.marsh@demo.example", Role.INTERVIEWER,
     "Retired headteacher, not connected with the school", True),
    # Head of science: an interviewer too, so the line-manager rule has someone to refuse.
    ("Gareth Jones", "gareth.jones@demo.example", Role.INTERVIEWER,
     "Head of science at Riverside Academy", False),
]


@dataclass(frozen=True)
class School:
    setting: Setting
    head: User
    hr: User
    owen: User  # internal interviewer
    judith: User  # external, impartial
    gareth: User  # head of science, a line manager


def said(reason: str, workload: int, leadership: int, stay: str, well: str,
         recommend: str, other: str = "") -> dict[str, Value]:
    """One leaver's believable answers to the staff questionnaire."""
    return sample_answers("", name=STAFF_SEED, said={
        "reason_for_leaving": reason, "rating_workload": str(workload),
        "rating_leadership": str(leadership), "rating_colleague_support": "4",
        "rating_professional_development": "3", "rating_pay_and_conditions": "3",
        "rating_wellbeing": str(min(workload + 1, 5)), "rating_pupil_behaviour": "3",
        "would_have_stayed": stay, "school_does_well": well,
        "recommend_working_here": recommend, "anything_else": other})


def load(org: Organisation, admin: User, password: str) -> School:
    setting = Setting.objects.create(organisation=org, name=SCHOOL, kind=SettingKind.SCHOOL)
    people: dict[str, User] = {}
    for name, email, role, description, independent in STAFF_PEOPLE:
        user = User.objects.create_user(email, password, full_name=name, organisation=org)
        Membership.objects.create(user=user, role=role, setting=setting,
                                  is_independent=independent, description=description)
        people[name.split()[0].lower()] = user
    statements.publish(actor=admin, statement=statements.save_draft(
        actor=admin, organisation=org, pathway=Pathway.STAFF, text=texts.STAFF_STATEMENT,
        text_cy=""))
    publish_seed(org, name=STAFF_SEED, pathway=Pathway.STAFF, actor=admin)
    school = School(setting, people["helen"], people["nadia"], people["owen"],
                    people["judith"], people["gareth"])
    _leavers(school)
    return school


def _record(school: School, name: str, job: str, reason: str, *, department: str = "",
            line_manager: User | None = None, leaving_in: int = 30) -> Interview:
    today = timezone.localdate()
    return actions_leavers.record_leaver(actor=school.hr, details=actions_leavers.LeaverDetails(
        name=name, email=f"{name.lower().replace(' ', '.')}@staffmail.example", job_role=job,
        school=school.setting, start_date=today - dt.timedelta(days=365 * 4 + leaving_in),
        leaving_date=today + dt.timedelta(days=leaving_in), reason_code=reason,
        department=department, line_manager=line_manager))


def _link(case: Interview, purpose: LinkPurpose) -> LeaverLink:
    """The leaver's live link for `purpose`, as opened from their email (a fresh one: the
    emailed token is never stored)."""
    return links.open_link(links.issue(case=case, purpose=purpose, actor=None))


def offer(case: Interview, school: School) -> Interview:
    return actions_offer.send_offer(actor=school.hr, interview=case)


def reply(case: Interview, *, taking_part: str = "interview", anonymous: bool = False,
           preferred: User | None = None, accepted: bool = True, reason: str = "") -> None:
    you.reply_to_offer(link=_link(case, LinkPurpose.OFFER), reply=you.OfferReply(
        accepted=accepted, reason=reason,
        confidentiality=("anonymous" if anonymous else "named") if accepted else "",
        taking_part=taking_part if accepted else "", interviewer=preferred,
        statement_id=_statement_id(case)))


def _statement_id(case: Interview) -> str:
    """The confidentiality statement the offer page showed them."""
    found = you_queries.statement(case)
    return str(found.public_id) if found else ""


def _fresh(case: Interview) -> Interview:
    return Interview.objects.select_related("setting", "staff_leaver", "organisation").get(
        pk=case.pk)


def _interview(case: Interview, school: School, interviewer: User,
               answers: dict[str, Value] | None = None) -> Interview:
    """Assigned, arranged, held (the time moved into the past) and, with `answers`,
    recorded."""
    interviewing.assign_interviewer(actor=school.hr, case=_fresh(case), interviewer=interviewer)
    when = timezone.localtime().replace(hour=15, minute=30, second=0, microsecond=0)
    interviewing.schedule(actor=interviewer, case=_fresh(case), when=when + dt.timedelta(days=3),
                          location="Meeting room 2, Riverside Academy")
    if answers is None:
        return _fresh(case)
    Interview.objects.filter(pk=case.pk).update(scheduled_for=when - dt.timedelta(days=2))
    _answer(case, lambda key, part: recording.save_section(
        actor=interviewer, case=_fresh(case), section_key=key, answers=part, done=True),
        answers)
    recording.submit_record(actor=interviewer, case=_fresh(case))
    return _fresh(case)


def _answer(case: Interview, save: Callable[[str, dict[str, Value]], object],
            answers: dict[str, Value]) -> None:
    for section in seed(STAFF_SEED).sections:
        save(section.key, {i.key: answers[i.key] for i in section.items if i.key in answers})


def earlier(case: Interview, days: int) -> None:
    """Move what has happened on the case `days` back (demo only, like walk.shift_in_time):
    its timeline, the offer and reply, the record and its deadline."""
    by = dt.timedelta(days=days)
    AuditEvent.objects.filter(object_type="interview", object_id=case.public_id).update(
        at=F("at") - by)
    Interview.objects.filter(pk=case.pk).update(created_at=F("created_at") - by)
    for name in ("offer_sent_at", "replied_at", "reply_due"):
        StaffLeaver.objects.filter(interview=case, **{f"{name}__isnull": False}).update(
            **{name: F(name) - by})
    InterviewRecord.objects.filter(interview=case).update(submitted_at=F("submitted_at") - by)
    time_travel.reseal(case, -by)  # the record's hash follows its moved moments


def _leavers(school: School) -> None:
    hr = school.hr
    # Recorded; the offer is not sent yet.
    _record(school, "Priya Nair", "Teacher of English", "relocation", department="English")
    # Offered: waiting for the reply.
    offer(_record(school, "Tom Fletcher", "Teaching assistant", "pay",
                   department="Learning support"), school)
    # Declined, with a reason.
    case = offer(_record(school, "Grace Osei", "Teacher of geography",
                          "career_progression", department="Humanities"), school)
    reply(case, accepted=False, reason="I would rather not, thank you. I have already "
                                        "talked it through with my head of department.")
    # Accepted, an interview with the external interviewer they chose: assigned.
    case = offer(_record(school, "Ben Walsh", "Science technician", "workload",
                          department="Science", line_manager=school.gareth), school)
    reply(case, preferred=school.judith)
    interviewing.assign_interviewer(actor=hr, case=_fresh(case), interviewer=school.judith)
    # Arranged with the deputy head.
    case = offer(_record(school, "Aisha Rahman", "Teacher of maths", "promotion_elsewhere",
                          department="Maths"), school)
    reply(case, preferred=school.owen)
    _interview(case, school, school.owen)
    # Interviewed and sent to the leaver to check.
    case = offer(_record(school, "Daniel Hughes", "Head of history", "leadership_and_management",
                          department="Humanities"), school)
    reply(case, preferred=school.judith)
    _interview(case, school, school.judith, said(
        "leadership_and_management", 2, 2,
        "Being asked before decisions about the curriculum were made.",
        "The pupils are kind and the humanities team is close.", "not_sure"))
    recording.send_for_confirmation(actor=school.judith, case=_fresh(case))
    # The leaver asked for a correction; the interviewer has not made it yet.
    case = offer(_record(school, "Laura Bennett", "Teacher of music", "workload",
                          department="Performing arts"), school)
    reply(case, preferred=school.owen)
    _interview(case, school, school.owen, said(
        "workload", 2, 4, "Fewer after-school concerts each term, and time to plan lessons.",
        "Music matters here: the concerts are a highlight of the year.", "yes"))
    recording.send_for_confirmation(actor=school.owen, case=_fresh(case))
    you.request_corrections(link=_link(_fresh(case), LinkPurpose.REVIEW), shown_version=1,
                            comment="I said the music budget needs more support, not the "
                                    "music department. The department was great.")
    # Answered online, anonymous in reports, and signed: the action plan is overdue.
    case = offer(_record(school, "Chris Walker", "Teacher of PE", "pupil_behaviour",
                          department="PE"), school)
    reply(case, taking_part="self", anonymous=True)
    self_done(case, said("pupil_behaviour", 3, 2,
                         "Senior staff backing us up when we follow the behaviour policy.",
                         "Sport: the teams and the fixtures are excellent.", "no"))
    earlier(case, 30)
    # Interviewed, signed in the room, and two actions agreed (one answered).
    case = offer(_record(school, "Emma Lewis", "Teacher of science", "workload",
                          department="Science", line_manager=school.gareth), school)
    reply(case, preferred=school.judith)
    _interview(case, school, school.judith, said(
        "workload", 1, 3, "Marking that did not eat every weekend, and time to plan lessons.",
        "The science team share resources and look after each other.", "yes",
        "Please look at how many data drops there are each year."))
    recording.signed_in_person(actor=school.judith, case=_fresh(case), typed_name="Emma Lewis")
    today = timezone.localdate()
    first = reviews.add_recommendation(
        actor=school.head, interview=_fresh(case),
        text="Cut the data drops from six a year to three, starting next term.",
        owner=school.head, due_date=today + dt.timedelta(days=28), share_record=False)
    reviews.add_recommendation(
        actor=school.head, interview=_fresh(case),
        text="Agree a marking policy with the science team that protects weekends.",
        owner=school.gareth, due_date=today + dt.timedelta(days=42), share_record=False)
    reviews.respond(actor=school.head, recommendation=first, kind="will_act",
                    text="Agreed at the leadership meeting: three data drops from January.")
    # Retiring: answered online, signed, nothing for the school to change.
    case = offer(_record(school, "Sarah Kent", "Office manager", "retirement",
                          department="School office"), school)
    reply(case, taking_part="self")
    self_done(case, said("retirement", 4, 5, "Nothing: it is simply time to retire.",
                         "A warm, welcoming office team and a supportive head.", "yes"))
    reviews.record_no_action(actor=hr, interview=_fresh(case),
                             reason="Retiring after 22 years; a very positive record.")


def self_done(case: Interview, answers: dict[str, Value]) -> None:
    """The leaver answers online, page by page, sends their answers and signs the record."""
    link = _link(_fresh(case), LinkPurpose.SELF_COMPLETION)
    _answer(case, lambda key, part: you.save_answers(link=link, section_key=key, answers=part,
                                                     done=True), answers)
    review = you.submit_answers(link=link)
    assert review is not None  # the staff pathway makes the record at once
    you.sign(link=review, typed_name=case.leaver_name, shown_version=1)
