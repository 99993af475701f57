"""How long a session lasts, and ending a person's sessions.

Two limits: idle (SESSION_IDLE_MINUTES: every request, and typing in a long form through the
keep-alive, moves the expiry on) and absolute (SESSION_ABSOLUTE_HOURS, counted from the password
sign-in; nothing moves it). The sign-in time is stamped into the session when Django signs the
person in, so it survives `cycle_key` after the second factor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.sessions.models import Session
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from leaver.accounts.models import User

SIGNED_IN_AT = "leaver_signed_in_at"
# When the session row was last written because of the idle clock (a POSIX timestamp).
IDLE_CLOCK_AT = "leaver_idle_clock_at"


def stamp_sign_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """Receiver of Django's user_logged_in (connected in AccountsConfig.ready)."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = timezone.now().timestamp()


def outlived(request: HttpRequest) -> bool:
    """Signed in longer ago than SESSION_ABSOLUTE_HOURS. A session without a stamp (made before
    the limit existed) counts as outlived: signing in once more is the safe way to find out."""
    started = request.session.get(SIGNED_IN_AT)
    if not isinstance(started, (int, float)):
        return True
    age = timezone.now().timestamp() - started
    return age >= settings.SESSION_ABSOLUTE_HOURS * 3600


class SessionLifetimeMiddleware:
    """Signs out a session past its absolute lifetime, leaving a message saying why. The request
    then carries on unsigned-in: a page sends the person to the sign-in page (where the message
    shows), the keep-alive answers 401."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and outlived(request):
            logout(request)
            hours = settings.SESSION_ABSOLUTE_HOURS
            messages.warning(
                request,
                f"You were signed out because you signed in more than {hours} hours ago. "
                "For the safety of the records, nobody stays signed in longer than that. "
                "Sign in again to carry on.")
        return self.get_response(request)


class IdleClockMiddleware:
    """Moves the idle expiry on without writing the session on every request (ADR 0021).

    Django writes a session when it changed; the expiry (SESSION_COOKIE_AGE from the write)
    then moves on. A request that changed nothing writes it only when the last idle-clock
    write is older than SESSION_REFRESH_SECONDS: so a page view costs no write, and the idle
    sign-out comes at most that many seconds early. Placed after SessionMiddleware, so its
    response runs first and SessionMiddleware saves what it marks."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        if session.is_empty():
            return response
        now = timezone.now().timestamp()
        last = session.get(IDLE_CLOCK_AT)
        if session.modified or not isinstance(last, (int, float)) \
                or now - last >= settings.SESSION_REFRESH_SECONDS:
            session[IDLE_CLOCK_AT] = now
        return response


def end_sessions_of(user: User, *, keep: str | None = None) -> int:
    """End every session of this person (except the one whose key is `keep`): they must sign in
    again everywhere. Reads the database session store (Django's default, which Leaver uses);
    the number of live sessions is small, one or two per person signed in."""
    ended = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.session_key != keep
        and session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)
