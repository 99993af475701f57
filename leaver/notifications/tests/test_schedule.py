"""The periodic jobs: registered by name, run when due, once per period, and again at the next
scan when they fail. And the worker: db_worker runs the queued tasks that send the outbox."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from leaver.accounts.models import User
from leaver.notifications import schedule
from leaver.notifications.email import notify
from leaver.notifications.jobs import prune_task_results
from leaver.notifications.management.commands.run_worker import queue_scan
from leaver.notifications.models import JobRun, Message, Status


@pytest.fixture
def jobs(monkeypatch):
    """Only the jobs a test registers."""
    monkeypatch.setattr(schedule, "_jobs", {})


def test_a_job_runs_when_due_and_once_per_period(db, jobs):
    calls: list[dt.datetime] = []

    @schedule.every(minutes=15, name="test.every_quarter")
    def job(now: dt.datetime) -> None:
        calls.append(now)

    start = timezone.now()
    assert schedule.run_due(start) == ["test.every_quarter"]
    assert schedule.run_due(start + dt.timedelta(minutes=14)) == []
    # A scan a few seconds early still counts as on time.
    assert schedule.run_due(start + dt.timedelta(minutes=15, seconds=-3)) == [
        "test.every_quarter"]
    assert calls == [start, start + dt.timedelta(minutes=15, seconds=-3)]
    assert [j.name for j in schedule.jobs()] == ["test.every_quarter"]


def test_a_failing_job_is_logged_and_runs_again_at_the_next_scan(db, jobs, caplog):
    attempts: list[int] = []

    def flaky(now: dt.datetime) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise ValueError("first time")

    schedule.register("test.flaky", 60, flaky)
    now = timezone.now()
    assert schedule.run_due(now) == []
    row = JobRun.objects.get(name="test.flaky")
    assert (row.last_run_at, row.running_until, row.last_error) == (None, None, "ValueError")
    assert "test.flaky failed" in caplog.text
    assert schedule.run_due(now + dt.timedelta(minutes=1)) == ["test.flaky"]
    assert len(attempts) == 2


def test_a_job_claimed_by_another_worker_is_left_alone(db, jobs):
    schedule.register("test.busy", 1, lambda now: None)
    now = timezone.now()
    JobRun.objects.create(name="test.busy", running_until=now + dt.timedelta(minutes=5))
    assert schedule.run_due(now) == []
    # A worker that died holding it: its claim runs out.
    assert schedule.run_due(now + dt.timedelta(minutes=6)) == ["test.busy"]


def test_names_are_unique_and_periods_at_least_a_minute(jobs):
    schedule.register("test.one", 5, print)
    schedule.register("test.one", 5, print)  # the same job registered twice is fine
    with pytest.raises(ValueError, match="Two periodic jobs"):
        schedule.register("test.one", 5, repr)
    with pytest.raises(ValueError, match="at most once a minute"):
        schedule.register("test.two", 0, print)


def test_the_apps_jobs_are_registered():
    names = {job.name for job in schedule.jobs()}
    assert {"notifications.daily_summary", "notifications.prune_task_results"} <= names


@pytest.mark.django_db(transaction=True)
def test_db_worker_sends_what_an_action_queued_and_the_scan(settings):
    """The production path: the database task backend and django-tasks-db's worker (committed
    rows, as between a web process and a worker)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    person = User.objects.create_user("pat@north.example", None, full_name="Pat Example")
    with transaction.atomic():  # an action
        notify([person], subject="Something to do", path="/work/")
    assert mail.outbox == []  # queued as a task, not sent by the web process
    assert DBTaskResult.objects.ready().count() == 1
    assert queue_scan() is True
    assert queue_scan() is False  # one scan waiting is enough
    worker = Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
                    startup_delay=False, max_tasks=None, worker_id="test",
                    excluded_queue_names=[])
    worker.run()
    assert [m.to for m in mail.outbox] == [[person.email]]
    assert Message.objects.get(to=person.email).status == Status.SENT
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert JobRun.objects.filter(name="notifications.daily_summary").exists()
    # Finished task rows are kept a week, then the daily job deletes them.
    assert prune_task_results(timezone.now() + dt.timedelta(days=6)) == 0
    assert prune_task_results(timezone.now() + dt.timedelta(days=8)) == 3
    assert not DBTaskResult.objects.exists()
