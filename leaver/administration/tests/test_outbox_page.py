"""Emails not sent: organisation admins see their own organisation's failing emails (to whom,
the subject, tries, the error's class and code, the next try) and can try one again now.
Everyone else, and other organisations' admins, get 404 and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.notifications.email import notify, queue_secret
from leaver.notifications.events import OutboxEvent
from leaver.notifications.models import Message, Status
from leaver.testing import PEOPLE

LIST = reverse("administration:outbox:list")


def _failing(cast, *, gave_up=False, subject="A step is waiting for you") -> Message:
    notify([cast.csm], subject=subject, path="/work/")
    message = Message.objects.get(subject=f"Leaver: {subject}", to=cast.csm.email)
    message.attempts = 10 if gave_up else 3
    message.status = Status.FAILED if gave_up else Status.QUEUED
    message.last_error, message.last_error_code = "SMTPRecipientsRefused", 550
    message.next_attempt_at = timezone.now() + dt.timedelta(minutes=4)
    message.save()
    return message


def _try_again(message: Message) -> str:
    return reverse("administration:outbox:try_again", args=[message.public_id])


def _state():
    return (list(Message.objects.order_by("pk").values("status", "attempts", "next_attempt_at")),
            AuditEvent.objects.filter(action__startswith="outbox.").count())


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "org_admin"])
def test_everyone_but_the_admin_gets_not_found(client, cast, person):
    message = _failing(cast)
    client.force_login(getattr(cast, person))
    before = _state()
    for url in (LIST, _try_again(message)):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert _state() == before


def test_another_organisations_admin_sees_none_of_ours(client, cast, other_cast):
    message = _failing(cast)
    client.force_login(other_cast.org_admin)
    page = client.get(LIST).content.decode()
    assert cast.csm.email not in page
    assert "Every email has been sent" in page
    before = _state()
    assert client.post(_try_again(message)).status_code == 404
    assert _state()[0] == before[0]


def test_the_admin_sees_what_fails_and_why_and_the_reading_is_audited(client, cast):
    waiting = _failing(cast, subject="First")
    _failing(cast, gave_up=True, subject="Second")
    notify([cast.iro], subject="Not failing", path="/work/")  # queued, never failed: not shown
    client.force_login(cast.org_admin)
    response = client.get(LIST)
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "2 emails not sent" in page
    for shown in (cast.csm.email, "Leaver: First", "Leaver: Second"):
        assert shown in page
    assert "SMTPRecipientsRefused (550)" in page
    assert "The mail server refused the email address." in page
    assert "Gave up" in page
    assert timezone.localtime(waiting.next_attempt_at).strftime("%H:%M") in page
    assert "Not failing" not in page
    row = AuditEvent.objects.get(action=OutboxEvent.FAILING_VIEWED)
    assert (row.actor, row.organisation_id, row.detail) == (cast.org_admin, cast.org.pk,
                                                            {"shown": 2})
    # The hub lists the section.
    assert LIST in client.get(reverse("administration:index")).content.decode()


def test_try_again_now_sends_it_at_once_and_is_audited(client, cast,
                                                       django_capture_on_commit_callbacks):
    message = _failing(cast, gave_up=True)
    client.force_login(cast.org_admin)
    assert client.get(_try_again(message)).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_try_again(message))
    assert (response.status_code, response["Location"]) == (302, LIST)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENT, 1)
    assert [m.to for m in mail.outbox] == [[cast.csm.email]]
    row = AuditEvent.objects.get(action=OutboxEvent.TRIED_AGAIN)
    assert (row.actor, row.object_id, row.detail) == (
        cast.org_admin, message.public_id,
        {"attempts": 10, "error": "SMTPRecipientsRefused", "status": "failed"})
    # Sent: it is no longer on the page, nor can it be tried again.
    assert client.post(_try_again(message)).status_code == 404


def test_a_given_up_secret_link_cannot_be_sent_again(client, cast):
    queue_secret(cast.social_worker, "Leaver: set your password", "https://x/SECRET/")
    message = Message.objects.get(secret=True, to=cast.social_worker.email)
    Message.objects.filter(pk=message.pk).update(status=Status.FAILED, attempts=10, body="",
                                                 last_error="TimeoutError")
    client.force_login(cast.org_admin)
    page = client.get(LIST).content.decode()
    assert "Its link was removed" in page
    response = client.post(_try_again(message))
    assert response.status_code == 403
    assert "Leaver removed the link in this email" in response.content.decode()
    message.refresh_from_db()
    assert message.status == Status.FAILED
