"""SQLite under parallel posts (issue 9's attack run: "database is locked" answered as a 500).

With WAL, IMMEDIATE transactions and a busy timeout (DATABASES in settings), posts sent at the
same moment wait their turn; a post that waits longer than SQLITE_TIMEOUT_SECONDS gets the
"Leaver is busy" page (503) with nothing saved. Each test runs leaver.tests.sqlite_posts in its
own process against a real SQLite file: the tests' own database is in memory, where nothing is
ever locked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from leaver.ui.pages import RefusalMiddleware, database_busy

ROOT = Path(__file__).resolve().parents[2]

# `--dist loadgroup` hands ungrouped tests out one by one, so both pytest-xdist workers could
# each build the module's `database` (seconds of subprocess); one group builds it once.
pytestmark = pytest.mark.xdist_group("sqlite_parallel")


def run(mode: str, database: Path, **variables: str) -> dict[str, object]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DATABASE_URL", "SQLITE_TIMEOUT_SECONDS", "EMAIL_BACKEND"}}
    # The posts sign in with a password only: two-factor sign-in is not what this is about.
    environment.update({"DEBUG": "true", "DJANGO_SETTINGS_MODULE": "leaver.settings",
                        "TWO_FACTOR_REQUIRED": "false",
                        "DATABASE_URL": f"sqlite:///{database}", **variables})
    result = subprocess.run([sys.executable, "-m", "leaver.tests.sqlite_posts", mode],
                            cwd=ROOT, env=environment, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A migrated SQLite file after the parallel posts, and what happened to them."""
    path = tmp_path_factory.mktemp("sqlite") / "leaver.sqlite3"
    return path, run("parallel", path)


def test_sqlite_parallel_posts_do_not_fail(database):
    """Eight people tell Leaver about three moves each, all at the same moment."""
    _, outcome = database
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 24
    assert outcome["cases"] == 24


def test_sqlite_runs_in_wal_mode(database):
    """Readers never wait for a writer: the file's header says WAL (bytes 18 and 19 are 2)."""
    path, _ = database
    with path.open("rb") as file:
        assert file.read(20)[18:20] == b"\x02\x02"


def test_a_post_that_waits_too_long_is_asked_to_try_again(database):
    """Someone holds the write lock past the busy timeout: "Leaver is busy" (503, with
    Retry-After), nothing saved; sent again once the lock is free, it is saved."""
    path, _ = database
    outcome = run("busy", path, SQLITE_TIMEOUT_SECONDS="1")
    assert outcome["refused"] == 503
    assert outcome["retry_after"] == "5"
    page = str(outcome["page"])
    assert "Sorry, Leaver is busy" in page
    assert "what you sent has not been saved" in page
    assert "Traceback" not in page
    assert outcome["after_refusal"] == outcome["before"]
    assert outcome["again"] == 302
    assert outcome["after_again"] == int(str(outcome["before"])) + 1


# Only "database is locked" is a busy database; every other database error stays a fault. ---

def test_only_a_locked_database_is_busy():
    assert database_busy(OperationalError("database is locked"))
    assert not database_busy(OperationalError("no such table: interviews_interview"))
    assert not database_busy(ValueError("database is locked"))


def test_other_database_errors_are_left_to_the_server_error_page():
    middleware = RefusalMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    request = RequestFactory().post("/cases/new/")
    assert middleware.process_exception(request, OperationalError("disk I/O error")) is None
