"""The background tasks (django-tasks; run by `manage.py run_worker` or `db_worker`)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from leaver.notifications import schedule, sender


@task()
def send_outbox(only: list[str] | None = None) -> int:
    """Sends the due messages of the outbox (or only those named), returns how many."""
    return sender.send_due(only=only)


@task()
def scan() -> list[str]:
    """The periodic scan: runs each registered job that is due, then the sender. Queued every
    minute by `run_worker`; several workers may run it at once (each job is claimed)."""
    ran = schedule.run_due(timezone.now())
    send_outbox.enqueue()
    return ran
