"""Workers side by side: each message is sent exactly once and each periodic job runs once.

On PostgreSQL (the production database, CI's second suite) two workers run at once in two
threads, each with its own connection, claiming with SELECT … FOR UPDATE SKIP LOCKED. SQLite
has a single worker by design (one writer at a time): there the same test runs one worker and
then a second pass, which must find nothing left to send.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.utils import timezone

from leaver.notifications import schedule
from leaver.notifications.models import JobRun, Message, Status
from leaver.notifications.outbox import Draft, queue
from leaver.notifications.sender import send_due

MESSAGES = 240


class SlowBackend(EmailBackend):
    """Django's in-memory backend, a little slow, so that the workers' batches overlap."""

    def send_messages(self, messages):
        time.sleep(0.002 * len(messages))
        return super().send_messages(messages)


def _workers() -> int:
    return 2 if connection.vendor == "postgresql" else 1


def _side_by_side(work, workers: int) -> list[Any]:
    results: list[Any] = [None] * workers
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = work()
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True)
def test_every_message_is_sent_exactly_once_by_the_workers(settings):
    settings.EMAIL_BACKEND = f"{__name__}.SlowBackend"
    # No nudge after the commit: the workers below do all the sending.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    queue([Draft(to=f"person{i}@example.org", subject="Leaver: something to do",
                 body="Sign in to Leaver to see it.") for i in range(MESSAGES)])
    workers = _workers()

    def work() -> int:
        sent = 0
        while count := send_due(timezone.now()):
            sent += count
        return sent

    sent = _side_by_side(work, workers)
    assert sum(sent) == MESSAGES
    if workers == 2:
        assert all(sent), f"both workers should have sent some: {sent}"
    else:
        assert work() == 0  # a second worker after the first finds nothing left
    addresses = [message.to[0] for message in mail.outbox]
    assert len(addresses) == MESSAGES
    assert len(set(addresses)) == MESSAGES
    assert set(Message.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


@pytest.mark.django_db(transaction=True)
def test_a_periodic_job_runs_once_however_many_workers_scan(monkeypatch):
    runs: list[str] = []
    lock = threading.Lock()

    def slow_job(now) -> None:
        with lock:
            runs.append(threading.current_thread().name)
        time.sleep(0.3)

    # Only this job: the scan runs what is registered.
    monkeypatch.setattr(schedule, "_jobs", {})
    schedule.register("test.slow", 60, slow_job)
    now = timezone.now()
    workers = _workers()
    ran = _side_by_side(lambda: schedule.run_due(now), workers)
    if workers == 1:
        ran.append(schedule.run_due(now))
    assert sorted(map(len, ran)) == [0, 1]
    assert len(runs) == 1
    assert JobRun.objects.get(name="test.slow").running_until is None
