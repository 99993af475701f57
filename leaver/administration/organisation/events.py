"""Audit event names for the organisation settings area (see leaver.audit.events). The
label is what the audit log viewer shows."""

from __future__ import annotations

from django.db import models


class OrganisationEvent(models.TextChoices):
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
