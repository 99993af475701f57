"""The audit log: every read of an individual case, record or recommendation and every write
leaves a row naming who, what, which case and from where; refusals leave none; no row ever
holds what the young person said."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.dates import years_before
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews import recommending
from leaver.reviews.recommending import Wording
from leaver.testing import (
    ANSWER,
    Cast,
    add_recommendation,
    answer_sections,
    consent_post,
    date_parts,
    datetime_parts,
    full_answers,
    held,
    make_case,
    record_details,
    record_parts,
    section_post,
)

IP = "127.0.0.1"  # what the test client sends as REMOTE_ADDR


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rows_for(interview: Interview) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_id=interview.public_id).order_by("id"))


def new_rows(before: int) -> list[AuditEvent]:
    # Signing in is audited too (account.*); these tests are about the case's rows.
    return list(AuditEvent.objects.filter(id__gt=before).exclude(action__startswith="account.")
                .order_by("id"))


def last_id() -> int:
    latest = AuditEvent.objects.order_by("-id").first()
    return latest.id if latest else 0


# --- reads --------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["unit_manager", "social_worker", "csm", "interviewer", "iro"])
def test_viewing_a_case_page_is_audited(cast, role):
    user = getattr(cast, role)
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    before = last_id()
    response = as_(user).get(reverse("young_person:case", args=[interview.public_id]))
    assert response.status_code == 200
    [row] = new_rows(before)
    assert (row.action, row.actor, row.object_type, row.object_id, row.ip_address,
            row.organisation_id) == ("interview.viewed", user, "interview",
                                     interview.public_id, IP, cast.org.pk)


@pytest.mark.parametrize("role", ["csm", "interviewer", "iro"])
def test_reading_a_record_is_audited(cast, role):
    user = getattr(cast, role)
    interview = make_case(cast, State.WITH_IRO)
    before = last_id()
    response = as_(user).get(reverse("young_person:record", args=[interview.public_id]))
    assert response.status_code == 200
    [row] = new_rows(before)
    assert (row.action, row.actor, row.object_id, row.ip_address) == (
        "interview.record_viewed", user, interview.public_id, IP)


@pytest.mark.parametrize("role", ["owner", "social_worker", "csm", "iro"])
def test_viewing_a_recommendation_is_audited(cast, role):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.senior_manager)
    user = cast.senior_manager if role == "owner" else getattr(cast, role)
    before = last_id()
    response = as_(user).get(reverse("reviews:recommendation", args=[rec.public_id]))
    assert response.status_code == 200
    [row] = new_rows(before)
    assert (row.action, row.actor, row.object_id, row.ip_address) == (
        "interview.recommendation_viewed", user, interview.public_id, IP)
    assert row.detail["recommendation"] == str(rec.public_id)


def test_downloading_the_letter_is_audited(cast):
    interview = make_case(cast, State.CLOSED)
    before = last_id()
    response = as_(cast.social_worker).get(
        reverse("reviews:letter_pdf", args=[interview.public_id]))
    assert response.status_code == 200
    [row] = new_rows(before)
    assert (row.action, row.actor, row.object_id, row.ip_address) == (
        "interview.letter_downloaded", cast.social_worker, interview.public_id, IP)


def test_the_address_and_browser_come_from_the_request(cast):
    interview = make_case(cast, State.NOTIFIED)
    before = last_id()
    as_(cast.csm).get(reverse("young_person:case", args=[interview.public_id]),
                      REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Example Browser 1.0")
    [row] = new_rows(before)
    assert (row.ip_address, row.user_agent) == ("203.0.113.9", "Example Browser 1.0")


# (who, which page) pairs that must be 404 and leave no trace of a view.
DENIED = [
    ("other_iro", "case"), ("other_iro", "record"), ("other_iro", "recommendation"),
    ("other_social_worker", "case"), ("other_interviewer", "record"),
    ("other_unit_manager", "record"), ("social_worker", "record"), ("outsider", "case"),
    ("outsider", "recommendation"), ("interviewer", "recommendation"),
    ("safeguarding_lead", "record"),
]


@pytest.mark.parametrize(("who", "page"), DENIED)
def test_a_denied_view_is_404_and_writes_no_viewed_row(cast, other_cast, who, page):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview)
    user = other_cast.iro if who == "other_iro" else getattr(cast, who)
    path = {
        "case": reverse("young_person:case", args=[interview.public_id]),
        "record": reverse("young_person:record", args=[interview.public_id]),
        "recommendation": reverse("reviews:recommendation", args=[rec.public_id]),
    }[page]
    before = last_id()
    assert as_(user).get(path).status_code == 404
    assert new_rows(before) == []


# --- writes -------------------------------------------------------------------------------

def _soon() -> dict[str, str]:
    return datetime_parts("scheduled_for", timezone.localtime() + dt.timedelta(days=3))


# step: (state of the case, who posts, page, form data, the rows it must add: (action, who))
Step = tuple[State, str, str, str | dict[str, object], list[tuple[str, str]]]
WRITES: dict[str, Step] = {
    "consent": (State.NOTIFIED, "social_worker", "young_person:consent",
                consent_post(), [("consent_given", "social_worker")]),
    "assign": (State.CONSENTED, "csm", "young_person:assign", {"interviewer": "interviewer"},
               [("assign_interviewer", "csm")]),
    "schedule": (State.INTERVIEWER_ASSIGNED, "interviewer", "young_person:schedule",
                 {"scheduled_for": "soon", "location": "The park café"},
                 [("schedule", "interviewer")]),
    # "draft": a section page of the record; "record": its check page, sections answered.
    "draft": (State.SCHEDULED, "interviewer", "young_person:record_section", "draft",
              [("record_draft_saved", "interviewer")]),
    "record": (State.SCHEDULED, "interviewer", "young_person:record_check", "record",
               [("submit_record", "interviewer")]),
    "restrict": (State.WITH_IRO, "iro", "young_person:restrict", {"reason": "Named staff."},
                 [("restrict_circulation", "iro")]),
    "no_action": (State.WITH_IRO, "iro", "reviews:no_action",
                  {"reason": "Nothing to change."}, [("no_action_needed", "iro")]),
    # The IRO saves a draft, then issues the drafts from the check page ("issue").
    "recommend": (State.WITH_IRO, "iro", "reviews:draft_new",
                  {"text": "More help.", "young_person_text": "More help for you.",
                   "owner": "csm", "due_date-day": "1", "due_date-month": "1",
                   "due_date-year": "2099"}, [("recommendation_draft_saved", "iro")]),
    "issue": (State.WITH_IRO, "iro", "reviews:check", "issue",
              [("add_recommendation", "iro")]),
    "letter": (State.RESPONSES_COMPLETE, "iro", "reviews:letter", {"text": "Dear Jordan."},
               [("edit_letter", "iro")]),
    "withdraw": (State.SCHEDULED, "social_worker", "withdraw", {"reason": "Changed mind."},
                 [("withdraw", "social_worker")]),
    "unable": (State.CONSENTED, "csm", "unable_to_contact", {"reason": "Moved away."},
               [("unable_to_contact", "csm")]),
}


def _path(name: str, interview: Interview) -> str:
    if name in ("withdraw", "unable_to_contact"):
        return reverse("young_person:close_early", args=[interview.public_id, name])
    if name == "young_person:record_section":
        return reverse(name, args=[interview.public_id, "living_here"])
    return reverse(name, args=[interview.public_id])


@pytest.mark.parametrize("step", sorted(WRITES))
def test_every_write_through_a_page_adds_its_audit_row(cast, step):
    state, role, name, template, expected = WRITES[step]
    interview = make_case(cast, state)
    data: dict[str, object]
    if template == "draft":
        data = section_post("living_here")
    elif template == "record":
        answer_sections(as_(cast.interviewer), interview)
        record_parts(as_(cast.interviewer), interview)
        data = {}
    elif template == "issue":
        recommending.save_draft(actor=cast.iro, interview=interview, wording=Wording(
            "More help.", "More help for you.", cast.csm,
            timezone.localdate() + dt.timedelta(days=7)))
        data = {}
    else:  # people by their part in the cast, "soon" as a time three days ahead
        assert isinstance(template, dict)
        data = {k: getattr(cast, str(v)).pk if k in ("interviewer", "owner") else v
                for k, v in template.items() if v != "soon"}
        if "soon" in template.values():
            data.update(_soon())
    before = last_id()
    response = as_(getattr(cast, role)).post(_path(name, interview), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rows = new_rows(before)
    assert [(r.action, r.actor) for r in rows] == [
        (f"interview.{action}", getattr(cast, who)) for action, who in expected]
    assert {(r.object_id, r.ip_address) for r in rows} == {(interview.public_id, IP)}


def test_a_response_writes_its_row_and_the_system_step_it_causes(cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)
    rec = interview.recommendations.get()
    before = last_id()
    response = as_(cast.csm).post(reverse("reviews:recommendation", args=[rec.public_id]),
                                  {"kind": "will_act", "text": "We will."})
    assert response.status_code == 302
    assert [(r.action, r.actor) for r in new_rows(before)] == [
        ("interview.recommendation_viewed", cast.csm),
        ("interview.recommendation_answered", cast.csm),
        ("interview.responses_complete", None),  # taken by Leaver, not a person
    ]


def test_sending_the_letter_writes_its_row_and_closes_the_case(cast):
    interview = make_case(cast, State.RESPONSES_COMPLETE)
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan.")
    before = last_id()
    today = timezone.localdate()
    response = as_(cast.iro).post(reverse("reviews:letter_sent", args=[interview.public_id]), {
        "sent_on-day": today.day, "sent_on-month": today.month, "sent_on-year": today.year,
        "how": "by_hand"})
    assert response.status_code == 302
    assert [(r.action, r.actor, r.ip_address) for r in new_rows(before)] == [
        ("interview.letter_sent", cast.iro, IP), ("interview.close", None, IP)]


def test_a_move_recorded_through_the_page_is_audited(cast):
    today = timezone.localdate()
    before = last_id()
    response = as_(cast.unit_manager).post(reverse("young_person:notify_move"), {
        "leaver_name": "Sam Page", **date_parts("date_of_birth", years_before(today, 16)),
        "setting": cast.home.pk, **date_parts("planned_move_date", today + dt.timedelta(days=5)),
        "social_worker": cast.social_worker.pk, "significant_learning_disability": "no",
        "preferred_language": "English", "allocated_iro": cast.iro.pk})
    assert response.status_code == 302
    interview = Interview.objects.get(leaver_name="Sam Page")
    [row] = new_rows(before)
    assert (row.action, row.actor, row.object_id, row.ip_address) == (
        "interview.move_notified", cast.unit_manager, interview.public_id, IP)


@pytest.mark.parametrize(("role", "name", "data", "status"), [
    ("csm", "young_person:consent", consent_post(), 403),  # not their step
    ("social_worker", "young_person:consent",
     consent_post("not_feasible", feasible_reason="x"), 400),
    ("social_worker", "young_person:consent", {}, 400),  # nothing chosen
])
def test_a_refused_write_adds_no_audit_row(cast, role, name, data, status):
    interview = make_case(cast, State.NOTIFIED)
    before = last_id()
    response = as_(getattr(cast, role)).post(_path(name, interview), data)
    assert response.status_code == status
    assert new_rows(before) == []
    interview.refresh_from_db()
    assert interview.state == State.NOTIFIED


# --- no answers in the log ----------------------------------------------------------------

def _all_details() -> str:
    return json.dumps([e.detail for e in AuditEvent.objects.all()], ensure_ascii=False)


def test_audit_rows_hold_no_answer_text(cast):
    interview = make_case(cast, State.CLOSED)
    rec = interview.recommendations.get()
    for user in (cast.iro, cast.csm, cast.interviewer):  # every page that shows answers
        client = as_(user)
        for path in (reverse("young_person:case", args=[interview.public_id]),
                     reverse("young_person:record", args=[interview.public_id]),
                     reverse("reviews:recommendation", args=[rec.public_id])):
            assert client.get(path).status_code in (200, 404)
    assert AuditEvent.objects.filter(action="interview.record_viewed").count() == 3
    texts = {ANSWER}
    assert ANSWER in full_answers().values()
    logged = _all_details()
    assert AuditEvent.objects.count() > 10
    for text in texts:
        assert text not in logged


def test_audit_rows_hold_nothing_written_about_the_young_person(cast: Cast):
    interview = make_case(cast, State.SCHEDULED, address_line_1="7 Secret Lane",
                          communication_needs="Needs a signer")
    held(cast, interview)
    details = record_details(
        answers={k: f"Unique answer {k}" if v == ANSWER else v for k, v in
                 full_answers().items()},
        interviewer_notes="Private note", left_out_note="Something left out",
        restrict_circulation=True, restriction_reason="Names a member of staff")
    recording.submit_record(actor=cast.interviewer, interview=interview, details=details)
    # ...and the same through the page, as the interviewer types it.
    other = make_case(cast, State.SCHEDULED)
    held(cast, other)
    client = as_(cast.interviewer)
    answer_sections(client, other)  # every comment box: "typed comment <key>"
    record_parts(client, other, interviewer_notes="Private typed note")
    assert client.post(_path("young_person:record_check", other), {}).status_code == 302
    logged = _all_details()
    assert details.answers is not None
    for key, text in details.answers.items():
        assert not str(text).startswith("Unique") or str(text) not in logged, key
    for secret in ("typed comment", "Private typed note", "Private note", "Something left out",
                   "Names a member of staff", "7 Secret Lane", "Needs a signer"):
        assert secret not in logged
