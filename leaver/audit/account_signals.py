"""The account events `leaver.accounts` announces (accounts.signals), written to the audit log.

Accounts sits below audit, so it signals and this module records: the same way as sign-in and
sign-out (audit.signals). The receivers run inside the sender's transaction.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import Signal

from leaver.accounts import signals
from leaver.accounts.models import User
from leaver.audit import log
from leaver.audit.events import AccountEvent

_EVENTS: dict[Signal, AccountEvent] = {
    signals.password_changed: AccountEvent.PASSWORD_CHANGED,
    signals.password_reset_requested: AccountEvent.PASSWORD_RESET_REQUESTED,
    signals.password_reset_completed: AccountEvent.PASSWORD_RESET_COMPLETED,
    signals.second_factor_enrolled: AccountEvent.TWO_FACTOR_ENROLLED,
    signals.recovery_codes_made: AccountEvent.RECOVERY_CODES_MADE,
    signals.second_factor_failed: AccountEvent.SECOND_FACTOR_FAILED,
    signals.recovery_code_used: AccountEvent.RECOVERY_CODE_USED,
    signals.second_factor_reset: AccountEvent.SECOND_FACTOR_RESET,
    signals.email_digest_changed: AccountEvent.EMAIL_CHOICE_CHANGED,
}
# What each event may add to the row's detail: never a code, a password or an email address.
_DETAIL_KEYS = ("method", "waiting", "left", "account_found", "on")


def _record(sender: Any, signal: Signal, user: User | None, actor: User | None,
            **kwargs: Any) -> None:
    detail = {key: kwargs[key] for key in _DETAIL_KEYS if key in kwargs}
    log.record(
        actor=actor,
        action=_EVENTS[signal],
        object_type="user",
        object_id=user.public_id if user is not None else None,
        organisation_id=user.organisation_id if user is not None else None,
        detail=detail,
    )


for _signal in _EVENTS:
    _signal.connect(_record)
