"""Forgotten and changed passwords: Django's reset flow on GOV.UK pages, and a change page.

The reset link expires (PASSWORD_RESET_TIMEOUT) and works once (its token is made from the
password hash and last sign-in, which the reset changes). The reset never signs anyone in
(`post_reset_login` stays False), so the second factor is still asked at the next sign-in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.accounts.password_forms import ChangePasswordForm, NewPasswordForm, ResetRequestForm
from leaver.ui.pages import posted


class _FormPage:
    """GET, HEAD and POST only (FormView would take PUT as a POST); bad input answers 400."""

    http_method_names: Sequence[str] = ["get", "head", "post"]

    def form_invalid(self, form: Form) -> HttpResponse:
        response: HttpResponse = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = 400
        return response


class ResetRequestView(_FormPage, auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def form_valid(self, form: Form) -> HttpResponse:
        # Links in emails are built from SITE_URL, never from the request's Host header.
        self.extra_email_context = {"site_url": settings.SITE_URL,
                                    "minutes": settings.PASSWORD_RESET_TIMEOUT // 60}
        return super().form_valid(form)


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"
    http_method_names: Sequence[str] = ["get", "head"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs),
                "minutes": settings.PASSWORD_RESET_TIMEOUT // 60}


class NewPasswordView(_FormPage, auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = False


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    http_method_names: Sequence[str] = ["get", "head"]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_password(request: HttpRequest) -> HttpResponse:
    """Current password, then the new one twice. Every other session of this person ends (the
    session auth hash changes with the password); this one carries on under a new key."""
    user: User = request.user  # type: ignore[assignment]
    form = ChangePasswordForm(user, posted(request))
    if form.is_valid():
        form.save()
        update_session_auth_hash(request, user)
        messages.success(request, "Your password has been changed. Anywhere else you were "
                                  "signed in, you have been signed out.")
        return redirect("accounts:your_account")
    return render(request, "accounts/password_change.html", {"form": form},
                  status=400 if form.is_bound else 200)
