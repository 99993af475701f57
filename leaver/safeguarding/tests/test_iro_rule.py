"""The IRO cannot record "no action needed" on a record with an open safeguarding concern
without saying they know about it; the review shows the concern's status."""

from __future__ import annotations

import html

import pytest

from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.safeguarding import actions
from leaver.safeguarding.tests.helpers import raise_one
from leaver.testing import make_case, snapshot

REASON = "Everything she raised has been dealt with."


@pytest.fixture
def case(cast):
    return make_case(cast, State.WITH_IRO)


def test_refused_while_a_concern_is_open(cast, case):
    raise_one(cast, case)
    before = snapshot(case)
    with pytest.raises(ActionRefused, match="open safeguarding concern"):
        ra.record_no_action(actor=cast.iro, interview=case, reason=REASON)
    assert snapshot(case) == before


def test_allowed_when_the_iro_knows_of_it(cast, case):
    raise_one(cast, case)
    ra.record_no_action(actor=cast.iro, interview=case, reason=REASON, knows_of_concern=True)
    case.refresh_from_db()
    assert case.state == State.NO_ACTION_NEEDED
    row = AuditEvent.objects.get(action="interview.no_action_needed")
    assert row.detail["knew_of_open_concern"] is True


def test_a_closed_concern_needs_nothing(cast, case):
    concern = raise_one(cast, case)
    lead = cast.safeguarding_lead
    actions.acknowledge(actor=lead, concern=concern)
    actions.draft_no_further_action(actor=lead, concern=concern, reason="Dealt with.")
    actions.close(actor=lead, concern=concern)
    ra.record_no_action(actor=cast.iro, interview=case, reason=REASON)
    assert "knew_of_open_concern" not in AuditEvent.objects.get(
        action="interview.no_action_needed").detail


def test_the_pages_show_the_status_and_ask_for_the_box(cast, client, case):
    raise_one(cast, case)
    client.force_login(cast.iro)
    review = html.unescape(client.get(f"/cases/{case.public_id}/review/").content.decode())
    assert "Raised, not yet acknowledged" in review
    url = f"/cases/{case.public_id}/review/no-action/"
    page = html.unescape(client.get(url).content.decode())
    assert "I know there is an open safeguarding concern" in page
    response = client.post(url, {"reason": REASON})
    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert "Confirm that you know there is an open safeguarding concern." in text
    assert REASON in text
    case.refresh_from_db()
    assert case.state == State.WITH_IRO
    response = client.post(url, {"reason": REASON, "knows_of_concern": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.NO_ACTION_NEEDED


def test_without_a_concern_the_box_is_not_asked(cast, client, case):
    client.force_login(cast.iro)
    url = f"/cases/{case.public_id}/review/no-action/"
    assert "I know there is an open safeguarding concern" not in client.get(url).content.decode()
    assert client.post(url, {"reason": REASON}).status_code == 302
