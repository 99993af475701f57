"""A backup restored into a new database, then every record's hash checked there by
`manage.py verify_records` in its own process (docs/deploy.md, "Backups and restore").

On PostgreSQL: pg_dump -Fc of the test database, pg_restore into a new database. On SQLite:
the online backup API (what the sqlite3 shell's `.backup` and `.restore` use) into a new
file. Either way the copy is then changed with raw SQL, and the check must fail on it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.db import connection

from leaver.cases.models import Answer, Interview
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.interview_cast import make_interview_cast, make_staff_case
from leaver.pathways.young_person.states import State
from leaver.testing import make_case, make_cast

ROOT = Path(__file__).resolve().parents[3]
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))


def tool(name: str) -> str:
    """The PostgreSQL client of the server's major version where installed, else on PATH."""
    exact = PGBIN / name
    found = str(exact) if exact.exists() else shutil.which(name)
    assert found, f"{name} is not installed: it is needed to back up PostgreSQL"
    return found


def verify_records(database_url: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update({"DEBUG": "true", "DJANGO_SETTINGS_MODULE": "leaver.settings",
                        "DATABASE_URL": database_url})
    return subprocess.run([sys.executable, "manage.py", "verify_records"], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=180,
                          check=False)


def restored_postgresql(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """pg_dump the test database, pg_restore it into a new one; its URL and a way to run SQL
    on it. The new database is dropped afterwards."""
    import psycopg

    db = connection.settings_dict
    host, port, user = db["HOST"] or "127.0.0.1", str(db["PORT"] or 5432), db["USER"]
    environment = {**os.environ, "PGPASSWORD": db["PASSWORD"]}
    where = ["-h", host, "-p", port, "-U", user]
    dump = tmp_path / "leaver.dump"
    subprocess.run([tool("pg_dump"), "-Fc", *where, "-f", str(dump), db["NAME"]],
                   env=environment, check=True, timeout=120)
    restored = f"{db['NAME']}_restored"
    with connection.cursor() as cursor:  # autocommit: a transactional test
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run([tool("pg_restore"), "--no-owner", "--exit-on-error", *where,
                        "-d", restored, str(dump)], env=environment, check=True, timeout=120)
        url = (f"postgres://{quote(user)}:{quote(db['PASSWORD'])}@{host}:{port}/{restored}")

        def run_sql(sql: str, params: list[object]) -> None:
            with psycopg.connect(host=host, port=port, user=user, password=db["PASSWORD"],
                                 dbname=restored, autocommit=True) as other:
                other.execute(sql.replace("?", "%s"), params)

        yield url, run_sql
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}" WITH (FORCE)')


def restored_sqlite(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """The test database backed up to a file (the online backup API), that file restored into
    a new one; its URL and a way to run SQL on it."""
    connection.ensure_connection()
    backup, target = tmp_path / "backup.sqlite3", tmp_path / "restored.sqlite3"
    with sqlite3.connect(backup) as copy:
        connection.connection.backup(copy)
    copy.close()
    with sqlite3.connect(backup) as source, sqlite3.connect(target) as into:
        source.backup(into)
    source.close()
    into.close()

    def run_sql(sql: str, params: list[object]) -> None:
        with sqlite3.connect(target) as other:
            other.execute(sql, params)
        other.close()

    yield f"sqlite:///{target}", run_sql


@pytest.fixture
def restored(transactional_db: None, tmp_path: Path) -> Iterator[tuple[str, Any, list[Interview]]]:
    """Records of both pathways (the staff one with its version 1), backed up and restored."""
    cases = [make_case(make_cast("north"), State.WITH_IRO),
             make_staff_case(make_interview_cast(), StaffState.CONFIRMED)]
    making = (restored_postgresql if connection.vendor == "postgresql" else restored_sqlite)
    for url, run_sql in making(tmp_path):
        yield url, run_sql, cases


def test_a_restored_backup_passes_verify_records(restored):
    url, _, _ = restored
    result = verify_records(url)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Checked 2 records and 1 versions: 0 failed." in result.stdout


def test_verify_records_fails_on_a_restored_copy_changed_afterwards(restored):
    url, run_sql, cases = restored
    young = cases[0]
    answer = Answer.objects.filter(interview=young).order_by("pk").first()
    assert answer is not None
    run_sql(f"UPDATE {Answer._meta.db_table} SET value = ? WHERE id = ?",  # noqa: S608
            ["Changed in the copy", answer.pk])
    result = verify_records(url)
    assert result.returncode == 1
    assert f"FAILED {young.public_id}: the record differs from its hash" in result.stdout
    assert str(young.public_id) in result.stderr
