"""Reads about an organisation's own set-up that the pathways ask for: the places a new case
may start at, the confidentiality statement a leaver is shown at consent, and its deadlines."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from leaver.organisations.models import (
    ConfidentialityStatement,
    Deadlines,
    Pathway,
    Setting,
    SettingKind,
    StatementStatus,
)


def open_settings(organisation_id: int, kinds: Iterable[SettingKind] | None = None,
                  *, keep: Setting | None = None) -> QuerySet[Setting]:
    """The organisation's settings that are not closed: the only ones offered when a case
    starts or a Unit Manager is given a home. `keep`: a setting a case is already at, still
    offered (and accepted) even if it has closed since, so the case's details stay valid."""
    found = Setting.objects.filter(organisation_id=organisation_id)
    if kinds is not None:
        found = found.filter(kind__in=list(kinds))
    still_open = Q(closed_at__isnull=True)
    if keep is not None:
        still_open |= Q(pk=keep.pk)
    return found.filter(still_open)


def current_statement(organisation_id: int, pathway: Pathway | str
                      ) -> ConfidentialityStatement | None:
    """The statement a leaver is shown before they agree: the newest published version of
    the organisation's statement for the pathway (drafts are never shown), or None."""
    return ConfidentialityStatement.objects.filter(
        organisation_id=organisation_id, pathway=pathway, status=StatementStatus.PUBLISHED,
    ).order_by("-version").first()


def deadlines_of(organisation_id: int) -> Deadlines:
    """The organisation's deadlines: its own if its admin saved them, else the defaults (an
    unsaved row: reading never writes)."""
    found = Deadlines.objects.filter(organisation_id=organisation_id).first()
    return found or Deadlines(organisation_id=organisation_id)


def deadlines_for(organisation_ids: Iterable[int]) -> dict[int, Deadlines]:
    """deadlines_of for several organisations in one query (lists of cases, the reminders)."""
    wanted = set(organisation_ids)
    found = {d.organisation_id: d for d in Deadlines.objects.filter(
        organisation_id__in=wanted)}
    return {pk: found.get(pk) or Deadlines(organisation_id=pk) for pk in wanted}
