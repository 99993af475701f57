"""A case's timeline: its audit rows, in order, in the words of the events' vocabularies.

Which events appear is registered by the packages that write them (a pathway's transitions,
reviews' answers), so the kernel lists no pathway's events itself. Page views are audited but
are not on the timeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from leaver.audit.events import Event
from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview

_ON_TIMELINE: dict[str, str] = {}


def show_on_timeline(events: Iterable[Event]) -> None:
    """Called from AppConfig.ready(): these events appear on every case's timeline."""
    for event in events:
        _ON_TIMELINE[event.value] = str(event.label)


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    label: str
    actor: str


def timeline(case: Interview) -> list[TimelineEntry]:
    events = AuditEvent.objects.filter(
        object_type="interview", object_id=case.public_id, action__in=list(_ON_TIMELINE)
    ).select_related("actor").order_by("at", "id")
    return [
        TimelineEntry(e.at, _ON_TIMELINE[e.action], e.actor.full_name if e.actor else "Leaver")
        for e in events
    ]
