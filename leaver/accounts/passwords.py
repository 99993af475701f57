"""Changing and resetting a password. Each write is one transaction and is announced for the
audit log (accounts.signals). A new password changes the session auth hash, so every session
signed in with the old one ends at its next request: the caller keeps its own session alive
with `update_session_auth_hash` where it should (changing, not resetting)."""

from __future__ import annotations

from django.db import transaction

from leaver.accounts import signals
from leaver.accounts.models import User


@transaction.atomic
def change_password(user: User, new_password: str) -> None:
    """The person, signed in, gave their current password and chose a new one."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    signals.password_changed.send(sender=User, user=user, actor=user)


@transaction.atomic
def reset_password(user: User, new_password: str) -> None:
    """Someone holding the emailed link chose a new password. This never signs anyone in: they
    sign in afterwards with the new password, and then with their second factor."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    signals.password_reset_completed.send(sender=User, user=user, actor=None)


@transaction.atomic
def note_reset_requested(users: list[User]) -> None:
    """A reset was asked for. For an address with no account the row says only that: the
    address typed is not kept (it may be a mistyped colleague's, or anyone's)."""
    if not users:
        signals.password_reset_requested.send(sender=User, user=None, actor=None,
                                              account_found=False)
    for user in users:
        signals.password_reset_requested.send(sender=User, user=user, actor=None,
                                              account_found=True)
