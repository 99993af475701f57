"""Signing in by email and password, signing out, and the session ending when idle."""

from __future__ import annotations

import datetime as dt

from django.contrib.sessions.models import Session
from django.utils import timezone

from leaver.testing import PASSWORD


def test_login_page_has_labelled_fields(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert '<label class="govuk-label govuk-label--s" for="id_username">Email address</label>' \
        in page
    assert ">Password</label>" in page


def test_signs_in_with_email_and_password_any_case(client, cast):
    response = client.post("/accounts/login/", {
        "username": cast.iro.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/work/"


def test_wrong_password_says_so_and_keeps_the_email(client, cast):
    response = client.post("/accounts/login/", {"username": cast.iro.email, "password": "nope"})
    page = response.content.decode()
    assert "Enter a correct email address and password." in page
    assert f'value="{cast.iro.email}"' in page
    assert "_auth_user_id" not in client.session


def test_pages_need_a_sign_in(client, db):
    response = client.get("/work/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_out_is_a_post(client, cast):
    client.force_login(cast.iro)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert client.get("/work/").status_code == 302


def test_session_ends_after_inactivity(client, cast, settings):
    client.force_login(cast.iro)
    assert client.get("/work/").status_code == 200
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_MINUTES * 60
    # Every request pushes the expiry forward...
    session = Session.objects.get(session_key=client.session.session_key)
    before = session.expire_date
    client.get("/work/")
    session.refresh_from_db()
    assert session.expire_date >= before
    # ...and once the idle time has passed the session is gone.
    Session.objects.filter(pk=session.pk).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = client.get("/work/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_sign_in_and_out_are_audited_with_the_address(client, cast):
    from leaver.audit.models import AuditEvent

    client.post("/accounts/login/", {"username": cast.iro.email, "password": PASSWORD},
                REMOTE_ADDR="192.0.2.7")
    client.post("/accounts/logout/", REMOTE_ADDR="192.0.2.7")
    rows = list(AuditEvent.objects.filter(actor=cast.iro).order_by("id")
                .values_list("action", "ip_address"))
    assert rows == [("account.signed_in", "192.0.2.7"), ("account.signed_out", "192.0.2.7")]
