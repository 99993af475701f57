"""Versions of a record (DESIGN §4): version 1 when it is first saved, a new one for each
amendment with who, when and why. Each keeps the canonical content and its SHA-256
(leaver.cases.records), so any two can be compared and a sign-off names exactly what was
signed. Run inside the caller's transaction (the action that saves or amends).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import records
from leaver.cases.models import Interview, InterviewRecord, RecordVersion


def current(case: Interview) -> RecordVersion | None:
    """The newest version of the case's record, or None before it has one."""
    return RecordVersion.objects.filter(interview=case).order_by("-number").first()


def take_version(record: InterviewRecord, *, actor: User | None, reason: str = "",
                 now: dt.datetime | None = None) -> RecordVersion:
    """Store the record's content as it is now as the next version, and make the record's
    hash that of this version. `actor` None: the leaver (self-completion)."""
    content = records.canonical_content(record)
    digest = records.hash_of(content)
    latest = current(record.interview)
    version = RecordVersion.objects.create(
        interview=record.interview, number=(latest.number + 1) if latest else 1,
        content=content, content_sha256=digest, made_by=actor,
        made_at=now or timezone.now(), reason=reason.strip())
    record.content_sha256 = digest
    record.save(update_fields=["content_sha256"])
    return version


@dataclass(frozen=True)
class Change:
    """One answer (or other part of the record) that differs between two versions."""

    key: str
    before: Any
    after: Any


def compare(older: RecordVersion, newer: RecordVersion) -> list[Change]:
    """What changed from `older` to `newer`: answers by item key, then the other parts."""
    changes: list[Change] = []
    old_answers = dict(older.content.get("answers", []))
    new_answers = dict(newer.content.get("answers", []))
    for key in sorted(set(old_answers) | set(new_answers)):
        if old_answers.get(key) != new_answers.get(key):
            changes.append(Change(key, old_answers.get(key), new_answers.get(key)))
    skip = {"answers", "submitted_at", "submitted_by"}
    for key in sorted((set(older.content) | set(newer.content)) - skip):
        if older.content.get(key) != newer.content.get(key):
            changes.append(Change(key, older.content.get(key), newer.content.get(key)))
    return changes


def broken_versions(case: Interview) -> list[int]:
    """The numbers of the versions whose content no longer hashes to the SHA-256 kept with
    them (the hash covers each version), and 0 when the record's own hash is not that of the
    newest version. Empty: every version is as it was made."""
    history = list(RecordVersion.objects.filter(interview=case).order_by("number"))
    broken = [v.number for v in history if records.hash_of(v.content) != v.content_sha256]
    record = InterviewRecord.objects.filter(interview=case).first()
    if history and record is not None and record.content_sha256 != history[-1].content_sha256:
        broken.append(0)
    return broken
