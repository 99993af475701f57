"""Who can open which page of a case: every role x every page x (their own case, a case in
their organisation they are not connected to, another organisation's case).

Read the policy from the tables below. 200: the page opens. 403: the person may see the
case but cannot do this. Everything else is 404, so an id tells nobody what exists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import Answer, Interview, InterviewRecord, RecordShare
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews.models import DraftRecommendation, Letter, Recommendation, Review
from leaver.testing import (
    Cast,
    add_recommendation,
    check_post,
    consent_post,
    datetime_parts,
    make_case,
    make_user,
    section_post,
)

ROLES = (
    "unit_manager", "social_worker", "csm", "interviewer", "iro", "other_iro", "rec_owner",
    "safeguarding_lead", "senior_manager", "org_admin", "outsider",
)
PAGES = (
    "case", "record", "consent", "interviewer", "schedule", "record_new", "record_check",
    "restrict",
    "review", "letter", "letter_pdf", "recommendation", "withdraw", "change", "reopen",
    "no_action", "draft_new", "review_check", "rec_change", "rec_withdraw", "letter_sent",
)

# Each page is tried on a case in the state where it means something.
PAGE_STATE = {
    "case": State.SCHEDULED,
    "record": State.RECOMMENDATIONS_ISSUED,
    "consent": State.NOTIFIED,
    "interviewer": State.INTERVIEWER_ASSIGNED,
    "schedule": State.INTERVIEWER_ASSIGNED,
    "record_new": State.SCHEDULED,  # the first section of the questionnaire
    "record_check": State.SCHEDULED,
    "restrict": State.WITH_IRO,
    "review": State.WITH_IRO,
    "letter": State.RECOMMENDATIONS_ISSUED,
    "letter_pdf": State.RECOMMENDATIONS_ISSUED,  # with a saved letter
    "recommendation": State.RECOMMENDATIONS_ISSUED,
    "withdraw": State.SCHEDULED,
    "change": State.SCHEDULED,  # correcting the phone and email
    "reopen": State.DECLINED,
    "no_action": State.WITH_IRO,
    "draft_new": State.WITH_IRO,
    "review_check": State.WITH_IRO,
    "rec_change": State.RECOMMENDATIONS_ISSUED,
    "rec_withdraw": State.RECOMMENDATIONS_ISSUED,
    "letter_sent": State.RECOMMENDATIONS_ISSUED,  # with a saved letter
}
# The IRO's review pages: only the IRO acts; whoever sees the case is refused (403).
REVIEW_PAGES = {"review", "no_action", "draft_new", "review_check"}
# Changing or withdrawing a recommendation: seen by whoever sees the recommendation.
REC_PAGES = {"rec_change", "rec_withdraw"}

# On their own case (the home they manage, the young person allocated to them, the case
# assigned to them, the recommendation they own, which the IRO shared the record with),
# the pages each person can open (200)...
# The home's manager reads the record: it is distributed to them (seed 002 §5).
OPENS: dict[str, set[str]] = {
    "unit_manager": {"case", "record", "change"},
    "social_worker": {"case", "consent", "letter_pdf", "recommendation", "withdraw", "change",
                      "reopen"},
    "csm": {"case", "interviewer", "record", "letter_pdf", "recommendation", "withdraw",
            "change"},
    "interviewer": {"case", "schedule", "record_new", "record_check", "record", "withdraw"},
    "iro": {"case", "record", "restrict", "letter", "letter_pdf", "recommendation",
            "withdraw", "letter_sent", *REVIEW_PAGES, *REC_PAGES},
    # An IRO who is not this young person's: oversight of the case page only.
    "other_iro": {"case"},
    "rec_owner": {"recommendation", "record"},
    "safeguarding_lead": set(),
    "senior_manager": set(),
    "org_admin": set(),
    "outsider": set(),
}
# ...and the pages of a case they can see but cannot act on (403). Every other page is 404:
# the Unit Manager never reads answers, and the interviewer is not yet assigned at consent.
SEES_BUT_CANNOT_ACT: dict[str, set[str]] = {
    "unit_manager": {"consent", "interviewer", "schedule", "record_new", "record_check",
                     "restrict", "letter", "letter_pdf", "withdraw", "reopen", "letter_sent",
                     *REVIEW_PAGES},
    "social_worker": {"interviewer", "schedule", "record_new", "record_check", "restrict",
                      "letter", "letter_sent", *REVIEW_PAGES, *REC_PAGES},
    "csm": {"consent", "schedule", "record_new", "record_check", "restrict", "letter",
            "reopen", "letter_sent", *REVIEW_PAGES, *REC_PAGES},
    "interviewer": {"interviewer", "restrict", "letter", "letter_pdf", "change", "letter_sent",
                    *REVIEW_PAGES},
    "iro": {"consent", "interviewer", "schedule", "record_new", "record_check", "change",
            "reopen"},
    "other_iro": {"consent", "interviewer", "schedule", "record_new", "record_check",
                  "restrict", "letter", "letter_pdf", "withdraw", "change", "reopen",
                  "letter_sent", *REVIEW_PAGES},
    # The owner sees their recommendation but only the IRO changes or withdraws it.
    "rec_owner": set(REC_PAGES),
    "safeguarding_lead": set(),
    "senior_manager": set(),
    "org_admin": set(),
    "outsider": set(),
}
# Oversight roles see every case of their organisation; everyone else gets 404 on a case of
# their organisation they are not connected to. Another organisation's case: 404 for all.
# (The unconnected case keeps the cast's IRO as its allocated IRO: an IRO's connection is
# the allocation, tested by "other_iro".)
OVERSIGHT = {"csm", "iro", "other_iro"}


def on_own_case(role: str, page: str) -> int:
    if page in OPENS[role]:
        return 200
    return 403 if page in SEES_BUT_CANNOT_ACT[role] else 404


def on_unconnected_case(role: str, page: str) -> int:
    return on_own_case(role, page) if role in OVERSIGHT else 404


# --- building the cases -------------------------------------------------------------------

def person(cast: Cast, role: str) -> User:
    if role == "rec_owner":
        if "rec_owner" not in cast.extra:
            # A member with no role at all: only owning a recommendation lets them in.
            cast.extra["rec_owner"] = make_user(cast.org, f"{cast.org.slug.title()} Rhea Owner")
        return cast.extra["rec_owner"]
    user: User = getattr(cast, role)
    return user


def unconnected(cast: Cast) -> Cast:
    """The same organisation seen through the other home, social worker and interviewer."""
    return dataclasses.replace(
        cast, home=cast.other_home, unit_manager=cast.other_unit_manager,
        social_worker=cast.other_social_worker, interviewer=cast.other_interviewer)


def build(cast: Cast, page: str, name: str, owner: User | None = None,
          ) -> tuple[Interview, Recommendation | None]:
    """A case in the page's state; with recommendations, also a saved letter and (if `owner`)
    a recommendation for `owner` with the record shared."""
    interview = make_case(cast, PAGE_STATE[page], leaver_name=name)
    rec = None
    if interview.state == State.RECOMMENDATIONS_ISSUED:
        rec = (add_recommendation(cast, interview, owner=owner, share_record=True) if owner
               else interview.recommendations.get())
        ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
        interview.refresh_from_db()
    return interview, rec


def url(page: str, interview: Interview, rec: Recommendation | None) -> str:
    pid = interview.public_id
    rec_pages = {"recommendation": "reviews:recommendation", "rec_change": "reviews:change",
                 "rec_withdraw": "reviews:withdraw"}
    if page in rec_pages:
        assert rec is not None
        return reverse(rec_pages[page], args=[rec.public_id])
    if page == "withdraw":
        return reverse("young_person:close_early", args=[pid, "withdraw"])
    if page == "change":
        return reverse("young_person:correct", args=[pid, "contact"])
    names = {"case": "young_person:case", "record": "young_person:record",
             "consent": "young_person:consent", "interviewer": "young_person:assign",
             "schedule": "young_person:schedule", "record_new": "young_person:record_new",
             "record_check": "young_person:record_check",
             "restrict": "young_person:restrict", "review": "reviews:review",
             "letter": "reviews:letter", "letter_pdf": "reviews:letter_pdf",
             "reopen": "young_person:reopen",
             "letter_sent": "reviews:letter_sent", "no_action": "reviews:no_action",
             "draft_new": "reviews:draft_new", "review_check": "reviews:check"}
    return reverse(names[page], args=[pid])


def post_data(page: str, cast: Cast) -> dict[str, object]:
    """What the rightful person would post: if access were missing, the write would happen."""
    soon = datetime_parts("scheduled_for", timezone.localtime() + dt.timedelta(days=3))
    today = timezone.localdate()
    by_page: dict[str, dict[str, object]] = {
        "consent": consent_post(),
        "interviewer": {"interviewer": cast.other_interviewer.pk},
        "schedule": {**soon, "location": "Somewhere else"},
        "record_new": section_post("living_here",
                                   happy_living_here_comment="Written by an intruder."),
        "record_check": dict(check_post()),
        "restrict": {"reason": "Intruder."},
        "review": {"needed": "no"},
        "no_action": {"reason": "Intruder."},
        "draft_new": recommendation_post(cast.csm),
        "rec_change": recommendation_post(cast.csm),
        "rec_withdraw": {"reason": "Intruder."},
        "letter_sent": {"sent_on-day": today.day, "sent_on-month": today.month,
                        "sent_on-year": today.year, "how": "post"},
        "letter": {"text": "Intruder's letter."},
        "recommendation": {"kind": "will_act", "text": "Intruder's answer."},
        "withdraw": {"reason": "Intruder."},
        "change": {"phone": "01234 567890", "email": "intruder@example.com"},
        "reopen": {"reason": "Intruder."},
    }
    return by_page.get(page, {})


def recommendation_post(owner: User) -> dict[str, object]:
    due = timezone.localdate() + dt.timedelta(days=28)
    return {"owner": owner.pk, "text": "Intruder's recommendation.",
            "young_person_text": "Intruder's words.", "due_date-day": due.day,
            "due_date-month": due.month, "due_date-year": due.year}


def snapshot(interview: Interview) -> dict[str, object]:
    fresh = Interview.objects.get(pk=interview.pk)
    return {
        "case": (fresh.state, fresh.interviewer_id, fresh.scheduled_for, fresh.location,
                 fresh.closed_at, fresh.consent_recorded_at, fresh.outcome_reason),
        "review": list(Review.objects.values_list("interview_id", "no_action_reason")),
        "letter": list(Letter.objects.values_list("interview_id", "text", "sent_at", "sent_on")),
        "drafts": list(DraftRecommendation.objects.values_list("pk", "text")),
        "audit": AuditEvent.objects.exclude(action__startswith="account.").count(),
        "records": list(InterviewRecord.objects.values_list("pk", "circulation_restricted")),
        "answers": list(Answer.objects.values_list("pk", "value")),
        "shares": RecordShare.objects.count(),
        "recommendations": list(Recommendation.objects.values_list(
            "pk", "responded_at", "withdrawn_at", "text", "owner_id")),
        "young_people": list(YoungPerson.objects.values_list("pk", "phone", "email")),
    }


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the matrix ---------------------------------------------------------------------------

def test_the_tables_name_every_role_and_page_once():
    assert set(OPENS) == set(SEES_BUT_CANNOT_ACT) == set(ROLES)
    for role in ROLES:
        assert OPENS[role] <= set(PAGES)
        assert SEES_BUT_CANNOT_ACT[role] <= set(PAGES)
        assert not OPENS[role] & SEES_BUT_CANNOT_ACT[role], role


MATRIX = [(role, page) for role in ROLES for page in PAGES]
# Read-only pages answer a POST with 405 before anything else, whoever asks and whatever the
# id: it says nothing about what exists, and nothing changes (leaver/tests/test_methods.py).
READ_ONLY = {"case", "record", "record_new", "letter_pdf"}


def post_refusal(page: str) -> int:
    return 405 if page in READ_ONLY else 404


@pytest.mark.parametrize(("role", "page"), MATRIX)
def test_own_case(cast, role, page):
    user = person(cast, role)
    interview, rec = build(cast, page, "Jordan Ellis", owner=person(cast, "rec_owner"))
    response = as_(user).get(url(page, interview, rec))
    assert response.status_code == on_own_case(role, page)


@pytest.mark.parametrize(("role", "page"), MATRIX)
def test_case_in_own_organisation_not_connected_to_them(cast, role, page):
    user = person(cast, role)
    interview, rec = build(unconnected(cast), page, "Casey Morgan")
    assert interview.young_person.social_worker == cast.other_social_worker
    expected = on_unconnected_case(role, page)
    before = snapshot(interview)
    client = as_(user)
    assert client.get(url(page, interview, rec)).status_code == expected
    if expected == 404:
        # Acting on a case one may not see is just as unknown, and changes nothing.
        response = client.post(url(page, interview, rec), post_data(page, cast))
        assert response.status_code == post_refusal(page)
        assert snapshot(interview) == before


@pytest.mark.parametrize(("role", "page"), MATRIX)
def test_another_organisations_case_is_404_for_every_role_get_and_post(
        cast, other_cast, role, page):
    user = person(cast, role)
    interview, rec = build(other_cast, page, "Riley Stone",
                           owner=person(other_cast, "rec_owner"))
    before = snapshot(interview)
    client = as_(user)
    assert client.get(url(page, interview, rec)).status_code == 404
    response = client.post(url(page, interview, rec), post_data(page, other_cast))
    assert response.status_code == post_refusal(page)
    assert snapshot(interview) == before


def test_another_organisations_case_looks_exactly_like_an_id_that_does_not_exist(
        cast, other_cast):
    theirs = make_case(other_cast, State.SCHEDULED)
    client = as_(cast.iro)
    real = client.get(reverse("young_person:case", args=[theirs.public_id]))
    made_up = client.get(reverse("young_person:case", args=[uuid.uuid4()]))
    assert real.status_code == made_up.status_code == 404
    assert _unique_parts_removed(real.content) == _unique_parts_removed(made_up.content)


def _unique_parts_removed(page: bytes) -> bytes:
    """The page without what differs on every response: the 404 page's incident reference
    and the masked CSRF token of the header's sign-out form."""
    page = re.sub(rb'id="incident-reference">[0-9A-F-]+<', b"", page)
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", page)
