"""Who must sign in with a second factor, and the middleware that holds them to it (ADR 0012).

The rule is about roles, so it lives here, beside `roles` (accounts, below this layer, cannot
know roles): everyone who can read an individual record or administer needs it, which is every
role except senior manager, who sees only aggregate reports. A platform superuser needs it too.
The devices and sign-in steps are in `leaver.accounts.two_factor`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from leaver.accounts import two_factor
from leaver.accounts.models import User
from leaver.accounts.next_page import with_next
from leaver.organisations import roles
from leaver.organisations.models import Role

# Roles that see no individual record and administer nothing.
AGGREGATE_ONLY = frozenset({Role.SENIOR_MANAGER})


def needs_second_factor(user: User) -> bool:
    """The one statement of the policy: does this person's access call for a second factor?"""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(roles.roles_of(user) - AGGREGATE_ONLY)


def owes_second_factor(request: HttpRequest) -> bool:
    """Signed in with a password, but may not open pages yet: TWO_FACTOR_REQUIRED is on, this
    session has not passed the second factor, and the person has an app (everyone who has set
    one up uses it) or needs one."""
    user = request.user
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    if two_factor.is_verified(request):
        return False
    assert isinstance(user, User)
    return two_factor.has_enrolled(user) or needs_second_factor(user)


# Pages for everyone, signed in or not: the health check and the footer's notices.
OPEN_PAGES = frozenset({
    "healthz", "privacy", "privacy_for", "accessibility", "accessibility_for",
})


class SecondFactorMiddleware:
    """Sends a person who owes a second factor to enter a code (if they have an app) or to set
    one up, from every page except signing in and out, the password reset pages, the second
    factor's own pages and /healthz. Static files never reach it (WhiteNoise serves them)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any],
                     args: Any, kwargs: Any) -> HttpResponse | None:
        match = request.resolver_match
        if match is not None and (match.view_name in OPEN_PAGES or (
                match.namespace == "accounts"
                and match.url_name in two_factor.OPEN_BEFORE_SECOND_FACTOR)):
            return None
        if not owes_second_factor(request):
            return None
        user: User = request.user  # type: ignore[assignment]
        step = ("accounts:two_factor_code" if two_factor.has_enrolled(user)
                else "accounts:two_factor_set_up")
        # After the code, back to the page asked for (a form's POST is not repeated).
        wanted = request.get_full_path() if request.method in ("GET", "HEAD") else "/"
        return redirect(with_next(step, wanted))
