"""A case's timeline: its audit rows, in order, in the words of the events' vocabularies.

Which events appear is registered by the packages that write them (a pathway's transitions,
reviews' answers), so the kernel lists no pathway's events itself. Page views are audited but
are not on the timeline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from leaver.audit.events import Event
from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview

_ON_TIMELINE: dict[str, str] = {}
# How an event's audit detail reads on the timeline (e.g. the old and new time of a
# rescheduled interview). Never answer text: audit details hold none.
_DESCRIBE: dict[str, Callable[[Mapping[str, object]], str]] = {}


def show_on_timeline(events: Iterable[Event]) -> None:
    """Called from AppConfig.ready(): these events appear on every case's timeline."""
    for event in events:
        _ON_TIMELINE[event.value] = str(event.label)


def describe_on_timeline(event: Event, describe: Callable[[Mapping[str, object]], str]
                         ) -> None:
    """Called from AppConfig.ready(): `describe(detail)` adds words to the event's entry."""
    _DESCRIBE[event.value] = describe


@dataclass(frozen=True)
class TimelineEntry:
    at: dt.datetime
    label: str
    actor: str
    detail: str = ""


def timeline(case: Interview) -> list[TimelineEntry]:
    events = AuditEvent.objects.filter(
        object_type="interview", object_id=case.public_id, action__in=list(_ON_TIMELINE)
    ).select_related("actor").order_by("at", "id")
    return [
        TimelineEntry(e.at, _ON_TIMELINE[e.action], e.actor.full_name if e.actor else "Leaver",
                      _DESCRIBE[e.action](e.detail or {}) if e.action in _DESCRIBE else "")
        for e in events
    ]
