"""The periodic jobs of this package, registered when the app is ready."""

from __future__ import annotations

import datetime as dt

from django_tasks_db.models import DBTaskResult

from leaver.notifications import digest, schedule

# Finished background tasks are kept this long (for looking into a problem), then deleted.
KEEP_TASK_RESULTS = dt.timedelta(days=7)


def prune_task_results(now: dt.datetime) -> int:
    """The scan queues two tasks a minute: without this their rows would pile up forever."""
    deleted, _ = DBTaskResult.objects.finished().filter(
        finished_at__lt=now - KEEP_TASK_RESULTS).delete()
    return deleted


def register_jobs() -> None:
    # Every quarter of an hour: the summaries go out within 15 minutes of DIGEST_HOUR.
    schedule.register("notifications.daily_summary", 15, digest.build_digests)
    schedule.register("notifications.prune_task_results", 24 * 60, prune_task_results)
