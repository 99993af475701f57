"""A full disk under SQLite, for test_faults.py: run in its own process against a real SQLite
file (the tests' own database is in memory): `python -m leaver.tests.sqlite_full` with
DATABASE_URL naming a file. Prints what happened as one JSON line.

The file is migrated and the test cast made; the interviewer saves one section of a record.
Then the file is filled: SQLite's `PRAGMA max_page_count` caps the database at the pages it has
now, and a scratch table takes every free page, so the next write that needs a new page gets
SQLite's real SQLITE_FULL ("database or disk is full"), as on a full disk. The interviewer then
saves a section with a long answer (an overflow page: a new page for certain), sees the page
saying nothing was saved, and what was saved before is checked. Then space is given back and
the same section saves.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import django

LONG = "A long answer about the home and the people in it. " * 90  # ~4,600 characters


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leaver.settings")
    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment(debug=False)  # the pages people see, not Django's debug page
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _fill() -> int:
    """Cap the database at its present size and take every free page: the number of rows it
    took to fill it."""
    from django.db import OperationalError, connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE scratch_filler (blob BLOB)")
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {int(pages)}")
        rows = 0
        while True:
            try:
                cursor.execute("INSERT INTO scratch_filler VALUES (randomblob(64))")
            except OperationalError as error:
                if "database or disk is full" not in str(error):
                    raise
                return rows
            rows += 1


def full() -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from leaver.cases.models import Answer
    from leaver.pathways.young_person.states import State
    from leaver.testing import held, make_case, make_cast, section_post

    call_command("migrate", verbosity=0)
    cast = make_cast("north")
    case = make_case(cast, State.SCHEDULED)
    held(cast, case)
    client = Client(raise_request_exception=False)
    client.force_login(cast.interviewer)
    base = f"/cases/{case.public_id}/record"
    first = client.post(f"{base}/living_here/", section_post("living_here"))

    def saved() -> list[list[str]]:
        return [list(row) for row in Answer.objects.filter(interview=case)
                .order_by("item_key").values_list("item_key", "value")]

    before = saved()
    filler_rows = _fill()
    when_full = client.post(f"{base}/good_and_bad/",
                            section_post("good_and_bad", good_things=LONG))
    after = saved()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        integrity = cursor.fetchone()[0]
        cursor.execute("PRAGMA max_page_count = 1073741823")  # space again
    again = client.post(f"{base}/good_and_bad/",
                        section_post("good_and_bad", good_things=LONG))
    return {
        "first": first.status_code, "filler_rows": filler_rows,
        "full_status": when_full.status_code, "full_page": when_full.content.decode(),
        "retry_after": when_full.get("Retry-After"),
        "before": before, "after": after, "integrity": integrity,
        "again": again.status_code, "long_saved": any(v == LONG.strip() for _, v in saved()),
    }


if __name__ == "__main__":
    _setup()
    print(json.dumps({"full": full}[sys.argv[1]]()))
