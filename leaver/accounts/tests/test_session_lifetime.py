"""A session ends SESSION_ABSOLUTE_HOURS after signing in, however active it has been: neither
pages nor the keep-alive extend it. The person then sees the sign-in page, told why."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from leaver.accounts.sessions import SIGNED_IN_AT
from leaver.accounts.tests.factors import app_code, enrol, sign_in_with_password
from leaver.audit.models import AuditEvent


def signed_in_hours_ago(client: Client, hours: float) -> None:
    """Move the stored sign-in time back, as if the person had signed in `hours` ago."""
    session = client.session
    session[SIGNED_IN_AT] = timezone.now().timestamp() - hours * 3600
    session.save()


def test_the_sign_in_time_is_kept_in_the_session(client, cast):
    before = timezone.now().timestamp()
    sign_in_with_password(client, cast.iro)
    assert before <= client.session[SIGNED_IN_AT] <= timezone.now().timestamp()


def test_activity_within_the_lifetime_carries_on(client, cast, settings):
    sign_in_with_password(client, cast.iro)
    signed_in_hours_ago(client, settings.SESSION_ABSOLUTE_HOURS - 0.1)
    assert client.get("/work/").status_code == 200


def test_after_the_lifetime_the_person_is_signed_out_and_told_why(client, cast, settings):
    assert settings.SESSION_ABSOLUTE_HOURS == 12
    sign_in_with_password(client, cast.iro)
    signed_in_hours_ago(client, 12)
    response = client.get("/work/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/work/"
    page = client.get(response["Location"]).content.decode()
    assert "You were signed out because you signed in more than 12 hours ago" in page
    assert "Sign in to Leaver" in page
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(actor=cast.iro, action="account.signed_out").exists()


def test_keep_alive_does_not_extend_it(client, cast, settings):
    settings.SESSION_ABSOLUTE_HOURS = 2
    sign_in_with_password(client, cast.iro)
    signed_in_hours_ago(client, 1.9)
    stamp = client.session[SIGNED_IN_AT]
    assert client.post("/accounts/keep-alive/").status_code == 204
    assert client.get("/work/").status_code == 200
    assert client.session[SIGNED_IN_AT] == stamp
    signed_in_hours_ago(client, 2)
    assert client.post("/accounts/keep-alive/").status_code == 401
    assert client.get("/work/").status_code == 302


def test_a_session_without_a_sign_in_time_is_ended(client, cast):
    sign_in_with_password(client, cast.iro)
    session = client.session
    del session[SIGNED_IN_AT]
    session.save()
    assert client.get("/work/")["Location"].startswith("/accounts/login/")
    assert not Session.objects.filter(session_key=session.session_key).exists()


def test_the_second_factor_does_not_restart_the_clock(client, cast, two_factor_required):
    enrolled = enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    signed_in_hours_ago(client, 3)
    stamp = client.session[SIGNED_IN_AT]
    client.post("/accounts/two-factor/code/", {"code": app_code(enrolled.secret, 1)})
    assert client.session[SIGNED_IN_AT] == stamp


@pytest.mark.parametrize("hours", [1, 5])
def test_the_lifetime_follows_the_setting(client, cast, settings, hours):
    settings.SESSION_ABSOLUTE_HOURS = hours
    sign_in_with_password(client, cast.iro)
    signed_in_hours_ago(client, hours - 0.05)
    assert client.get("/work/").status_code == 200
    signed_in_hours_ago(client, hours + 0.05)
    assert client.get("/work/").status_code == 302
