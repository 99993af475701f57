""""Your work" and the case list show what is late: how long each step has waited, a "Due"
tag or a red "Overdue" one, the overdue first; the case list filters to the overdue (a GET
filter), never showing a case the person may not open; the IRO sees the recommendations they
issued whose responses are overdue."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.utils import timezone

from leaver.cases.models import Interview
from leaver.core.working_days import is_working_day
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews.models import Recommendation
from leaver.testing import Cast, add_recommendation, happened_on, make_case, record_details

pytestmark = pytest.mark.django_db

RED = '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'


def working_days_ago(count: int) -> dt.date:
    day = timezone.localdate()
    while count:
        day -= dt.timedelta(days=1)
        count -= is_working_day(day, "england")
    return day


def late(cast: Cast, name: str, state: State = State.NOTIFIED, waited: int = 8,
         **details: object) -> Interview:
    """A case whose step started `waited` working days ago (a consent decision: 5 allowed)."""
    return happened_on(make_case(cast, state, leaver_name=name, **details),
                       working_days_ago(waited))


def page(client: Client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def order(text: str, *names: str) -> list[str]:
    return sorted(names, key=text.index)


def test_your_work_shows_the_overdue_first_with_how_long_each_has_waited(client, cast):
    overdue = late(cast, "Ava Late")
    make_case(cast, State.NOTIFIED, leaver_name="Ben New")  # newer: first in the database
    client.force_login(cast.social_worker)
    text = page(client, "/work/")
    assert order(text, "Ben New", "Ava Late") == ["Ava Late", "Ben New"]
    assert RED in text
    assert "waiting 8 working days" in text
    assert "waiting 0 working days" in text
    assert re.search(r'govuk-tag--grey">Due \d+ \w+', text)  # the new one: due in 5 days
    started = timezone.localtime(overdue.created_at)
    assert f"due {started.day} {started:%B %Y}" not in text  # the due date, not the start


def test_the_case_page_says_when_the_next_step_is_due(client, cast):
    case = late(cast, "Ava Late")
    client.force_login(cast.unit_manager)
    text = page(client, f"/cases/{case.public_id}/")
    assert RED in text
    assert "waiting 8 working days" in text
    closed = make_case(cast, State.CLOSED)
    assert "govuk-tag--red" not in page(client, f"/cases/{closed.public_id}/")


def test_each_group_has_its_own_deadline(client, cast):
    late(cast, "Cal Review", State.WITH_IRO, waited=12)  # 10 allowed
    late(cast, "Dee Review", State.WITH_IRO, waited=3)
    client.force_login(cast.iro)
    text = page(client, "/work/")
    assert order(text, "Dee Review", "Cal Review") == ["Cal Review", "Dee Review"]
    assert text.count(RED) == 1
    assert "waiting 12 working days" in text


def test_referrals_wait_in_the_social_workers_work(client, cast):
    case = make_case(cast, State.WITH_IRO, record=record_details(
        complaints_referral_wanted=True, advocacy_referral_wanted=True))
    client.force_login(cast.social_worker)
    text = page(client, "/work/")
    assert "Referrals young people asked for" in text
    assert f"/cases/{case.public_id}/referrals/advocacy/" in text
    assert f"/cases/{case.public_id}/referrals/complaint/" in text
    client.force_login(cast.other_social_worker)
    assert "Referrals young people asked for" not in page(client, "/work/")


def test_the_iro_sees_overdue_responses_to_their_recommendations(client, cast):
    case = make_case(cast, State.WITH_IRO)
    overdue = add_recommendation(cast, case, owner=cast.unit_manager)
    on_time = add_recommendation(cast, case, owner=cast.csm)
    Recommendation.objects.filter(pk=overdue.pk).update(due_date=working_days_ago(3))
    client.force_login(cast.iro)
    text = page(client, "/work/")
    assert "Overdue responses to your recommendations" in text
    assert cast.unit_manager.full_name in text
    assert f"/recommendations/{overdue.public_id}/" in text
    assert f"/recommendations/{on_time.public_id}/" not in text
    # Every recommendation they issued, with its state, on their recommendations page.
    issued = page(client, "/recommendations/")
    assert "Recommendations you issued" in issued
    assert f"/recommendations/{on_time.public_id}/" in issued
    assert RED in issued
    # The owner sees theirs as overdue too; another IRO sees none of it.
    client.force_login(cast.unit_manager)
    assert RED in page(client, "/work/")
    client.force_login(cast.other_iro)
    assert "Overdue responses" not in page(client, "/work/")
    assert "Recommendations you issued" not in page(client, "/recommendations/")
    # Answered: no longer overdue.
    ra.respond(actor=cast.unit_manager, recommendation=Recommendation.objects.get(
        pk=overdue.pk), kind="will_act", text="Done.")
    client.force_login(cast.iro)
    assert "Overdue responses to your recommendations" not in page(client, "/work/")


def test_the_case_list_counts_the_overdue_and_filters_to_them(client, cast):
    late(cast, "Ava Late")
    make_case(cast, State.NOTIFIED, leaver_name="Ben New")
    make_case(cast, State.CLOSED, leaver_name="Cy Closed")
    for person in (cast.csm, cast.iro):
        client.force_login(person)
        text = page(client, "/cases/")
        # Newest first: an order the database reads from an index, page after page.
        assert order(text, "Ben New", "Ava Late", "Cy Closed") == [
            "Cy Closed", "Ben New", "Ava Late"]
        assert "Only cases with something overdue (1)" in text
        filtered = page(client, "/cases/?overdue=yes")
        assert "Ava Late" in filtered
        assert "Ben New" not in filtered
        assert "Cy Closed" not in filtered
        assert 'name="overdue" type="checkbox" value="yes" checked' in filtered


def test_the_filter_never_shows_a_case_the_person_may_not_open(client, cast, other_cast):
    late(cast, "Ava Mine")
    late(cast, "Bo Theirs", social_worker=cast.other_social_worker)
    late(other_cast, "Cy Elsewhere")
    client.force_login(cast.social_worker)
    text = page(client, "/cases/?overdue=yes")
    assert "Ava Mine" in text
    assert "Bo Theirs" not in text
    assert "Cy Elsewhere" not in text
    assert "(1)" in text
    client.force_login(cast.csm)
    text = page(client, "/cases/?overdue=yes")
    assert "Ava Mine" in text
    assert "Bo Theirs" in text
    assert "Cy Elsewhere" not in text
    client.force_login(cast.other_unit_manager)  # Elm House: none of these
    assert "There are no cases you can see" in page(client, "/cases/")
    assert "Nothing is overdue" in page(client, "/cases/?overdue=yes")


def test_an_overdue_recommendation_makes_its_case_overdue(client, cast):
    case = make_case(cast, State.WITH_IRO, leaver_name="Dan Recommended")
    rec = add_recommendation(cast, case)
    Recommendation.objects.filter(pk=rec.pk).update(due_date=working_days_ago(1))
    client.force_login(cast.csm)
    assert "Dan Recommended" in page(client, "/cases/?overdue=yes")


def test_case_lists_never_tell_that_a_young_person_asked_to_complain(client, cast):
    # Seven working days after the record: the referral (five) is overdue, the review (ten)
    # is not.
    happened_on(make_case(cast, State.WITH_IRO, leaver_name="Eve Asked", record=record_details(
        complaints_referral_wanted=True)), working_days_ago(7))
    for person in (cast.csm, cast.iro, cast.unit_manager):
        client.force_login(person)
        text = page(client, "/cases/")
        assert "Eve Asked" in text
        assert "Review the interview record" in text
        assert "complaint" not in text.lower()
        assert "Eve Asked" not in page(client, "/cases/?overdue=yes")
    client.force_login(cast.social_worker)
    assert RED in page(client, "/work/")  # their own task says it is late
