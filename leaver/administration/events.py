"""Audit event names of organisation administration (see leaver.audit.events). They live in
the app's own `events` module, where leaver.audit.vocabulary finds every vocabulary for the
audit log viewer. An invitation's token is never in an audit row: the detail names the
invitation by its public id."""

from __future__ import annotations

from django.db import models


class UserAdminEvent(models.TextChoices):
    """Users: invitations, roles, accounts switched off and on."""

    USER_INVITED = "admin.user_invited", "User invited"
    INVITATION_RESENT = "admin.invitation_resent", "User's invitation sent again"
    INVITATION_CANCELLED = "admin.invitation_cancelled", "User's invitation cancelled"
    INVITATION_ACCEPTED = "admin.invitation_accepted", "Password set from an invitation"
    NAME_CHANGED = "admin.user_name_changed", "User's name changed"
    EMAIL_CHANGED = "admin.user_email_changed", "User's email address changed"
    ROLE_GIVEN = "admin.role_given", "Role given to a user"
    ROLE_REMOVED = "admin.role_removed", "Role removed from a user"
    SWITCHED_OFF = "admin.user_switched_off", "User's account switched off"
    SWITCHED_ON = "admin.user_switched_on", "User's account switched back on"
    # A read: an admin opened one person's page.
    USER_VIEWED = "admin.user_viewed", "User's account viewed"


class OrganisationEvent(models.TextChoices):
    """Organisation settings: places, confidentiality statements, distribution, letters,
    deadlines."""

    SETTING_ADDED = "admin.setting_added", "Home, placement or school added"
    SETTING_CHANGED = "admin.setting_changed", "Home, placement or school renamed"
    SETTING_CLOSED = "admin.setting_closed", "Home, placement or school closed"
    SETTING_REOPENED = "admin.setting_reopened", "Home, placement or school reopened"
    STATEMENT_DRAFTED = "admin.statement_drafted", "Confidentiality statement draft saved"
    STATEMENT_DRAFT_DELETED = ("admin.statement_draft_deleted",
                               "Confidentiality statement draft deleted")
    STATEMENT_PUBLISHED = "admin.statement_published", "Confidentiality statement published"
    DISTRIBUTION_RULE_ADDED = "admin.distribution_rule_added", "Distribution rule added"
    DISTRIBUTION_RULE_REMOVED = "admin.distribution_rule_removed", "Distribution rule removed"
    ORGANISATION_DETAILS_CHANGED = ("admin.organisation_details_changed",
                                    "Organisation's address and contacts changed")
    LETTER_CONTACTS_CHANGED = "admin.letter_contacts_changed", "Letter contacts changed"
    DEADLINES_CHANGED = "admin.deadlines_changed", "Deadlines or bank holidays changed"
