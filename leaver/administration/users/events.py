"""Audit event names of user administration (see leaver.audit.events). The token of an
invitation is never in an audit row: its detail names the invitation by its public id."""

from __future__ import annotations

from django.db import models


class UserAdminEvent(models.TextChoices):
    USER_INVITED = "admin.user_invited", "Invited to use Leaver"
    INVITATION_RESENT = "admin.invitation_resent", "Invitation sent again"
    INVITATION_CANCELLED = "admin.invitation_cancelled", "Invitation cancelled"
    INVITATION_ACCEPTED = "admin.invitation_accepted", "Password set from the invitation"
    NAME_CHANGED = "admin.user_name_changed", "Name changed"
    EMAIL_CHANGED = "admin.user_email_changed", "Email address changed"
    ROLE_GIVEN = "admin.role_given", "Role given"
    ROLE_REMOVED = "admin.role_removed", "Role removed"
    SWITCHED_OFF = "admin.user_switched_off", "Account switched off"
    SWITCHED_ON = "admin.user_switched_on", "Account switched back on"
    # A read: an admin opened one person's page.
    USER_VIEWED = "admin.user_viewed", "Person's account viewed"
