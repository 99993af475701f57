"""The background task that builds a stored report (django-tasks; run by the worker)."""

from __future__ import annotations

import uuid

from django_tasks import task

from leaver.reports import stored


@task()
def build_report(public_id: str) -> str:
    """Builds the queued report and stores its files; returns its status."""
    return stored.build(uuid.UUID(public_id))
