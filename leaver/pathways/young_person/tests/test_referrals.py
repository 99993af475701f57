"""When the young person asks at the interview to complain or for an advocate, a task goes to
their social worker, due five working days after the record is sent; the social worker
records what they did (made on a date with a reference, or not made and why), once, audited.
Nobody else may open it (404)."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.cases.reminders import scan
from leaver.pathways.young_person.deadlines import deadlines_of
from leaver.pathways.young_person.models import Referral
from leaver.pathways.young_person.states import State
from leaver.testing import (
    PEOPLE,
    Cast,
    date_parts,
    happened_on,
    make_case,
    record_details,
    snapshot,
)

pytestmark = pytest.mark.django_db


def asked_for_both(cast: Cast, state: State = State.WITH_IRO) -> Interview:
    return make_case(cast, state, record=record_details(
        complaints_referral_wanted=True, advocacy_referral_wanted=True))


def url(case: Interview, kind: str) -> str:
    return f"/cases/{case.public_id}/referrals/{kind}/"


def text(response) -> str:
    return str(html.unescape(response.content.decode()))


def made(day: dt.date | None = None, **overrides: str) -> dict[str, str]:
    data = {"outcome": "made", **date_parts("made_on", day or timezone.localdate()),
            "reference": "ADV-2041"}
    data.update(overrides)
    return data


def test_the_social_worker_records_a_referral_made(client: Client, cast: Cast):
    case = asked_for_both(cast)
    client.force_login(cast.social_worker)
    page = text(client.get(url(case, "advocacy")))
    assert "Refer the young person to the advocacy service" in page
    assert "0808 157 0100" in page  # the organisation's advocacy contact
    assert AuditEvent.objects.filter(action="interview.referral_viewed",
                                     object_id=case.public_id).count() == 1
    response = client.post(url(case, "advocacy"), made())
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.public_id}/"
    referral = Referral.objects.get(interview=case, kind="advocacy")
    assert (referral.outcome, referral.made_on, referral.reference, referral.recorded_by) == (
        "made", timezone.localdate(), "ADV-2041", cast.social_worker)
    [event] = AuditEvent.objects.filter(action="interview.referral_made")
    assert event.actor == cast.social_worker
    assert event.detail["kind"] == "advocacy"
    assert "ADV-2041" not in str(event.detail)
    page = text(client.get(url(case, "advocacy")))
    assert "What you recorded" in page
    assert "ADV-2041" in page
    # Once only.
    before = snapshot(case)
    assert client.post(url(case, "advocacy"), made(reference="AGAIN")).status_code == 403
    assert snapshot(case) == before


def test_a_referral_not_made_needs_a_reason(client: Client, cast: Cast):
    case = asked_for_both(cast)
    client.force_login(cast.social_worker)
    response = client.post(url(case, "complaint"), {
        "outcome": "not_made", "reason": "They decided to talk to the manager first.",
        **date_parts("made_on", timezone.localdate())})
    assert response.status_code == 302
    referral = Referral.objects.get(interview=case, kind="complaint")
    assert (referral.outcome, referral.made_on, referral.reason) == (
        "not_made", None, "They decided to talk to the manager first.")
    assert AuditEvent.objects.filter(action="interview.referral_not_made").count() == 1


@pytest.mark.parametrize(("post", "message"), [
    ({}, "Choose whether you have made the referral."),
    ({"outcome": "made", "reference": "typed ref"}, "Enter the date you made the referral."),
    (made(timezone.localdate() + dt.timedelta(days=2), reference="typed ref"),
     "The date you made the referral must be today or in the past."),
    ({"outcome": "made", "made_on-day": "31", "made_on-month": "2", "made_on-year": "2026",
      "reference": "typed ref"}, "The date you made the referral must be a real date"),
    (made(reference="x" * 101), "The reference must be 100 characters or fewer."),
    ({"outcome": "not_made", "reason": "  "}, "Say why the referral will not be made."),
])
def test_bad_input_changes_nothing_and_keeps_what_was_typed(client: Client, cast: Cast, post,
                                                             message):
    case = asked_for_both(cast)
    client.force_login(cast.social_worker)
    before = snapshot(case)
    response = client.post(url(case, "advocacy"), post)
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page
    assert message in page
    if "typed ref" in str(post):
        assert 'value="typed ref"' in page
    assert not Referral.objects.exists()
    assert snapshot(case) == before


def test_a_date_before_the_interview_is_refused(client: Client, cast: Cast):
    case = happened_on(asked_for_both(cast), timezone.localdate() - dt.timedelta(days=10))
    client.force_login(cast.social_worker)
    response = client.post(url(case, "advocacy"),
                           made(timezone.localdate() - dt.timedelta(days=20)))
    assert response.status_code == 400
    assert "cannot be before the interview was recorded" in text(response)
    assert not Referral.objects.exists()


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "social_worker"])
def test_everyone_else_gets_not_found(client: Client, cast: Cast, other_cast: Cast, person):
    case = asked_for_both(cast, State.CLOSED)
    before = snapshot(case)
    for someone in (getattr(cast, person), getattr(other_cast, person)):
        client.force_login(someone)
        for kind in ("advocacy", "complaint"):
            assert client.get(url(case, kind)).status_code == 404
            assert client.post(url(case, kind), made()).status_code == 404
    assert snapshot(case) == before


def test_there_is_no_referral_the_young_person_did_not_ask_for(client: Client, cast: Cast):
    case = make_case(cast, State.WITH_IRO)  # nothing asked for
    client.force_login(cast.social_worker)
    for kind in ("advocacy", "complaint", "martians"):
        assert client.get(url(case, kind)).status_code == 404
        assert client.post(url(case, kind), made()).status_code == 404
    # The same social worker opens one that was asked for.
    assert client.get(url(asked_for_both(cast), "advocacy")).status_code == 200


def test_a_referral_is_due_five_working_days_after_the_record_and_chased(
        cast: Cast, django_capture_on_commit_callbacks):
    case = happened_on(asked_for_both(cast), dt.date(2026, 3, 2))
    found = {(d.step, d.item): d.due for d in deadlines_of([case], dt.date(2026, 3, 3))[case.pk]}
    assert found[("referral", "advocacy")] == dt.date(2026, 3, 9)
    assert found[("referral", "complaint")] == dt.date(2026, 3, 9)
    on_the_9th = dt.datetime(2026, 3, 9, 8, tzinfo=dt.UTC)
    chased = {(c.deadline.step, c.deadline.item, c.to) for c in scan(on_the_9th)}
    assert ("referral", "advocacy", cast.social_worker) in chased
    # Overdue the next day: the CSM is sent to the case page (the referral's is not theirs).
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        scan(on_the_9th + dt.timedelta(days=1))
    to_csm = [m for m in mail.outbox if m.to == [cast.csm.email]]
    assert to_csm
    assert all(f"/cases/{case.public_id}/\n" in m.body for m in to_csm)
    to_sw = [m.body for m in mail.outbox if m.to == [cast.social_worker.email]]
    assert any(url(case, "advocacy") in body for body in to_sw)
    Referral.objects.create(interview=case, kind="advocacy", outcome="not_made",
                            reason="Changed their mind.", recorded_by=cast.social_worker,
                            recorded_at=timezone.now())
    still = {(c.deadline.step, c.deadline.item) for c in scan(on_the_9th)}
    assert ("referral", "advocacy") not in still
    assert ("referral", "complaint") in still


def test_the_case_page_links_the_social_worker_to_the_referrals_only(client: Client,
                                                                     cast: Cast):
    case = asked_for_both(cast)
    client.force_login(cast.social_worker)
    page = text(client.get(f"/cases/{case.public_id}/"))
    assert "Referrals the young person asked for" in page
    assert url(case, "complaint") in page
    for person in (cast.unit_manager, cast.csm, cast.iro):
        client.force_login(person)
        page = text(client.get(f"/cases/{case.public_id}/"))
        assert "Referrals the young person asked for" not in page
        assert url(case, "complaint") not in page


def test_the_record_shows_the_iro_what_the_social_worker_did(client: Client, cast: Cast):
    case = asked_for_both(cast)
    client.force_login(cast.iro)
    record = f"/cases/{case.public_id}/record/"
    assert text(client.get(record)).count("The social worker has not recorded the referral") == 2
    client.force_login(cast.social_worker)
    client.post(url(case, "advocacy"), made(reference="ADV-7"))
    client.force_login(cast.iro)
    page = text(client.get(record))
    assert "Referral made by the social worker on" in page
    assert "(reference ADV-7)" in page
    assert page.count("The social worker has not recorded the referral") == 1
