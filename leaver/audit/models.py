"""The audit log: who did or saw what, when, and from where. Never holds answer text."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # e.g. "interview.viewed", "interview.consent_recorded"
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.UUIDField(null=True, db_index=True)
    ip_address = models.GenericIPAddressField(null=True)
    user_agent = models.CharField(max_length=300, blank=True)
    # Small structured facts (states, ids); never free text a leaver or interviewer wrote.
    detail = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        # The audit log viewer reads one organisation's rows newest first, a page at a time.
        indexes = [models.Index(fields=["organisation", "-at", "-id"],
                                name="audit_org_newest_first")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_id} {self.action}"
