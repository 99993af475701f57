"""The review as a journey: the question, drafts one by one (owners connected to the young
person first, anyone else by search), the check page, issuing together; changing and
withdrawing an issued recommendation until its owner responds."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core import mail
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews import recommending
from leaver.reviews.access import recommendations_owned_by
from leaver.reviews.models import DraftRecommendation, Recommendation
from leaver.reviews.recommending import Wording
from leaver.testing import add_recommendation, make_case, snapshot

IN_A_MONTH = timezone.localdate() + dt.timedelta(days=28)


def due(day: dt.date) -> dict[str, int]:
    return {"due_date-day": day.day, "due_date-month": day.month, "due_date-year": day.year}


def page(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def wording(owner, text: str = "Review bedtimes.", yp: str = "Agree bedtimes with you."
            ) -> Wording:
    return Wording(text, yp, owner, IN_A_MONTH)


# The question -------------------------------------------------------------------------------

@pytest.mark.parametrize(("answer", "lands"), [("yes", "recommendations/new/"),
                                               ("no", "no-action/")])
def test_the_question_leads_to_recommendations_or_the_reason(client, cast, answer, lands):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    start = f"/cases/{interview.public_id}/review/"
    assert "Does anything need to happen" in page(client.get(start))
    response = client.post(start, {"needed": answer})
    assert response.status_code == 302
    assert response.url == f"{start}{lands}"


def test_the_question_must_be_answered(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/review/", {})
    assert response.status_code == 400
    assert "Say whether anything needs to happen." in page(response)
    assert snapshot(interview) == before


# Owners: connected people first, with their role; anyone else by search ----------------------

def test_the_people_connected_to_the_young_person_come_first_with_their_roles(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    text = page(client.get(f"/cases/{interview.public_id}/review/recommendations/new/"))
    order = [text.index(p.full_name) for p in (cast.social_worker, cast.csm, cast.unit_manager)]
    assert order == sorted(order)
    assert "The young person's allocated social worker" in text
    assert "A Children's Services Manager" in text
    assert "A Unit Manager of the young person's home" in text
    # Not connected: another home's manager, another social worker, the senior manager.
    for person in (cast.other_unit_manager, cast.other_social_worker, cast.senior_manager):
        assert person.full_name not in text


def test_anyone_else_in_the_organisation_is_found_by_a_search_without_javascript(
        client, cast, other_cast):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    new = f"/cases/{interview.public_id}/review/recommendations/new/"
    text = page(client.get(new, {"q": "sen man"[:3]}))
    assert cast.senior_manager.full_name in text
    assert "Senior manager" in text
    assert other_cast.senior_manager.full_name not in text  # another organisation
    # The form keeps the search, so the person found can be chosen and saved.
    response = client.post(f"{new}?q=Sen", {
        "owner": cast.senior_manager.pk, "text": "A quiet room.",
        "young_person_text": "A quiet room for you.", **due(IN_A_MONTH)})
    assert response.status_code == 302
    assert DraftRecommendation.objects.get().owner == cast.senior_manager


def test_someone_from_another_organisation_cannot_be_the_owner(client, cast, other_cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/review/recommendations/new/", {
        "owner": other_cast.csm.pk, "text": "A quiet room.",
        "young_person_text": "A quiet room for you.", **due(IN_A_MONTH)})
    assert response.status_code == 400
    assert "Choose someone from your organisation." in page(response)
    assert snapshot(interview) == before


# Drafts, the check page, issuing together ------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    ({"due_date-day": "31", "due_date-month": "2", "due_date-year": "2099"},
     "The date a response is due must be a real date"),
    ({"due_date-day": "1", "due_date-month": "", "due_date-year": "2099"},
     "The date a response is due must include a month"),
    ({}, "Enter the date a response is due"),
    ({"young_person_text": ""}, "Enter the recommendation in words the young person will "
                                "understand."),
])
def test_a_draft_with_bad_input_is_refused_and_changes_nothing(client, cast, data, message):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    client.force_login(cast.iro)
    posted = {"owner": cast.csm.pk, "text": "Typed heron", "young_person_text": "For you.",
              **data}
    response = client.post(f"/cases/{interview.public_id}/review/recommendations/new/", posted)
    assert response.status_code == 400
    assert message in page(response)
    assert "Typed heron</textarea>" in page(response)
    assert snapshot(interview) == before


def test_drafts_are_issued_together_from_the_check_page_and_each_owner_is_emailed(
        client, cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    new = f"/cases/{interview.public_id}/review/recommendations/new/"
    with django_capture_on_commit_callbacks(execute=True):
        for owner, text in ((cast.unit_manager, "Agree bedtimes."),
                            (cast.social_worker, "Visit monthly.")):
            response = client.post(new, {"owner": owner.pk, "text": text,
                                         "young_person_text": f"YP: {text}",
                                         **due(IN_A_MONTH)})
            assert response.status_code == 302
    assert mail.outbox == []
    assert not Recommendation.objects.exists()
    assert Interview.objects.get(pk=interview.pk).state == State.WITH_IRO
    # Drafts are the IRO's alone: the owner cannot see them anywhere.
    client.force_login(cast.unit_manager)
    assert "Agree bedtimes" not in page(client.get(reverse("reviews:my_recommendations")))

    client.force_login(cast.iro)
    check = page(client.get(f"/cases/{interview.public_id}/review/check/"))
    drafts = list(DraftRecommendation.objects.all())
    for draft in drafts:
        assert reverse("reviews:draft_edit", args=[interview.public_id, draft.public_id]) \
            in check
    assert "Agree bedtimes." in check
    assert "YP: Visit monthly." in check
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cases/{interview.public_id}/review/check/")
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [cast.unit_manager.email, cast.social_worker.email])
    assert not DraftRecommendation.objects.exists()
    recs = list(Recommendation.objects.order_by("id"))
    assert [(r.text, r.young_person_text) for r in recs] == [
        ("Agree bedtimes.", "YP: Agree bedtimes."), ("Visit monthly.", "YP: Visit monthly.")]
    assert Interview.objects.get(pk=interview.pk).state == State.RECOMMENDATIONS_ISSUED


def test_a_draft_can_be_changed_and_removed_before_issuing(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    draft = recommending.save_draft(actor=cast.iro, interview=interview,
                                    wording=wording(cast.csm))
    client.force_login(cast.iro)
    edit = reverse("reviews:draft_edit", args=[interview.public_id, draft.public_id])
    assert "Review bedtimes.</textarea>" in page(client.get(edit))
    response = client.post(edit, {"owner": cast.unit_manager.pk, "text": "Changed words.",
                                  "young_person_text": "Changed.", **due(IN_A_MONTH)})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.text, draft.owner) == ("Changed words.", cast.unit_manager)
    response = client.post(reverse("reviews:draft_remove",
                                   args=[interview.public_id, draft.public_id]))
    assert response.status_code == 302
    assert not DraftRecommendation.objects.exists()


def test_issuing_with_no_drafts_is_refused(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/review/check/")
    assert response.status_code == 400
    assert "There are no draft recommendations to issue." in page(response)
    assert snapshot(interview) == before


def test_a_draft_whose_due_date_has_passed_is_refused_when_issuing(cast):
    interview = make_case(cast, State.WITH_IRO)
    draft = recommending.save_draft(actor=cast.iro, interview=interview,
                                    wording=wording(cast.csm))
    DraftRecommendation.objects.filter(pk=draft.pk).update(
        due_date=timezone.localdate() - dt.timedelta(days=1))
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Recommendation 1: The due date must be today"):
        recommending.issue_recommendations(actor=cast.iro, interview=interview)
    assert snapshot(interview) == before


@pytest.mark.parametrize("person", ["csm", "social_worker", "unit_manager", "interviewer"])
def test_only_the_iro_drafts(cast, person):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    with pytest.raises(ActionRefused,
                       match=r"^Only the young person's allocated Independent Reviewing"):
        recommending.save_draft(actor=getattr(cast, person), interview=interview,
                                wording=wording(cast.csm))
    assert snapshot(interview) == before


# Changing and withdrawing until the owner responds ------------------------------------------

def test_changing_a_recommendation_is_audited_and_tells_the_owner(
        client, cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.csm)
    client.force_login(cast.iro)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:change", args=[rec.public_id]), {
            "owner": cast.csm.pk, "text": "Homework help twice a week.",
            "young_person_text": "Help with homework.", **due(IN_A_MONTH)})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.text == "Homework help twice a week."
    [row] = AuditEvent.objects.filter(action="interview.recommendation_changed")
    assert row.actor == cast.iro
    assert row.detail["changed"] == ["text", "young_person_text"]
    assert "Homework" not in str(row.detail)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([cast.csm.email], "Leaver: A recommendation addressed to you has changed")]


def test_a_new_owner_is_asked_and_the_old_one_told(cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.csm)
    with django_capture_on_commit_callbacks(execute=True):
        recommending.change_recommendation(actor=cast.iro, recommendation=rec,
                                           wording=wording(cast.unit_manager))
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted([
        (cast.csm.email, "Leaver: A recommendation is no longer addressed to you"),
        (cast.unit_manager.email,
         "Leaver: A recommendation from an exit interview needs your response")])


def test_withdrawing_tells_the_owner_and_completes_the_responses(
        client, cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO)
    answered = add_recommendation(cast, interview, owner=cast.csm)
    ra.respond(actor=cast.csm, recommendation=answered, kind="will_act", text="Done.")
    waiting = add_recommendation(cast, interview, owner=cast.unit_manager)
    client.force_login(cast.iro)
    confirm = page(client.get(reverse("reviews:withdraw", args=[waiting.public_id])))
    assert "govuk-button--warning" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reviews:withdraw", args=[waiting.public_id]),
                               {"reason": "The home has already changed this."})
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.is_withdrawn
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([cast.unit_manager.email],
         "Leaver: A recommendation addressed to you has been withdrawn")]
    assert AuditEvent.objects.filter(action="interview.recommendation_withdrawn",
                                     actor=cast.iro).count() == 1
    assert Interview.objects.get(pk=interview.pk).state == State.RESPONSES_COMPLETE
    # The owner is no longer asked, and cannot respond.
    client.force_login(cast.unit_manager)
    assert waiting not in list(recommendations_waiting(cast.unit_manager))
    with pytest.raises(ActionRefused, match="withdrawn"):
        ra.respond(actor=cast.unit_manager, recommendation=waiting, kind="will_act", text="x")


def recommendations_waiting(user):
    return recommendations_owned_by(user).filter(responded_at__isnull=True)


@pytest.mark.parametrize("step", ["change", "withdraw"])
def test_an_answered_recommendation_cannot_be_changed_or_withdrawn(client, cast, step):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.csm)
    ra.respond(actor=cast.csm, recommendation=rec, kind="will_act", text="Done.")
    before = snapshot(interview)
    def act() -> object:
        if step == "change":
            return recommending.change_recommendation(actor=cast.iro, recommendation=rec,
                                                      wording=wording(cast.csm))
        return recommending.withdraw_recommendation(actor=cast.iro, recommendation=rec,
                                                    reason="No.")

    with pytest.raises(ActionRefused, match="can no longer be changed or withdrawn"):
        act()
    client.force_login(cast.iro)
    assert client.get(reverse(f"reviews:{step}", args=[rec.public_id])).status_code == 403
    assert snapshot(interview) == before


def test_a_withdrawal_needs_a_reason(cast):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.csm)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Say why the recommendation is withdrawn\.$"):
        recommending.withdraw_recommendation(actor=cast.iro, recommendation=rec, reason=" ")
    assert snapshot(interview) == before


# The owner is told their response may be quoted ------------------------------------------------

def test_the_response_page_says_the_response_may_be_quoted_by_role(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.unit_manager)
    client.force_login(cast.unit_manager)
    text = page(client.get(reverse("reviews:recommendation", args=[rec.public_id])))
    assert "Your response may be quoted to the young person" in text
    assert "“The manager of Oak House said: …”" in text
    assert "Your name is not given" in text
