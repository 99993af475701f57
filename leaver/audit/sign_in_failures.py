"""Failed sign-ins and lockouts go into the audit log, so an organisation admin can see that
someone is guessing at an account (or help a colleague who forgot their password).

Django sends `user_login_failed` for every refused sign-in (a wrong password, a switched-off
account, or any attempt while django-axes has the account locked); django-axes sends
`user_locked_out` when the failures reach the limit (and again on each attempt while locked:
only the attempt that reached the limit writes a "locked" row).

The row belongs to the organisation of the account the email names, found with the same
normalisation as sign-in itself (leaver.accounts.emails), and names that email in its detail.
For an email that is nobody's account the row keeps only when and from where, with no
organisation: what was typed may be a password typed in the wrong box.
"""

from __future__ import annotations

from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from leaver.accounts.emails import normalise_email
from leaver.accounts.models import User
from leaver.audit import log
from leaver.audit.events import AccountEvent


def record_failure(event: AccountEvent, typed_email: object) -> None:
    """One audit row for a refused sign-in (or a lockout) of the account `typed_email` names,
    from the request's address. Also used by load_demo."""
    email = normalise_email(typed_email)
    account = User.objects.filter(email=email).only(
        "public_id", "email", "organisation_id").first() if email else None
    if account is None or account.organisation_id is None:
        log.record(actor=None, action=event, object_type="user", object_id=None,
                   organisation_id=None)
        return
    log.record(actor=None, action=event, object_type="user", object_id=account.public_id,
               organisation_id=account.organisation_id, detail={"email": account.email})


@receiver(user_login_failed)
def _sign_in_failed(sender: Any, credentials: dict[str, Any],
                    request: HttpRequest | None = None, **kwargs: Any) -> None:
    record_failure(AccountEvent.SIGN_IN_FAILED, credentials.get("username"))


@receiver(user_locked_out)
def _locked_out(sender: Any, request: HttpRequest, username: str | None = None,
                **kwargs: Any) -> None:
    # django-axes counts every attempt while locked too; the lockout began at the limit.
    failures = getattr(request, "axes_failures_since_start", None)
    if failures == settings.AXES_FAILURE_LIMIT:
        record_failure(AccountEvent.LOCKED_OUT, username)
