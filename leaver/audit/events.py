"""The audit log's vocabulary: every event name is a member of a `TextChoices` class.

Each package that writes audit rows declares its own vocabulary (`AccountEvent` here,
`CaseEvent` in the case kernel, each pathway's and reviews' own), with the words a timeline or
an audit viewer shows beside each name. The stored value (e.g. "interview.consent_given") is a
contract for reports and the API: a member may be added, never renamed. No event name is ever
built from a string at run time.

A vocabulary lives in its package's `events` module (leaver.cases.events, each pathway's
events, …): `leaver.audit.vocabulary` finds every one there, so the audit log viewer names
a new package's events without a list to edit.
"""

from __future__ import annotations

from django.db import models

# What `leaver.audit.log.record` accepts: a member of one of the vocabularies.
Event = models.TextChoices


class AuditLogEvent(models.TextChoices):
    """Reading the audit log is itself audited: the row's detail holds the filters used."""

    VIEWED = "audit.log_viewed", "Audit log viewed"
    EXPORTED = "audit.log_exported", "Audit log exported as a spreadsheet"


class AccountEvent(models.TextChoices):
    SIGNED_IN = "account.signed_in", "Signed in"
    SIGNED_OUT = "account.signed_out", "Signed out"
    # Sent by Django and django-axes (leaver.audit.sign_in_failures); the attempted email is
    # in the detail only when it is an account of the row's organisation.
    SIGN_IN_FAILED = "account.sign_in_failed", "Sign-in failed"
    LOCKED_OUT = "account.locked_out", "Sign-in locked after too many failed attempts"
    PASSWORD_CHANGED = "account.password_changed", "Changed their password"
    PASSWORD_RESET_REQUESTED = "account.password_reset_requested", "Asked to reset their password"
    PASSWORD_RESET_COMPLETED = "account.password_reset_completed", "Reset their password by email"
    TWO_FACTOR_ENROLLED = "account.two_factor_enrolled", "Set up two-factor sign-in"
    RECOVERY_CODES_MADE = "account.recovery_codes_made", "Made new recovery codes"
    SECOND_FACTOR_FAILED = "account.second_factor_failed", "Entered a wrong sign-in code"
    RECOVERY_CODE_USED = "account.recovery_code_used", "Signed in with a recovery code"
    SECOND_FACTOR_RESET = "account.second_factor_reset", "Two-factor sign-in reset by an admin"
    # The detail's `on`: True when they now take one summary email a day.
    EMAIL_CHOICE_CHANGED = "account.email_choice_changed", "Changed how they get emails"
