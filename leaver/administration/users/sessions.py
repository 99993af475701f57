"""Ending every session of one person, when their account is switched off.

Django already refuses a switched-off account on its next request (ModelBackend gives no user
for an inactive one), but the session itself would live on and sign them in again if the
account were switched back on: a laptop left signed in would wake up. So the sessions are
deleted too. Sessions end after SESSION_IDLE_MINUTES, so the live ones are few (about as many
as people using Leaver at the moment) and reading each is cheap.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone

from leaver.accounts.models import User

DATABASE_SESSIONS = "django.contrib.sessions.backends.db"


def end_sessions_of(user: User) -> int:
    """Deletes the person's stored sessions; returns how many. Only for database sessions
    (Django's default and Leaver's): other engines rely on the inactive check alone."""
    if settings.SESSION_ENGINE != DATABASE_SESSIONS:
        return 0
    theirs = [session.pk for session in
              Session.objects.filter(expire_date__gt=timezone.now()).iterator()
              if session.get_decoded().get(SESSION_KEY) == str(user.pk)]
    deleted, _ = Session.objects.filter(pk__in=theirs).delete()
    return deleted
