"""The audit log's vocabulary: every event name is a member of a `TextChoices` class.

Each package that writes audit rows declares its own vocabulary (`AccountEvent` here,
`CaseEvent` in the case kernel, each pathway's and reviews' own), with the words a timeline or
an audit viewer shows beside each name. The stored value (e.g. "interview.consent_given") is a
contract for reports and the API: a member may be added, never renamed. No event name is ever
built from a string at run time.
"""

from __future__ import annotations

from django.db import models

# What `leaver.audit.log.record` accepts: a member of one of the vocabularies.
Event = models.TextChoices


class AccountEvent(models.TextChoices):
    SIGNED_IN = "account.signed_in", "Signed in"
    SIGNED_OUT = "account.signed_out", "Signed out"
    PASSWORD_CHANGED = "account.password_changed", "Changed their password"
    PASSWORD_RESET_REQUESTED = "account.password_reset_requested", "Asked to reset their password"
    PASSWORD_RESET_COMPLETED = "account.password_reset_completed", "Reset their password by email"
    TWO_FACTOR_ENROLLED = "account.two_factor_enrolled", "Set up two-factor sign-in"
    RECOVERY_CODES_MADE = "account.recovery_codes_made", "Made new recovery codes"
    SECOND_FACTOR_FAILED = "account.second_factor_failed", "Entered a wrong sign-in code"
    RECOVERY_CODE_USED = "account.recovery_code_used", "Signed in with a recovery code"
    SECOND_FACTOR_RESET = "account.second_factor_reset", "Two-factor sign-in reset by an admin"
