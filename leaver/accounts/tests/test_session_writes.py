"""Issue 12: a request writes the session only when it changed or the idle clock needs it
(SESSION_REFRESH_SECONDS), and the idle sign-out still happens (ADR 0021)."""

from __future__ import annotations

import datetime as dt

from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leaver.accounts.sessions import IDLE_CLOCK_AT


def session_writes(client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return sum(1 for q in captured.captured_queries
               if "django_session" in q["sql"]
               and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT")))


def test_a_page_view_that_changes_nothing_writes_the_session_once_a_minute(client, cast):
    client.force_login(cast.csm)
    assert session_writes(client, "/work/") == 1  # the idle clock starts
    assert session_writes(client, "/work/") == 0
    assert session_writes(client, "/cases/") == 0
    # A minute on, the next view moves the idle expiry on again.
    session = client.session
    session[IDLE_CLOCK_AT] = timezone.now().timestamp() - 61
    session.save()
    key = session.session_key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + dt.timedelta(minutes=2))
    assert session_writes(client, "/work/") == 1
    assert Session.objects.get(pk=key).expire_date > timezone.now() + dt.timedelta(minutes=20)


def test_a_changed_session_is_written_at_once(client, cast):
    client.force_login(cast.csm)
    client.get("/work/")
    with CaptureQueriesContext(connection) as captured:
        client.post("/accounts/logout/")
    assert any("django_session" in q["sql"] for q in captured.captured_queries)
    assert client.get("/work/").status_code == 302


def test_after_the_idle_limit_the_person_is_signed_out(client, cast):
    client.force_login(cast.csm)
    client.get("/work/")
    assert session_writes(client, "/work/") == 0
    Session.objects.filter(pk=client.session.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get("/work/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
