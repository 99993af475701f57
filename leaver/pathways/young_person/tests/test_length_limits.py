"""Length limits on what people type in the young person's case (leaver.core.limits; issue 9's
attack run): at the limit a box is saved; one character over, the page says "… must be N
characters or fewer." with what was typed shown again, the action refuses the same, and
nothing is stored. The database refuses longer text from any other path."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview, RecordDraft
from leaver.core import limits
from leaver.core.dates import years_before
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import correcting, recording_parts
from leaver.pathways.young_person.events import YoungPersonEvent
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State
from leaver.testing import (
    Cast,
    date_parts,
    datetime_parts,
    facts_post,
    make_case,
    move_details,
    snapshot,
)

TODAY = timezone.localdate()
# An email address of exactly 254 characters (64 before the @, labels of at most 63).
EMAIL_254 = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".uk"


def page(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def fresh(interview: Interview) -> Interview:
    return Interview.objects.get(pk=interview.pk)


# Telling Leaver about a move ------------------------------------------------------------------

def move_post(cast: Cast, **typed: str) -> dict[str, Any]:
    return {"leaver_name": "Casey Typedname",
            **date_parts("date_of_birth", years_before(TODAY, 15)), "setting": cast.home.pk,
            **date_parts("planned_move_date", TODAY + dt.timedelta(days=9)),
            "social_worker": cast.social_worker.pk, "significant_learning_disability": "no",
            "preferred_language": "Other" if "other_language" in typed else "English",
            "other_language": "", "allocated_iro": cast.iro.pk, **typed}


MOVE_FIELDS = {  # field: (limit, what the message calls it, stored on)
    "leaver_name": (limits.NAME, "Young person's full name", "interview"),
    "communication_needs": (limits.COMMUNICATION_NEEDS, "Communication needs", "young_person"),
    "other_language": (limits.LANGUAGE_NAME, "The language's name", "young_person"),
    "phone": (limits.PHONE, "Phone number", "young_person"),
    "address_line_1": (limits.ADDRESS_LINE_1, "Address line 1", "young_person"),
    "address_line_2": (limits.ADDRESS_LINE_2, "Address line 2", "young_person"),
    "town": (limits.TOWN, "Town or city", "young_person"),
    "postcode": (limits.POSTCODE, "Postcode", "young_person"),
}


@pytest.mark.parametrize("field", MOVE_FIELDS)
def test_the_move_page_keeps_each_detail_at_its_limit(client, cast, field):
    limit, _, on = MOVE_FIELDS[field]
    client.force_login(cast.unit_manager)
    response = client.post("/cases/new/", move_post(cast, **{field: "a" * limit}))
    assert response.status_code == 302, page(response)[:2000]
    interview = Interview.objects.get()
    holder = interview if on == "interview" else interview.young_person
    assert getattr(holder, field).lower() == "a" * limit


@pytest.mark.parametrize("field", MOVE_FIELDS)
def test_the_move_page_refuses_a_detail_one_character_over(client, cast, field):
    limit, what, _ = MOVE_FIELDS[field]
    client.force_login(cast.unit_manager)
    typed = "a" * limit + "z"
    response = client.post("/cases/new/", move_post(cast, **{field: typed}))
    assert response.status_code == 400
    shown = page(response)
    assert f"{what} must be {limit:,} characters or fewer." in shown
    assert typed in shown
    assert not Interview.objects.exists()


def test_the_email_address_may_be_254_characters_and_no_more(client, cast):
    client.force_login(cast.unit_manager)
    over = "a" + EMAIL_254
    response = client.post("/cases/new/", move_post(cast, email=over))
    assert response.status_code == 400
    assert "Email address must be 254 characters or fewer." in page(response)
    assert over in page(response)
    assert not Interview.objects.exists()
    response = client.post("/cases/new/", move_post(cast, email=EMAIL_254))
    assert response.status_code == 302
    assert YoungPerson.objects.get().email == EMAIL_254


def test_the_move_action_refuses_details_over_their_limits(cast):
    for field, (limit, what, _) in MOVE_FIELDS.items():
        extra = {"preferred_language": "Other"} if field == "other_language" else {}
        with pytest.raises(ActionRefused, match=rf"^{what} must be {limit:,} characters"):
            ia.notify_move(actor=cast.unit_manager, details=move_details(
                cast, **extra, **{field: "a" * (limit + 1)}))
    with pytest.raises(ActionRefused, match=r"^Email address must be 254 characters"):
        ia.notify_move(actor=cast.unit_manager, details=move_details(cast, email="a" + EMAIL_254))
    assert not Interview.objects.exists()


# Boxes on a case's pages -----------------------------------------------------------------------

@dataclass(frozen=True)
class Box:
    state: State
    limit: int
    message: str
    person: Callable[[Cast], User]
    path: str  # after /cases/<id>/
    post: Callable[[str], dict[str, Any]]
    stored: Callable[[Interview], str]


def _reopened_because(interview: Interview) -> str:
    """The reason for reopening is kept on the timeline (its audit row), not on the case."""
    event = AuditEvent.objects.filter(object_id=interview.public_id,
                                      action=YoungPersonEvent.REOPEN).first()
    return str(event.detail["reason"]) if event else ""


def _soon() -> dict[str, str]:
    return datetime_parts("scheduled_for", timezone.localtime() + dt.timedelta(days=3))


BOXES = {
    "correct_communication_needs": Box(
        State.NOTIFIED, limits.COMMUNICATION_NEEDS,
        "Communication needs must be 1,000 characters or fewer.", lambda c: c.social_worker,
        "change/communication_needs/", lambda t: {"communication_needs": t},
        lambda i: i.young_person.communication_needs),
    "correct_other_language": Box(
        State.NOTIFIED, limits.LANGUAGE_NAME, "The language's name must be 100 characters or "
        "fewer.", lambda c: c.social_worker, "change/language/",
        lambda t: {"preferred_language": "Other", "other_language": t},
        lambda i: i.young_person.other_language),
    "correct_phone": Box(
        State.NOTIFIED, limits.PHONE, "Phone number must be 40 characters or fewer.",
        lambda c: c.social_worker, "change/contact/", lambda t: {"phone": t, "email": ""},
        lambda i: i.young_person.phone),
    "correct_address": Box(
        State.NOTIFIED, limits.ADDRESS_LINE_1, "Address line 1 must be 200 characters or "
        "fewer.", lambda c: c.social_worker, "change/address/",
        lambda t: {"address_line_1": t, "town": "Demo Town"},
        lambda i: i.young_person.address_line_1),
    "reopen_reason": Box(
        State.DECLINED, limits.REASON, "Your answer must be 2,000 characters or fewer.",
        lambda c: c.social_worker, "reopen/", lambda t: {"reason": t},
        lambda i: _reopened_because(i)),
    "schedule_place": Box(
        State.INTERVIEWER_ASSIGNED, limits.PLACE, "Place must be 300 characters or fewer.",
        lambda c: c.interviewer, "schedule/", lambda t: {**_soon(), "location": t},
        lambda i: i.location),
    "withdrawal_reason": Box(
        State.NOTIFIED, limits.REASON, "Reason must be 2,000 characters or fewer.",
        lambda c: c.social_worker, "close/withdraw/", lambda t: {"reason": t},
        lambda i: i.outcome_reason),
    "restriction_reason": Box(
        State.WITH_IRO, limits.REASON, "The reason must be 2,000 characters or fewer.",
        lambda c: c.iro, "restrict/", lambda t: {"reason": t},
        lambda i: i.record.restriction_reason),
    "held_where": Box(
        State.SCHEDULED, limits.PLACE, "Where it was held must be 300 characters or fewer.",
        lambda c: c.interviewer, "record/about/", lambda t: facts_post(held_where=t),
        lambda i: i.held_where),
    "people_present": Box(
        State.SCHEDULED, limits.PEOPLE_PRESENT, "Who was present must be 1,000 characters "
        "or fewer.", lambda c: c.interviewer, "record/about/",
        lambda t: facts_post(people_present=t), lambda i: i.people_present),
    "support_details": Box(
        State.SCHEDULED, limits.SUPPORT_DETAILS, "The interpreting or support used must be "
        "1,000 characters or fewer.", lambda c: c.interviewer, "record/about/",
        lambda t: facts_post(support="interpreter", support_details=t),
        lambda i: i.support_details),
    "interviewer_notes": Box(
        State.SCHEDULED, limits.INTERVIEWER_NOTES, "Your notes must be 5,000 characters or "
        "fewer.", lambda c: c.interviewer, "record/agreement/",
        lambda t: {"agreed_with_young_person": "on", "interviewer_notes": t},
        lambda i: RecordDraft.objects.get(interview=i).interviewer_notes),
    "left_out_note": Box(
        State.SCHEDULED, limits.LEFT_OUT_NOTE, "The note on what was left out must be 1,000 "
        "characters or fewer.", lambda c: c.interviewer, "record/agreement/",
        lambda t: {"agreed_with_young_person": "on", "left_out_note": t},
        lambda i: RecordDraft.objects.get(interview=i).left_out_note),
    "circulation_reason": Box(
        State.SCHEDULED, limits.REASON, "The reason for restricting circulation must be 2,000 "
        "characters or fewer.", lambda c: c.interviewer, "record/circulation/",
        lambda t: {"restrict_circulation": "yes", "restriction_reason": t},
        lambda i: RecordDraft.objects.get(interview=i).restriction_reason),
}


@pytest.mark.parametrize("name", BOXES)
def test_a_box_at_its_limit_is_saved(client, cast, name):
    box = BOXES[name]
    interview = make_case(cast, box.state)
    client.force_login(box.person(cast))
    response = client.post(f"/cases/{interview.public_id}/{box.path}", box.post("a" * box.limit))
    assert response.status_code == 302, page(response)[:3000]
    assert box.stored(fresh(interview)) == "a" * box.limit


@pytest.mark.parametrize("name", BOXES)
def test_one_character_over_is_refused_with_what_was_typed_shown_again(client, cast, name):
    box = BOXES[name]
    interview = make_case(cast, box.state)
    before = snapshot(interview)
    client.force_login(box.person(cast))
    typed = "a" * box.limit + "z"
    response = client.post(f"/cases/{interview.public_id}/{box.path}", box.post(typed))
    assert response.status_code == 400
    shown = page(response)
    assert box.message in shown
    assert typed in shown
    assert snapshot(interview) == before
    # The record's pages may open an empty draft; nothing typed is in it.
    assert not RecordDraft.objects.filter(interview=interview).exclude(
        interviewer_notes="", left_out_note="", restriction_reason="").exists()


@pytest.mark.parametrize(("outcome", "field", "message"), [
    ("consent_declined", "decline_reason", "The reason they gave must be 2,000 characters"),
    ("not_feasible", "feasible_reason", "The reason must be 2,000 characters"),
])
def test_the_consent_reasons_are_limited(client, cast, outcome, field, message):
    interview = make_case(cast, State.NOTIFIED, significant_learning_disability=True)
    before = snapshot(interview)
    client.force_login(cast.social_worker)
    url = f"/cases/{interview.public_id}/consent/"
    post = {"outcome": outcome, **date_parts("asked_on", TODAY), "tried": ["advocate"]}
    response = client.post(url, {**post, field: "a" * 2_001})
    assert response.status_code == 400
    assert message in page(response)
    assert "a" * 2_001 in page(response)
    assert snapshot(interview) == before
    assert client.post(url, {**post, field: "a" * 2_000}).status_code == 302
    assert client.post(f"{url}check/").status_code == 302
    assert fresh(interview).outcome_reason == "a" * 2_000


# The actions refuse the same, whoever calls them -----------------------------------------------

def test_the_case_actions_refuse_text_over_the_limits(cast):
    interview = make_case(cast, State.NOTIFIED, significant_learning_disability=True)
    before = snapshot(interview)
    over = "a" * 2_001
    with pytest.raises(ActionRefused, match=r"^The reason must be 2,000 characters"):
        ia.record_consent(actor=cast.social_worker, interview=interview,
                          outcome="not_feasible", reason=over, may_quote=False,
                          statement=cast.statement)
    with pytest.raises(ActionRefused, match=r"^Reason must be 2,000 characters"):
        ia.close_early(actor=cast.social_worker, interview=interview, outcome="withdraw",
                       reason=over)
    with pytest.raises(ActionRefused, match=r"^Address line 1 must be 200 characters"):
        correcting.correct(actor=cast.social_worker, interview=interview, key="address",
                           values={"address_line_1": "a" * 201, "address_line_2": "",
                                   "town": "", "postcode": ""})
    assert snapshot(interview) == before


def test_the_recording_actions_refuse_text_over_the_limits(cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    consented = interview.consent_recorded_at
    assert consented is not None
    with pytest.raises(ActionRefused, match=r"^Who was present must be 1,000 characters"):
        recording_parts.record_interview_facts(
            actor=cast.interviewer, interview=interview, facts=recording_parts.InterviewFacts(
                held_at=max(timezone.now() - dt.timedelta(hours=1), consented),
                held_how="in_person", held_where="The library", people_present="a" * 1_001,
                support="none"))
    with pytest.raises(ActionRefused, match=r"^Your notes must be 5,000 characters"):
        recording_parts.save_record_part(
            actor=cast.interviewer, interview=interview, part="agreement",
            values={"agreed_with_young_person": True, "interviewer_notes": "a" * 5_001})
    assert snapshot(interview) == before
    assert not RecordDraft.objects.filter(interview=interview).exclude(
        interviewer_notes="").exists()


def test_the_database_refuses_longer_text_from_any_other_path(cast):
    interview = make_case(cast, State.NOTIFIED)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.filter(pk=interview.pk).update(outcome_reason="a" * 5 * limits.REASON)
    with pytest.raises(IntegrityError), transaction.atomic():
        YoungPerson.objects.filter(interview=interview).update(
            communication_needs="a" * 5 * limits.COMMUNICATION_NEEDS)
    assert fresh(interview).outcome_reason == ""
