"""Questionnaire templates and their versions (DESIGN §3).

A version's content is one JSON document (the spec, leaver.questionnaires.spec). Once
published it is immutable: `save`, `delete` and queryset `update`/`delete` refuse to change
it. Editing a published template means a new draft version. Item keys are stable across
versions, so answers stored with (version, item key) compare across years.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from leaver.organisations.models import Pathway
from leaver.questionnaires import codec
from leaver.questionnaires.spec import Questionnaire


class ImmutableVersionError(Exception):
    """Something tried to change or delete a published questionnaire version."""


class Template(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="templates"
    )
    key = models.SlugField(max_length=64)
    pathway = models.CharField(max_length=32, choices=Pathway.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="template_key_unique")
        ]

    def __str__(self) -> str:
        return self.key


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class VersionQuerySet(models.QuerySet["Version"]):
    def update(self, **kwargs: Any) -> int:
        if self.filter(status=VersionStatus.PUBLISHED).exists():
            raise ImmutableVersionError("A published questionnaire version cannot be changed.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(status=VersionStatus.PUBLISHED).exists():
            raise ImmutableVersionError("A published questionnaire version cannot be deleted.")
        return super().delete()


class Version(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    template = models.ForeignKey(Template, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=VersionStatus.choices,
                              default=VersionStatus.DRAFT)
    content = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )

    objects = VersionQuerySet.as_manager()

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.template.key} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and Version.objects.filter(
            pk=self.pk, status=VersionStatus.PUBLISHED
        ).exists():
            raise ImmutableVersionError("A published questionnaire version cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.status == VersionStatus.PUBLISHED or Version.objects.filter(
            pk=self.pk, status=VersionStatus.PUBLISHED
        ).exists():
            raise ImmutableVersionError("A published questionnaire version cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def questionnaire(self) -> Questionnaire:
        return codec.from_dict(self.content)


class DefaultTemplate(models.Model):
    """The template new interviews use, for a pathway and optionally one setting."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    pathway = models.CharField(max_length=32, choices=Pathway.choices)
    setting = models.ForeignKey(
        "organisations.Setting", on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )
    template = models.ForeignKey(Template, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "pathway", "setting"],
                                    condition=models.Q(setting__isnull=False),
                                    name="default_template_per_setting"),
            models.UniqueConstraint(fields=["organisation", "pathway"],
                                    condition=models.Q(setting__isnull=True),
                                    name="default_template_per_pathway"),
        ]

    def __str__(self) -> str:
        return f"{self.pathway} {self.setting_id or 'all'} → {self.template_id}"
