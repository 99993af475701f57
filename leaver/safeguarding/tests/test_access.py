"""Who sees a concern: only the safeguarding leads of its organisation and whoever raised it.
Everyone else, in every role and in the other organisation, gets 404 on every page of it.
Those who can see the case see only that a concern exists and its status. Every read is
audited."""

from __future__ import annotations

import html

import pytest

from leaver.audit.models import AuditEvent
from leaver.pathways.young_person.states import State
from leaver.safeguarding.models import Concern
from leaver.safeguarding.tests.helpers import UNSAFE, raise_one, recording_case, save_section
from leaver.testing import PEOPLE, make_case

READERS = {"safeguarding_lead", "interviewer"}  # the lead, and the interviewer who raised it
WORDS = "I fell over."


def concern_pages(concern: Concern) -> list[str]:
    base = f"/safeguarding/concerns/{concern.public_id}"
    return [f"{base}/", f"{base}/note/", f"{base}/outcome/referral/",
            f"{base}/outcome/no-further-action/", f"{base}/outcome/check/"]


@pytest.fixture
def concern(cast) -> Concern:
    return raise_one(cast, make_case(cast, State.WITH_IRO), words=WORDS)


@pytest.mark.parametrize("person", PEOPLE)
def test_a_concern_is_read_only_by_the_leads_and_the_raiser(cast, client, concern, person):
    client.force_login(getattr(cast, person))
    response = client.get(f"/safeguarding/concerns/{concern.public_id}/")
    if person in READERS:
        assert response.status_code == 200
        assert WORDS in html.unescape(response.content.decode())
    else:
        assert response.status_code == 404
        for url in concern_pages(concern):
            assert client.get(url).status_code == 404, url
        for url in concern_pages(concern)[1:]:  # the forms
            assert client.post(url, {"text": "x", "reason": "x"}).status_code == 404, url
        assert client.post(f"/safeguarding/concerns/{concern.public_id}/acknowledge/"
                           ).status_code == 404


@pytest.mark.parametrize("person", PEOPLE)
def test_nobody_in_another_organisation_reads_it(cast, other_cast, client, concern, person):
    client.force_login(getattr(other_cast, person))
    for url in concern_pages(concern):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/safeguarding/concerns/{concern.public_id}/acknowledge/"
                       ).status_code == 404


def test_an_automatic_concern_is_read_by_whoever_recorded_the_answer(cast, client):
    case = recording_case(cast)
    save_section(cast, case, **UNSAFE)
    concern = Concern.objects.get()
    client.force_login(cast.interviewer)
    assert client.get(f"/safeguarding/concerns/{concern.public_id}/").status_code == 200
    client.force_login(cast.other_interviewer)
    assert client.get(f"/safeguarding/concerns/{concern.public_id}/").status_code == 404


@pytest.mark.parametrize("person", PEOPLE)
def test_the_list_of_concerns_is_for_the_leads_only(cast, client, concern, person):
    client.force_login(getattr(cast, person))
    response = client.get("/safeguarding/")
    assert response.status_code == (200 if person == "safeguarding_lead" else 404)
    nav = 'href="/safeguarding/"' in client.get("/work/").content.decode()
    assert nav == (person == "safeguarding_lead")


def test_every_read_is_audited(cast, client, concern):
    client.force_login(cast.safeguarding_lead)
    client.get(f"/safeguarding/concerns/{concern.public_id}/")
    client.get("/safeguarding/")
    read = AuditEvent.objects.get(action="safeguarding.concern_viewed")
    assert (read.actor, read.object_id) == (cast.safeguarding_lead, concern.public_id)
    assert AuditEvent.objects.filter(action="safeguarding.list_viewed",
                                     actor=cast.safeguarding_lead).count() == 1


@pytest.mark.parametrize("person", ["csm", "social_worker", "unit_manager", "iro"])
def test_the_case_and_record_show_only_the_status(cast, client, concern, person):
    client.force_login(getattr(cast, person))
    for url in (f"/cases/{concern.interview.public_id}/",
                f"/cases/{concern.interview.public_id}/record/"):
        response = client.get(url)
        if response.status_code == 404:
            continue  # not everyone reads the record
        page = html.unescape(response.content.decode())
        assert "Safeguarding" in page
        assert "Raised, not yet acknowledged: due by" in page
        assert WORDS not in page
        assert "bruise" not in page
        assert f"/safeguarding/concerns/{concern.public_id}/" not in page


def test_the_raiser_has_a_link_from_the_case(cast, client, concern):
    client.force_login(cast.interviewer)
    page = client.get(f"/cases/{concern.interview.public_id}/").content.decode()
    assert f'href="/safeguarding/concerns/{concern.public_id}/"' in page


def test_a_leads_your_work_lists_open_concerns(cast, client, concern):
    client.force_login(cast.safeguarding_lead)
    page = html.unescape(client.get("/work/").content.decode())
    assert "Safeguarding concerns" in page
    assert "Jordan Ellis" in page
    assert "Acknowledge by " in page
    assert "Nothing is waiting for you." not in page
    client.force_login(cast.csm)
    assert f"/safeguarding/concerns/{concern.public_id}/" not in client.get(
        "/work/").content.decode()
