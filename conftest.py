"""Shared fixtures: two organisations with a full cast each (see leaver.testing)."""

from __future__ import annotations

import os

import pytest

from leaver.testing import Cast, make_cast


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    # Argon2 is deliberately slow; the cast creates thirty users per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _second_factor_off_unless_asked(settings: pytest.FixtureRequest) -> None:
    # Most tests are about what a signed-in person may do, not how they signed in: they sign in
    # with force_login or a password only. Two-factor sign-in is proved by the tests that ask
    # for the `two_factor_required` fixture (ADR 0012), including one that walks the protected
    # pages for every role that needs it.
    settings.TWO_FACTOR_REQUIRED = False  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings: pytest.FixtureRequest) -> None:
    # Background tasks run in the test's own thread as soon as they are queued (django-tasks'
    # ImmediateBackend): an action's emails go out when its transaction commits, through the
    # real outbox sender (leaver.notifications; deliver_all() sends what is still queued).
    settings.TASKS = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def two_factor_required(settings: pytest.FixtureRequest) -> None:
    """As in production: everyone who can read a record or administer needs a second factor."""
    settings.TWO_FACTOR_REQUIRED = True  # type: ignore[attr-defined]


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast("north")


@pytest.fixture
def other_cast(db: None) -> Cast:
    """Another organisation: nobody in `cast` may ever see anything of it, or the reverse."""
    return make_cast("south")


# Nothing is skipped in CI: under CI=true a skipped test is reported as a failure.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI", "").lower() == "true" and report.skipped and not hasattr(
            report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Skipped under CI=true, which counts as a failure: {report.longrepr}"
