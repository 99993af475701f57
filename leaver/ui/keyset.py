"""Keyset pagination for lists read newest first (issue 12, ADR 0021).

An OFFSET page makes the database walk every row before it, so the last page of a long list
costs as much as the whole list. Here a page starts after (or before) a row the address
names by its public id: the database seeks to it on the index matching the order
(`-created_at, -id`) and reads one page. The address says `?after=<id>` (older),
`?before=<id>` (newer) or `?last=yes` (the oldest page); none: the newest page.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import QueryDict

M = TypeVar("M", bound=Model)

# The address parameters this module owns (the list's filters keep the rest).
PARAMETERS = ("after", "before", "last", "page")


@dataclass(frozen=True)
class KeysetPage(Generic[M]):
    items: list[M]
    count: int  # rows in the whole (filtered) list
    newer: bool  # there are newer rows (a "Newer" link: ?before=<first item>)
    older: bool  # there are older rows (an "Older" link: ?after=<last item>)

    @property
    def first_id(self) -> Any:
        return getattr(self.items[0], "public_id", None) if self.items else None

    @property
    def last_id(self) -> Any:
        return getattr(self.items[-1], "public_id", None) if self.items else None


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value or "")
    except ValueError:
        return None


def _beyond(anchor: dict[str, Any], older: bool) -> Q:
    at, pk = anchor["created_at"], anchor["pk"]
    if older:
        return Q(created_at__lte=at) & (Q(created_at__lt=at) | Q(pk__lt=pk))
    return Q(created_at__gte=at) & (Q(created_at__gt=at) | Q(pk__gt=pk))


def keyset_page(found: QuerySet[M], got: QueryDict, size: int = 50) -> KeysetPage[M]:
    """One page of `found`, which must be ordered by ("-created_at", "-pk") and have a
    `public_id`. An unknown or malformed id in the address gives the newest page. Three
    queries whatever the page: the count, the anchor row and the page."""
    count = found.count()
    after, before = _uuid(got.get("after")), _uuid(got.get("before"))
    anchor = found.filter(public_id=after or before).values("created_at", "pk").first() \
        if after or before else None
    if anchor is not None and after:
        rows = list(found.filter(_beyond(anchor, older=True))[:size + 1])
        return KeysetPage(rows[:size], count, newer=True, older=len(rows) > size)
    if anchor is not None and before:
        rows = list(found.filter(_beyond(anchor, older=False)).reverse()[:size + 1])
        return KeysetPage(rows[:size][::-1], count, newer=len(rows) > size, older=True)
    if got.get("last") == "yes":
        rows = list(found.reverse()[:size])[::-1]
        return KeysetPage(rows, count, newer=count > len(rows), older=False)
    rows = list(found[:size + 1])
    return KeysetPage(rows[:size], count, newer=False, older=len(rows) > size)


def kept_filters(got: QueryDict) -> str:
    """The list's own filters from the address, for the page links."""
    kept = got.copy()
    for name in PARAMETERS:
        kept.pop(name, None)
    return kept.urlencode()
