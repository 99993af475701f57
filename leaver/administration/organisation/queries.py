"""What the organisation settings pages show: the organisation's places with their cases,
its statements and distribution rules by pathway, and one summary card per section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse

from leaver.administration.organisation import deadlines, distribution
from leaver.administration.organisation.letters import letter_contacts_of
from leaver.cases import concerns, engine
from leaver.cases.models import Interview
from leaver.organisations.models import (
    ConfidentialityStatement,
    DistributionRecipient,
    Organisation,
    Pathway,
    Setting,
    SettingKind,
    StatementStatus,
)
from leaver.organisations.queries import current_statement


def _still_open() -> Q:
    """Cases not yet ended, in every pathway's own terms."""
    ended = Q(pk__in=[])
    for definition in engine.definitions():
        ended |= Q(pathway=definition.pathway, state__in=definition.terminal)
    return ~ended


def places(organisation: Organisation) -> list[Setting]:
    """Every place, open ones first, each with `case_count` and `open_case_count`."""
    found = list(Setting.objects.filter(organisation=organisation).annotate(
        case_count=Count("interviews")))
    still_open = dict(Interview.objects.filter(organisation=organisation).filter(_still_open())
                      .values_list("setting_id").annotate(n=Count("id")).values_list(
                          "setting_id", "n"))
    for setting in found:
        setting.open_case_count = still_open.get(setting.pk, 0)  # type: ignore[attr-defined]
    return sorted(found, key=lambda s: (not s.is_open, s.name.casefold()))


def case_counts(setting: Setting) -> tuple[int, int]:
    """(all cases, cases still open) at one place."""
    cases = Interview.objects.filter(setting=setting)
    return cases.count(), cases.filter(_still_open()).count()


@dataclass
class PathwayStatements:
    pathway: Pathway
    current: ConfidentialityStatement | None
    draft: ConfidentialityStatement | None
    versions: list[ConfidentialityStatement] = field(default_factory=list)


def statements(organisation: Organisation) -> list[PathwayStatements]:
    result = []
    for pathway in Pathway:
        versions = list(ConfidentialityStatement.objects.filter(
            organisation=organisation, pathway=pathway).select_related("published_by"))
        result.append(PathwayStatements(
            pathway=pathway, current=current_statement(organisation.pk, pathway),
            draft=next((v for v in versions if v.status == StatementStatus.DRAFT), None),
            versions=versions))
    return result


@dataclass
class PathwayRules:
    pathway: Pathway
    always: tuple[str, ...]
    rules: list[tuple[DistributionRecipient, str]]


def rules(organisation: Organisation) -> list[PathwayRules]:
    result = []
    for pathway in distribution.pathways():
        definition = distribution.definition_for(pathway)
        assert definition is not None
        found = DistributionRecipient.objects.filter(
            organisation=organisation, pathway=pathway).select_related("user")
        described = sorted(((r, distribution.describe(r)) for r in found),
                           key=lambda pair: (pair[0].user_id is not None, pair[1]))
        result.append(PathwayRules(pathway, definition.always_distributed, described))
    return result


# The summary cards of the area's first page ------------------------------------------------

@dataclass(frozen=True)
class Section:
    """One part of the organisation settings: its card on the first page lists `summary`'s
    rows (key, value)."""

    title: str
    url_name: str
    summary: Callable[[Organisation], list[tuple[str, str]]]


def _places_summary(organisation: Organisation) -> list[tuple[str, str]]:
    found = places(organisation)
    rows = []
    for kind in SettingKind:
        of_kind = [s for s in found if s.kind == kind]
        closed = sum(not s.is_open for s in of_kind)
        words = f"{len(of_kind) - closed} open" + (f", {closed} closed" if closed else "")
        rows.append((f"{kind.label}s", words if of_kind else "None"))
    return rows


def _statements_summary(organisation: Organisation) -> list[tuple[str, str]]:
    rows = []
    for group in statements(organisation):
        words = f"Version {group.current.version} in use" if group.current else "None published"
        if group.draft:
            words += f"; version {group.draft.version} is a draft"
        rows.append((_pathway_short(group.pathway), words))
    return rows


def _rules_summary(organisation: Organisation) -> list[tuple[str, str]]:
    rows = []
    for group in rules(organisation):
        count = len(group.rules)
        words = "Only those who always get one" if not count else (
            f"{count} rule{'s' if count != 1 else ''} besides those who always get one")
        rows.append((_pathway_short(group.pathway), words))
    return rows


def _letters_summary(organisation: Organisation) -> list[tuple[str, str]]:
    contacts = letter_contacts_of(organisation)
    missing = [words for words, value in (
        ("address", organisation.address), ("email", organisation.contact_email),
        ("phone", organisation.contact_phone),
        ("data protection contact", organisation.data_protection_contact),
        ("advocacy", contacts.advocacy), ("complaints", contacts.complaints)) if not value]
    return [("Children's Commissioner", str(contacts.get_commissioner_display())),
            ("Not filled in", ", ".join(missing).capitalize() if missing else "Nothing")]


def _retention_summary(organisation: Organisation) -> list[tuple[str, str]]:
    return [("Retention schedule", "How long each pathway's records are kept, and why"),
            ("Erasure", "Cases due in the next 30 days, legal holds, erasure on request")]


def _pathway_short(pathway: Pathway) -> str:
    return {Pathway.YOUNG_PERSON: "Young people", Pathway.STAFF: "School staff"}.get(
        pathway, str(pathway.label))


SECTIONS = [
    Section("Homes, placements and schools", "administration:organisation:places",
            _places_summary),
    Section("Confidentiality statements", "administration:organisation:statements",
            _statements_summary),
    Section("Who gets a copy of each record", "administration:organisation:distribution",
            _rules_summary),
    Section("Letter details", "administration:organisation:letters", _letters_summary),
    # Its pages are leaver.safeguarding's (which this package may not import): the kernel's
    # concern hooks give the card's rows.
    Section("Safeguarding", "safeguarding:settings", concerns.settings_summary),
    Section("Deadlines", "administration:organisation:deadlines", deadlines.rows),
    # Its pages are leaver.retention's, a layer above this one: the card only points there.
    Section("Keeping and erasing records", "retention:settings", _retention_summary),
]


def cards(organisation: Organisation) -> list[dict[str, object]]:
    return [{"title": s.title, "url": reverse(s.url_name), "rows": s.summary(organisation)}
            for s in SECTIONS]
