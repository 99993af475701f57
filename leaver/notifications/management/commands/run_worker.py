"""`manage.py run_worker`: the background worker with its clock (ADR 0015).

It is django-tasks-db's `db_worker` (which runs queued tasks one at a time, from a table),
plus a small thread that queues the periodic scan (leaver.notifications.tasks.scan) every
minute, unless one is already waiting. The scan runs the registered jobs that are due and the
outbox sender. Run one or more of these beside the web processes; every worker's scan claims
each job and each message, so none runs or goes twice.

Ctrl-C or SIGTERM: the current task finishes, then the worker stops (db_worker's handling).
"""

from __future__ import annotations

import logging
import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorker
from django_tasks_db.models import DBTaskResult

from leaver.notifications import tasks

logger = logging.getLogger(__name__)


def queue_scan() -> bool:
    """Queues a scan unless one is already waiting (a busy worker must not pile them up)."""
    waiting = DBTaskResult.objects.ready().filter(task_path=tasks.scan.module_path)
    if waiting.exists():
        return False
    tasks.scan.enqueue()
    return True


class Clock(threading.Thread):
    """Queues the scan every `seconds`. A daemon: it ends with the worker."""

    def __init__(self, seconds: float) -> None:
        super().__init__(name="leaver-scan-clock", daemon=True)
        self.seconds = seconds
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                queue_scan()
            except Exception:
                # The database may be restarting: the next tick tries again.
                logger.exception("Could not queue the periodic scan")
            finally:
                close_old_connections()
            self.stopped.wait(self.seconds)
        connection.close()


class Command(DbWorker):
    help = ("Runs background tasks (sending emails, reminders, daily summaries) and queues the "
            "periodic scan every minute. Stop it with Ctrl-C or SIGTERM.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--scan-every", type=float, default=60.0, dest="scan_every",
                            help="Seconds between periodic scans (default: 60).")
        # The reloader would start the clock twice (parent and child): restart by hand.
        parser.set_defaults(reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("reload"):
            raise CommandError("run_worker does not reload on code changes: restart it.")
        if options["scan_every"] < 1:
            raise CommandError("--scan-every must be at least 1 second.")
        Clock(options.pop("scan_every")).start()
        super().handle(*args, **options)
