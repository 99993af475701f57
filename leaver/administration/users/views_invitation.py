"""The invited person's pages: public (no sign-in), reached from the link in their email.

The link's token moves from the address into the session at once (as Django's own password
reset does): the page that follows, its form errors and its "no longer valid" answers have an
address without the token, so no request log, error log or Referer header ever carries it.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from leaver.administration.users import actions, queries
from leaver.administration.users.forms import PasswordForm
from leaver.administration.users.models import InvitationState
from leaver.ui.pages import form_page, posted

SESSION_KEY = "leaver_invitation_token"
MAX_TOKEN_LENGTH = 100


@require_safe
def start(request: HttpRequest, token: str) -> HttpResponse:
    """Keeps the token, changes nothing, and moves on to an address without it."""
    # A real token is 43 characters: anything much longer is not one, and is not kept.
    request.session[SESSION_KEY] = token if len(token) <= MAX_TOKEN_LENGTH else ""
    return redirect("invitations:set_password")


@require_http_methods(["GET", "POST"])
def set_password(request: HttpRequest) -> HttpResponse:
    token = request.session.get(SESSION_KEY, "")
    invitation = queries.invitation_by_token(token)
    if invitation is None:
        return render(request, "administration/invitation/not_valid.html", status=404)
    state = invitation.state()
    if state != InvitationState.OPEN:
        # 410 Gone: this link did exist and never will work again.
        return render(request, "administration/invitation/closed.html", {
            "state": state, "invitation": invitation,
            "ask": invitation.closed_by if state == InvitationState.CANCELLED
            else invitation.invited_by}, status=410)
    person = invitation.user

    def accept(data: dict[str, Any]) -> None:
        actions.accept_invitation(token=token, password=data["new_password1"])
        request.session.pop(SESSION_KEY, None)

    return form_page(
        request, "administration/invitation/set_password.html",
        {"person": person, "organisation": person.organisation,
         "expires_at": invitation.expires_at},
        PasswordForm(person, posted(request)), accept,
        "Your password is set. Sign in with your email address and your new password.",
        reverse("accounts:login"))
