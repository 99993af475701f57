"""Audit event names of subject access (see leaver.audit.events). The row's object is the
person the request is about; its detail never holds their name or anything they said."""

from __future__ import annotations

from django.db import models


class SubjectAccessEvent(models.TextChoices):
    SEARCHED = "subject_access.searched", "Searched for a person for a subject access request"
    REVIEWED = "subject_access.reviewed", "Reviewed what is held about a person"
    EXPORTED = "subject_access.exported", "Exported everything held about a person"
