"""The leaver's links refused (leaver.cases.you.guard): expired, used after sign-off,
tampered, another browser's link, a link on a page for another purpose, a replaced link.
Each is refused with the right page and status, says whom to contact, and changes nothing
but one audit row naming the kind of refusal (never the token)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.test import Client
from django.utils import timezone

from leaver.accounts.logs import HideResetTokens
from leaver.audit.models import AuditEvent
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview, LeaverLink, LinkPurpose
from leaver.cases.tests.you_cast import make_school, open_link, refusals, rows, send, staff_case
from leaver.pathways.staff.states import State

pytestmark = pytest.mark.django_db


def test_a_link_opens_its_page_without_an_account_and_keeps_the_secret_out_of_the_address():
    school = make_school()
    case = staff_case(school)
    token = send(case, LinkPurpose.OFFER)
    client = Client()
    where = open_link(client, token)
    link = LeaverLink.objects.get(interview=case)
    assert where == f"/you/{link.public_id}/"
    assert token.split(".")[0] not in where
    follow = client.get(where)
    assert follow["Location"] == f"/you/{link.public_id}/offer/"
    page = client.get(follow["Location"])
    assert page.status_code == 200
    assert "Would you like an exit interview?" in page.content.decode()


@pytest.mark.parametrize("kind", ["expired", "replaced", "tampered", "unknown"])
def test_a_bad_link_is_refused_at_the_door_and_changes_nothing(kind):
    school = make_school()
    case = staff_case(school)
    token = send(case, LinkPurpose.OFFER)
    if kind == "expired":
        LeaverLink.objects.filter(interview=case).update(
            expires_at=timezone.now() - dt.timedelta(minutes=1))
    if kind == "replaced":
        send(case, LinkPurpose.OFFER)
    if kind == "tampered":
        token = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    if kind == "unknown":
        LeaverLink.objects.filter(interview=case).delete()
    before = rows(case)
    response = Client().get(f"/you/{token}/")
    assert response.status_code == {"expired": 410, "replaced": 410, "tampered": 404,
                                    "unknown": 404}[kind]
    text = response.content.decode()
    assert "Nothing has been changed" in text
    if kind in ("expired", "replaced"):
        # Recognised: whom to contact, and an audit row of the kind only.
        assert "hr@north.example" in text
        assert "01234 567890" in text
        assert refusals(case) == [kind]
        assert token not in str(AuditEvent.objects.filter(
            action=CaseEvent.LINK_REFUSED).values())
    else:
        assert "the person who sent it" in text
        assert "hr@north.example" not in text
    assert rows(case) == before


def test_a_link_opened_in_another_browser_is_not_theirs():
    school = make_school()
    case = staff_case(school)
    where = open_link(Client(), send(case, LinkPurpose.OFFER))
    before = rows(case)
    stranger = Client().get(f"{where}offer/")
    assert stranger.status_code == 403
    text = stranger.content.decode()
    assert "Open the link from your email" in text
    # A stranger with the address learns nothing about the leaver's organisation.
    assert "North Council" not in text
    assert "hr@north.example" not in text
    assert rows(case) == before
    assert refusals(case) == ["not_in_session"]


def test_a_page_for_another_purpose_is_refused():
    school = make_school()
    case = staff_case(school)
    client = Client()
    where = open_link(client, send(case, LinkPurpose.OFFER))
    before = rows(case)
    response = client.get(f"{where}review/")
    assert response.status_code == 403
    assert "This link is for something else" in response.content.decode()
    response = client.post(f"{where}answers/check/")
    assert response.status_code == 403
    assert rows(case) == before
    assert refusals(case) == ["wrong_purpose", "wrong_purpose"]


def test_a_link_is_refused_once_replaced_even_in_the_browser_that_opened_it():
    school = make_school()
    case = staff_case(school)
    client = Client()
    where = open_link(client, send(case, LinkPurpose.OFFER))
    send(case, LinkPurpose.OFFER)
    before = rows(case)
    response = client.get(f"{where}offer/")
    assert response.status_code == 410
    assert "This link has been replaced" in response.content.decode()
    assert rows(case) == before


def test_a_link_whose_step_has_passed_is_no_longer_needed():
    school = make_school()
    case = staff_case(school)
    client = Client()
    where = open_link(client, send(case, LinkPurpose.OFFER))
    # The HR lead recorded meanwhile that they declined in person.
    Interview.objects.filter(pk=case.pk).update(state=State.DECLINED)
    before = rows(case)
    response = client.get(f"{where}offer/")
    assert response.status_code == 410
    assert "This link is no longer needed" in response.content.decode()
    assert rows(case) == before
    assert refusals(case) == ["ended"]


def test_the_secret_of_a_leavers_link_never_reaches_the_log(caplog):
    token = "abcDEF123_-xyz.0123456789abcdef012345"
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                               "Not Found: %s", (f"/you/{token}/",), None)
    assert HideResetTokens().filter(record)
    assert token not in record.getMessage()
    assert "/you/[hidden]/" in record.getMessage()
    # The pages after it name the link by its public id, which is left alone.
    page = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                             "GET %s", ("/you/7d3c1f52-3b7a-4a51-9d16-6b1f0e2f7a10/offer/",),
                             None)
    HideResetTokens().filter(page)
    assert "7d3c1f52-3b7a-4a51-9d16-6b1f0e2f7a10" in page.getMessage()
