"""Posts to a real SQLite file from several threads at once, for test_sqlite_parallel.py.

Run in its own process (the tests' own SQLite database is in memory, where nothing is ever
locked): `python -m leaver.tests.sqlite_posts parallel|busy` with DATABASE_URL naming a file.
`parallel` migrates the file, makes the test cast, then has THREADS people tell Leaver about
moves at the same moment; `busy` holds SQLite's write lock from outside while a move is
posted, then lets go and posts again. Each prints what happened as one JSON line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import sys
import threading
from typing import Any

import django

THREADS = 8
POSTS_EACH = 3


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leaver.settings")
    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's host, emails kept in memory

    # Argon2 is slow on purpose; these people never type a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _move_post(name: str) -> dict[str, Any]:
    """The move page as the cast's Unit Manager posts it (make_cast("north")'s people)."""
    from django.utils import timezone

    from leaver.accounts.models import User
    from leaver.core.dates import years_before
    from leaver.organisations.models import Setting
    from leaver.testing import date_parts

    today = timezone.localdate()
    return {"leaver_name": name, **date_parts("date_of_birth", years_before(today, 15)),
            "setting": Setting.objects.get(name="Oak House").pk,
            **date_parts("planned_move_date", today + dt.timedelta(days=9)),
            "social_worker": User.objects.get(full_name="North Sol Worker").pk,
            "significant_learning_disability": "no", "preferred_language": "English",
            "allocated_iro": User.objects.get(full_name="North Iris Iro").pk}


def parallel() -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from leaver.cases.models import Interview
    from leaver.testing import make_cast

    call_command("migrate", verbosity=0)
    manager = make_cast("north").unit_manager
    connections.close_all()
    start = threading.Barrier(THREADS)
    statuses: list[int] = []
    errors: list[str] = []

    def post(number: int) -> None:
        try:
            client = Client()
            start.wait()
            client.force_login(manager)  # a write too: the session, the audit row
            for n in range(POSTS_EACH):
                response = client.post("/cases/new/", _move_post(f"Young Person {number}-{n}"))
                statuses.append(response.status_code)
        except Exception as error:  # every failure is the finding
            errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"statuses": statuses, "errors": errors, "cases": Interview.objects.count()}


def busy() -> dict[str, Any]:
    from django.conf import settings
    from django.test import Client

    from leaver.accounts.models import User
    from leaver.cases.models import Interview

    client = Client()
    client.force_login(User.objects.get(full_name="North Una Manager"))
    post = _move_post("Waited Too Long")
    before = Interview.objects.count()
    # Someone else holds the write lock for longer than SQLITE_TIMEOUT_SECONDS.
    holder = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    refused = client.post("/cases/new/", post)
    holder.execute("ROLLBACK")
    holder.close()
    after_refusal = Interview.objects.count()
    again = client.post("/cases/new/", post)
    return {"refused": refused.status_code, "retry_after": refused.get("Retry-After"),
            "page": refused.content.decode(), "before": before,
            "after_refusal": after_refusal, "again": again.status_code,
            "after_again": Interview.objects.count()}


if __name__ == "__main__":
    _setup()
    print(json.dumps({"parallel": parallel, "busy": busy}[sys.argv[1]]()))
