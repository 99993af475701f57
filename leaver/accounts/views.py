"""Your account, and keeping a session alive while someone is typing a long form."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leaver.accounts import preferences, two_factor
from leaver.accounts.forms import EmailChoiceForm
from leaver.accounts.models import User
from leaver.ui.pages import form_page, posted


@login_required
@require_safe
def your_account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    return render(request, "accounts/your_account.html", {
        "enrolled": two_factor.has_enrolled(user),
        "codes_left": two_factor.recovery_codes_left(user),
    })


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def email_choice(request: HttpRequest) -> HttpResponse:
    """Each email as it happens, or one summary a day (leaver.notifications.digest)."""
    user: User = request.user  # type: ignore[assignment]
    form = EmailChoiceForm(posted(request),
                           initial={"how": "daily" if user.email_digest else "each"})
    return form_page(
        request, "accounts/email_choice.html", {}, form,
        lambda data: preferences.set_email_digest(user, data["how"] == "daily"),
        "Your choice is saved.", reverse("accounts:your_account"))


@never_cache
@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Typing is activity: pages with forms call this while the user types, so the idle
    sign-out (SESSION_IDLE_MINUTES) does not throw away a half-written interview record.
    The session's expiry moves on (at most once every SESSION_REFRESH_SECONDS, accounts.sessions).
    It never moves the absolute limit (SESSION_ABSOLUTE_HOURS, accounts.sessions)."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    return HttpResponse(status=204)
