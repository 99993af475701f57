"""Periodic jobs run by the worker's scan (leaver.notifications.tasks.scan, every minute).

Higher layers register their scans in their AppConfig.ready():

    from leaver.notifications.schedule import every

    @every(minutes=15, name="reviews.reminders")
    def remind(now: datetime) -> None: ...

or `register("reviews.reminders", 15, remind)`. A job takes `now` (an aware datetime) and must be
safe to run twice (queue its emails with dedupe keys): a worker that dies half-way leaves it to
run again.

Each job's last run is a row of `JobRun`. Before running a job a worker claims its row, in a
short transaction (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL), and marks it running for a
lease: however many workers scan at once, each job runs once per period and never twice at the
same moment. A job that raises is logged and tried again at the next scan.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone

from leaver.notifications.models import JobRun

logger = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=30)
# The scan comes every minute, give or take: a job due "every minute" must not skip one
# because this scan came a second early.
SLACK = dt.timedelta(seconds=5)

JobFunction = Callable[[dt.datetime], Any]
F = TypeVar("F", bound=JobFunction)


@dataclass(frozen=True)
class Job:
    name: str
    minutes: int
    func: JobFunction


_jobs: dict[str, Job] = {}


def register(name: str, minutes: int, func: JobFunction) -> None:
    if minutes < 1:
        raise ValueError(f"Job {name!r}: run it at most once a minute.")
    known = _jobs.get(name)
    if known is not None and known.func is not func:
        raise ValueError(f"Two periodic jobs are called {name!r}.")
    _jobs[name] = Job(name, minutes, func)


def every(*, minutes: int, name: str | None = None) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        register(name or f"{func.__module__}.{func.__qualname__}", minutes, func)
        return func

    return decorate


def jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def _claim(job: Job, now: dt.datetime) -> bool:
    JobRun.objects.get_or_create(name=job.name)
    with transaction.atomic():
        row = JobRun.objects.select_for_update(skip_locked=True).filter(name=job.name).first()
        if row is None:  # another worker is deciding about this job right now
            return False
        if row.running_until is not None and row.running_until > now:
            return False
        if row.last_run_at is not None and (
                now - row.last_run_at < dt.timedelta(minutes=job.minutes) - SLACK):
            return False
        row.running_until = now + LEASE
        row.save(update_fields=["running_until"])
    return True


def run_due(now: dt.datetime | None = None) -> list[str]:
    """Runs every job that is due and not running elsewhere; returns the names of those run."""
    now = now or timezone.now()
    ran = []
    for job in jobs():
        if not _claim(job, now):
            continue
        try:
            job.func(now)
        except Exception as error:
            logger.exception("The periodic job %s failed; it runs again at the next scan.",
                             job.name)
            JobRun.objects.filter(name=job.name).update(
                running_until=None, last_error=type(error).__name__[:100])
            continue
        JobRun.objects.filter(name=job.name).update(
            last_run_at=now, running_until=None, last_error="")
        ran.append(job.name)
    return ran
