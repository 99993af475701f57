"""Typing in a long form keeps the session alive; nothing else about the session changes."""

from __future__ import annotations

import datetime as dt

from django.contrib.sessions.models import Session
from django.utils import timezone

from leaver.pathways.young_person.states import State
from leaver.testing import make_case


def test_keep_alive_moves_the_idle_expiry_on(client, cast):
    client.force_login(cast.interviewer)
    session = Session.objects.get(session_key=client.session.session_key)
    soon = timezone.now() + dt.timedelta(minutes=2)
    Session.objects.filter(pk=session.pk).update(expire_date=soon)
    response = client.post("/accounts/keep-alive/")
    assert response.status_code == 204
    session.refresh_from_db()
    assert session.expire_date > soon + dt.timedelta(minutes=20)


def test_keep_alive_needs_a_session_and_a_post(client, cast):
    assert client.post("/accounts/keep-alive/").status_code == 401
    client.force_login(cast.interviewer)
    assert client.get("/accounts/keep-alive/").status_code == 405


def test_keep_alive_needs_the_csrf_token(cast):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast.interviewer)
    assert strict.post("/accounts/keep-alive/").status_code == 403


def test_the_record_form_asks_for_keep_alive_and_warns_about_the_time_limit(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    page = client.get(f"/cases/{interview.public_id}/record/living_here/").content.decode()
    assert 'data-keep-alive="/accounts/keep-alive/"' in page
    assert "signed out after 30 minutes without activity" in page
