"""What happens to an account, announced for the audit log.

`leaver.audit` sits above `leaver.accounts` (ADR 0009), so accounts cannot write audit rows
itself: it sends these signals and `leaver.audit.account_signals` records each as an
`AccountEvent`, exactly as sign-in and sign-out are recorded from Django's own signals. Every
signal is sent inside the action's transaction, so the audit row commits or rolls back with the
change. Arguments: `user` (the account; None only for a reset asked for an unknown address) and
`actor` (who did it: the person themselves, an admin, or None when nobody is signed in). Nothing
sent here carries a password, a code or an email text.
"""

from __future__ import annotations

from django.dispatch import Signal

password_changed = Signal()
password_reset_requested = Signal()
password_reset_completed = Signal()
second_factor_enrolled = Signal()
recovery_codes_made = Signal()
# Also `method`: "authenticator app" or "recovery code"; `waiting`: refused by the throttle.
second_factor_failed = Signal()
# Also `left`: how many unused recovery codes remain.
recovery_code_used = Signal()
second_factor_reset = Signal()
# Also `on`: True when they now take one summary a day (leaver.notifications.digest).
email_digest_changed = Signal()
