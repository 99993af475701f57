"""Shared by the organisation settings tests: every address of the area, and a snapshot of
everything the area can change, for "nothing changed" checks."""

from __future__ import annotations

import html

from django.http import HttpResponse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.organisations.models import (
    ConfidentialityStatement,
    Deadlines,
    DistributionRecipient,
    LetterContacts,
    Organisation,
    Pathway,
    Setting,
    SettingKind,
    StatementStatus,
)
from leaver.testing import Cast

BASE = "/admin/organisation/"


def text_of(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def draft_statement(cast: Cast) -> ConfidentialityStatement:
    """A draft version 2 of the cast's young person statement (made once)."""
    draft, _ = ConfidentialityStatement.objects.get_or_create(
        organisation=cast.org, pathway=Pathway.YOUNG_PERSON, status=StatementStatus.DRAFT,
        defaults={"version": 2, "text": "Draft words.", "text_cy": "Geiriau drafft."})
    return draft


def closed_home(cast: Cast) -> Setting:
    """A closed children's home of the cast's organisation (made once)."""
    home, _ = Setting.objects.get_or_create(
        organisation=cast.org, name="Ash House",
        defaults={"kind": SettingKind.CHILDRENS_HOME, "closed_at": timezone.now()})
    return home


def addresses(cast: Cast) -> list[str]:
    """Every page of the area, with ids of `cast`'s own objects where a page needs one: a
    draft statement for the pages that change one, a closed home for "reopen"."""
    published = cast.statement.public_id
    draft = draft_statement(cast).public_id
    rule = DistributionRecipient.objects.filter(organisation=cast.org).first()
    assert rule is not None
    home = cast.home.public_id
    return [
        BASE, f"{BASE}places/", f"{BASE}places/add/", f"{BASE}places/{home}/change/",
        f"{BASE}places/{home}/close/", f"{BASE}places/{closed_home(cast).public_id}/reopen/",
        f"{BASE}statements/", f"{BASE}statements/staff/new/",
        f"{BASE}statements/{published}/", f"{BASE}statements/{draft}/change/",
        f"{BASE}statements/{draft}/publish/", f"{BASE}statements/{draft}/delete/",
        f"{BASE}distribution/", f"{BASE}distribution/young_person/add/",
        f"{BASE}distribution/young_person/check/", f"{BASE}distribution/{rule.public_id}/remove/",
        f"{BASE}letters/", f"{BASE}letters/organisation/", f"{BASE}letters/contacts/",
        f"{BASE}deadlines/", f"{BASE}deadlines/change/",
    ]


def read_only(address: str) -> bool:
    """Pages that only show (GET and HEAD): a POST to them is 405 for everyone, by the
    project's rule for read-only pages, before anyone is asked who they are."""
    tail = address.removeprefix(BASE)
    return tail in ("", "places/", "statements/", "distribution/", "letters/",
                    "deadlines/") or (
        tail.startswith("statements/") and tail.count("/") == 2 and "/new/" not in tail)


def state_of(org: Organisation) -> dict[str, object]:
    """Everything the organisation settings area writes, and the audit rows of writes."""
    return {
        "organisation": Organisation.objects.filter(pk=org.pk).values().get(),
        "settings": list(Setting.objects.filter(organisation=org).order_by("pk").values()),
        "statements": list(ConfidentialityStatement.objects.filter(organisation=org)
                           .order_by("pk").values()),
        "rules": list(DistributionRecipient.objects.filter(organisation=org)
                      .order_by("pk").values()),
        "letter_contacts": list(LetterContacts.objects.filter(organisation=org).values()),
        "deadlines": list(Deadlines.objects.filter(organisation=org).values()),
        "audit": AuditEvent.objects.filter(action__startswith="admin.").count(),
    }


def admin_events(org: Organisation, action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(organisation=org, action=action).order_by("pk"))
