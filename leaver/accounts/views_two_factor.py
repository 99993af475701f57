"""The second factor's pages: setting up an authenticator app, entering its code or a recovery
code at sign-in, and the recovery codes. Thin: the steps are in accounts.two_factor."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leaver.accounts import two_factor
from leaver.accounts.forms import AppCodeForm, RecoveryCodeForm
from leaver.accounts.models import User
from leaver.accounts.next_page import next_url, with_next
from leaver.core.errors import ActionRefused
from leaver.ui.pages import posted

WRONG_CODE = ("The code is not right, or it has been used already. Enter the code your "
              "authenticator app shows now for Leaver.")
WRONG_RECOVERY = "The recovery code is not right, or it has been used already."
WAIT = ("You have entered too many wrong codes. Wait a minute, then enter the code your "
        "authenticator app shows then.")
FORM_METHODS = ["GET", "HEAD", "POST"]


@login_required
@require_http_methods(FORM_METHODS)
def set_up(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the secret), then prove it with a code. Someone who already
    has an app must first sign in with it: a password alone never replaces a device."""
    user: User = request.user  # type: ignore[assignment]
    after = next_url(request)
    if two_factor.has_enrolled(user) and not two_factor.is_verified(request):
        return redirect(with_next("accounts:two_factor_code", after))
    secret = request.session.get(two_factor.SETUP_KEY) or two_factor.new_secret()
    request.session[two_factor.SETUP_KEY] = secret
    form = AppCodeForm(posted(request))
    if form.is_valid():
        try:
            enrolment = two_factor.enrol(user, secret=secret, code=form.cleaned_data["code"])
        except ActionRefused as refusal:
            form.add_error("code", refusal.message)
        else:
            del request.session[two_factor.SETUP_KEY]
            two_factor.mark_verified(request, enrolment.device)
            request.session[two_factor.NEW_CODES_KEY] = enrolment.recovery_codes
            return redirect(with_next("accounts:recovery_codes", after))
    return render(request, "accounts/two_factor_set_up.html", {
        "form": form, "next": after, "qr_code": two_factor.qr_code_svg(user, secret),
        "secret": two_factor.secret_for_typing(secret),
        "replacing": two_factor.has_enrolled(user),
    }, status=400 if form.is_bound else 200)


@login_required
@require_http_methods(FORM_METHODS)
def code(request: HttpRequest) -> HttpResponse:
    """After the password: "Enter the 6-digit code from your authenticator app"."""
    return _second_step(request, AppCodeForm, two_factor.check_app_code, WRONG_CODE,
                        "accounts/two_factor_code.html")


@login_required
@require_http_methods(FORM_METHODS)
def recovery(request: HttpRequest) -> HttpResponse:
    """Instead of the app's code: one of the ten recovery codes, which then stops working."""
    return _second_step(request, RecoveryCodeForm, two_factor.check_recovery_code,
                        WRONG_RECOVERY, "accounts/two_factor_recovery.html")


def _second_step(request: HttpRequest, form_class: type[forms.Form],
                 check: Callable[[HttpRequest, User, str], two_factor.Outcome], wrong: str,
                 template: str) -> HttpResponse:
    """The code page and the recovery code page: one code, checked, then on to the page asked
    for; someone already through goes straight there, someone without an app sets one up."""
    user: User = request.user  # type: ignore[assignment]
    after = next_url(request)
    if two_factor.is_verified(request):
        return redirect(after)
    if not two_factor.has_enrolled(user):
        return redirect(with_next("accounts:two_factor_set_up", after))
    form = form_class(posted(request))
    if form.is_valid():
        outcome = check(request, user, form.cleaned_data["code"])
        if outcome.accepted:
            if outcome.left is not None:
                _say_codes_left(request, outcome.left)
            return redirect(after)
        form.add_error("code", WAIT if outcome.waiting else wrong)
    return render(request, template, {"form": form, "next": after},
                  status=400 if form.is_bound else 200)


def _say_codes_left(request: HttpRequest, left: int) -> None:
    codes = "recovery code" if left == 1 else "recovery codes"
    advice = " Make new ones from “Your account”." if left <= 3 else ""
    messages.warning(request, f"You used a recovery code. You have {left} {codes} left."
                              f"{advice}")


@login_required
@require_safe
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """New codes are shown here once, straight after they are made; otherwise how many are left
    and a button to make a new set."""
    user: User = request.user  # type: ignore[assignment]
    if not two_factor.has_enrolled(user) or not two_factor.is_verified(request):
        return redirect(with_next("accounts:two_factor_code", request.get_full_path()))
    new = request.session.pop(two_factor.NEW_CODES_KEY, None)
    return render(request, "accounts/recovery_codes.html", {
        "codes": [two_factor.show_recovery_code(c) for c in new] if new else [],
        "left": two_factor.recovery_codes_left(user), "next": next_url(request),
    })


@login_required
@require_POST
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not two_factor.has_enrolled(user) or not two_factor.is_verified(request):
        return redirect(with_next("accounts:two_factor_code", next_url(request)))
    request.session[two_factor.NEW_CODES_KEY] = two_factor.make_recovery_codes(user)
    return redirect(with_next("accounts:recovery_codes", reverse("accounts:your_account")))
