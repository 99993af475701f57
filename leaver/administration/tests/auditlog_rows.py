"""Helpers of the audit log viewer's tests: rows written through the real audit function, the
list page's rows as text, and the exported CSV read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

from django.test import Client
from django.urls import reverse

from leaver.accounts.models import User
from leaver.audit import log
from leaver.audit.events import AccountEvent
from leaver.audit.models import AuditEvent
from leaver.organisations.models import Organisation

LIST = reverse("administration:auditlog:list")
EXPORT = reverse("administration:auditlog:export")


def write_row(org: Organisation, actor: User | None, action: Any = AccountEvent.SIGNED_IN,
              at: dt.datetime | None = None, object_type: str = "user",
              object_id: Any = None, detail: dict[str, Any] | None = None) -> AuditEvent:
    """A row written by the audit log's own `record`, moved to `at` if given."""
    row = log.record(actor=actor, action=action, object_type=object_type,
                     object_id=object_id if object_id is not None else
                     (actor.public_id if actor else None),
                     organisation_id=org.pk, detail=detail)
    if at is not None:
        AuditEvent.objects.filter(pk=row.pk).update(at=at)
        row.refresh_from_db()
    return row


_TAGS = re.compile(r"<[^>]+>")


def table_rows(html: str) -> list[str]:
    """The text of each row of the list's table body, tags removed."""
    if "<tbody" not in html:
        return []
    body = html.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = re.split(r"<tr[^>]*>", body)[1:]
    return [" ".join(_TAGS.sub(" ", row).split()) for row in rows]


def listed(client: Client, **query: str) -> list[str]:
    response = client.get(LIST, query)
    assert response.status_code == 200, response.content.decode()[:2000]
    return table_rows(response.content.decode())


def exported(client: Client, **query: str) -> list[dict[str, str]]:
    response = client.get(EXPORT, query)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[attr-defined]
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))
