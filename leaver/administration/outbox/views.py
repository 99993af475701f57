"""Emails not sent: what keeps failing in the organisation's outbox, why (in words, from the
error's class and code: the stored error never holds the server's text), when Leaver tries
next, and a "try again now" button. Organisation admins only; everyone else gets 404."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from leaver.accounts.models import User
from leaver.administration.access import administered_by
from leaver.notifications import actions, queries
from leaver.notifications.access import get_failing_message
from leaver.notifications.models import Message, Status
from leaver.notifications.sender import MAX_ATTEMPTS
from leaver.organisations.models import Organisation

# What an error class usually means, for an admin passing it on to the IT team.
MEANINGS = {
    "ConnectionRefusedError": "The mail server refused the connection: it may be down.",
    "TimeoutError": "The mail server did not answer in time.",
    "socket.gaierror": "The mail server's name could not be found.",
    "gaierror": "The mail server's name could not be found.",
    "SMTPRecipientsRefused": "The mail server refused the email address.",
    "SMTPAuthenticationError": "The mail server did not accept Leaver's user name or password.",
    "SMTPServerDisconnected": "The mail server closed the connection.",
    "SMTPSenderRefused": "The mail server refused the sender address (DEFAULT_FROM_EMAIL).",
    "SMTPDataError": "The mail server refused the email.",
    "HTTPError": "GOV.UK Notify refused the email or could not be reached.",
    "HTTP503Error": "GOV.UK Notify could not be reached or is busy.",
}


def _row(message: Message) -> dict[str, object]:
    return {
        "message": message,
        "gave_up": message.status == Status.FAILED,
        "error": message.last_error + (f" ({message.last_error_code})"
                                       if message.last_error_code else ""),
        "meaning": MEANINGS.get(message.last_error, ""),
        "link_gone": message.secret and not message.body,
    }


@login_required
def failing(request: HttpRequest) -> HttpResponse:
    # The admin first (404 for anyone else), and only then the method.
    admin, organisation = administered_by(request)
    return _failing(request, admin=admin, organisation=organisation)


@require_safe
def _failing(request: HttpRequest, *, admin: User, organisation: Organisation) -> HttpResponse:
    rows = [_row(message) for message in queries.failing_for(organisation.pk)[:200]]
    actions.viewed_failing(actor=admin, organisation_id=organisation.pk, shown=len(rows))
    return render(request, "administration/outbox/list.html", {
        "organisation": organisation, "rows": rows, "max_attempts": MAX_ATTEMPTS})


@login_required
def try_again(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    # The admin, then the message (404 for anyone else's), and only then the method.
    admin, organisation = administered_by(request)
    message = get_failing_message(organisation.pk, public_id)
    return _try_again(request, admin=admin, message=message)


@require_POST
def _try_again(request: HttpRequest, *, admin: User, message: Message) -> HttpResponse:
    actions.try_again_now(actor=admin, message=message)
    messages.success(request, f"Leaver is sending the email to {message.to} again now. If it "
                              "fails again, it stays on this page.")
    return redirect("administration:outbox:list")
