"""What is held about one person, as one tree of parts (a title, rows of label and value,
smaller parts) that renders both as the readable PDF and as the JSON file, so the two always
say the same. Each free-text value is also kept with where it is (`texts`), for the check for
other people's names (leaver.subject_access.third_parties)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone


@dataclass
class Part:
    title: str
    path: str  # the titles from the top, for "where it appears"
    rows: list[tuple[str, str]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title,
                "rows": [{"label": label, "value": value} for label, value in self.rows],
                "parts": [part.as_json() for part in self.parts]}


def shown(value: Any) -> str:
    """A value in words: dates as "2 December 2026", yes or no, people by name."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%-d %B %Y, %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%-d %B %Y}"
    if hasattr(value, "full_name"):
        return str(value.full_name)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


@dataclass
class Dossier:
    kind: str  # young_person, staff_leaver, user
    name: str
    organisation: str
    parts: list[Part] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where, free text)

    def part(self, title: str, parent: Part | None = None) -> Part:
        part = Part(title, f"{parent.path} › {title}" if parent else title)
        (parent.parts if parent else self.parts).append(part)
        return part

    def row(self, part: Part, label: str, value: Any, *, free: bool = False) -> None:
        """One fact. `free`: words someone typed, checked for other people's names."""
        words = shown(value)
        part.rows.append((label, words))
        if free and words.strip():
            self.texts.append((f"{part.path} › {label}", words))

    def as_json(self, *, produced_by: str, produced_at: dt.datetime) -> dict[str, Any]:
        return {"subject": {"kind": self.kind, "name": self.name},
                "organisation": self.organisation, "produced_by": produced_by,
                "produced_at": produced_at.isoformat(),
                "parts": [part.as_json() for part in self.parts]}
