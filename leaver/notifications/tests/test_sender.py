"""Sending through a real (local) SMTP server: nothing is lost while it is down, each message
is retried with a growing wait, all go once it is back, and none goes twice."""

from __future__ import annotations

import datetime as dt
import logging

from django.utils import timezone

from leaver.notifications.email import notify, queue_secret
from leaver.notifications.models import Message, Status
from leaver.notifications.sender import MAX_ATTEMPTS, back_off, send_due


def _queue(cast, count=3):
    people = [cast.csm, cast.iro, cast.social_worker, cast.unit_manager][:count]
    notify(people, subject="A step is waiting for you", path="/work/")
    return list(Message.objects.filter(subject="Leaver: A step is waiting for you"))


def test_back_off_doubles_up_to_an_hour():
    assert [back_off(n).total_seconds() / 60 for n in range(1, 10)] == [
        1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_messages_wait_while_the_server_is_down_and_all_go_once_when_it_is_back(cast, smtp):
    queued = _queue(cast)
    smtp.stop()
    now = timezone.now()
    assert send_due(now) == 0
    for minutes, attempts in [(1, 1), (2, 2), (4, 3)]:
        rows = Message.objects.filter(pk__in=[m.pk for m in queued])
        assert {(m.status, m.attempts) for m in rows} == {(Status.QUEUED, attempts)}
        assert {m.next_attempt_at for m in rows} == {now + dt.timedelta(minutes=minutes)}
        assert {m.last_error for m in rows} == {"ConnectionRefusedError"}
        # Not before its time: a scan a second early sends nothing and counts no try.
        assert send_due(now + dt.timedelta(minutes=minutes, seconds=-1)) == 0
        now += dt.timedelta(minutes=minutes)
        if attempts < 3:
            assert send_due(now) == 0
    smtp.start()
    assert send_due(now) == 3
    assert sorted(r.recipients[0] for r in smtp.received) == sorted(m.to for m in queued)
    rows = Message.objects.filter(pk__in=[m.pk for m in queued])
    assert {(m.status, m.attempts) for m in rows} == {(Status.SENT, 4)}
    # Nothing goes twice, however often the worker looks again.
    assert send_due(now + dt.timedelta(hours=5)) == 0
    assert len(smtp.received) == 3


def test_it_gives_up_after_the_last_try(cast, smtp):
    [message] = _queue(cast, count=1)
    smtp.stop()
    now = timezone.now()
    for _ in range(MAX_ATTEMPTS):
        send_due(now)
        now += dt.timedelta(hours=1)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.FAILED, MAX_ATTEMPTS)
    smtp.start()
    assert send_due(now + dt.timedelta(days=1)) == 0  # given up stays given up
    assert smtp.received == []


def test_a_refused_address_fails_at_once_and_keeps_no_text_of_the_error(cast, smtp, caplog):
    caplog.set_level(logging.DEBUG)
    smtp.state.refuse.add(cast.csm.email)
    _queue(cast, count=2)
    assert send_due() == 1  # the other message of the batch still goes
    refused = Message.objects.get(to=cast.csm.email, subject="Leaver: A step is waiting for you")
    assert (refused.status, refused.attempts) == (Status.FAILED, 1)
    assert (refused.last_error, refused.last_error_code) == ("SMTPRecipientsRefused", 550)
    # The server's reply quoted the address: none of it is kept or logged.
    assert "no such user" not in refused.last_error
    assert cast.csm.email not in caplog.text
    assert "A step is waiting" not in caplog.text


def test_a_secret_link_is_blanked_once_sent_and_never_logged(cast, smtp, caplog):
    caplog.set_level(logging.DEBUG)
    queue_secret(cast.iro, "Leaver: reset your password",
                 "Open https://leaver.example.org/reset/abc/SECRET-TOKEN/")
    assert send_due() == 1
    assert "SECRET-TOKEN" in smtp.received[0].data
    message = Message.objects.get(to=cast.iro.email, secret=True)
    assert (message.status, message.body, message.subject) == (
        Status.SENT, "", "Leaver: reset your password")
    assert message.sent_at is not None
    assert "SECRET-TOKEN" not in caplog.text


def test_a_secret_link_is_blanked_when_leaver_gives_up(cast, smtp):
    queue_secret(cast.iro, "Leaver: set your password", "https://x.example/SECRET-TOKEN/")
    smtp.state.refuse.add(cast.iro.email)
    send_due()
    message = Message.objects.get(to=cast.iro.email, secret=True)
    assert (message.status, message.body) == (Status.FAILED, "")


def test_a_worker_that_died_mid_send_leaves_its_messages_to_another_after_the_lease(
        cast, smtp):
    [message] = _queue(cast, count=1)
    now = timezone.now()
    Message.objects.filter(pk=message.pk).update(
        status=Status.SENDING, claimed_until=now + dt.timedelta(minutes=10))
    assert send_due(now) == 0  # still claimed by the (dead) worker
    assert send_due(now + dt.timedelta(minutes=11)) == 1
    assert len(smtp.received) == 1
