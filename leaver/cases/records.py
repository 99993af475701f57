"""The record's lock: its canonical content and SHA-256, taken when it locks, and the refusal
to write to a locked record.

Canonical: sorted keys, no insignificant white space, UTF-8, so the same content always
gives the same hash and any later change to a stored answer shows as a mismatch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from leaver.cases.models import Interview, InterviewRecord
from leaver.core.errors import ActionRefused


def canonical_content(record: InterviewRecord,
                      answers: Iterable[tuple[str, str]] | None = None) -> dict[str, Any]:
    """`answers`: the record's (item key, value) pairs when the caller loaded them already
    (leaver.cases.integrity checks records in batches); None: read from the database."""
    if answers is None:
        answers = ((a.item_key, a.value) for a in record.answers.all())
    return {
        "interview": str(record.interview.public_id),
        "questionnaire": record.questionnaire_key,
        "questionnaire_version": str(record.interview.questionnaire_version.public_id)
        if record.interview.questionnaire_version else None,
        "submitted_by": str(record.submitted_by.public_id) if record.submitted_by else None,
        "submitted_at": record.submitted_at.isoformat(),
        "answers": sorted(([key, value] for key, value in answers), key=lambda row: row[0]),
        "complaints_discussed": record.complaints_discussed,
        "advocacy_discussed": record.advocacy_discussed,
        "complaints_referral_wanted": record.complaints_referral_wanted,
        "advocacy_referral_wanted": record.advocacy_referral_wanted,
        "interviewer_notes": record.interviewer_notes,
        "agreed_with_young_person": record.agreed_with_young_person,
        "left_out_note": record.left_out_note,
        **_facts(record.interview),
    }


def _facts(case: Interview) -> dict[str, Any]:
    """When, how and where the interview was held: locked with the record. Records from
    before these were kept have none, and keep their hash."""
    if case.held_at is None:
        return {}
    return {"held": {"at": case.held_at.isoformat(), "how": case.held_how,
                     "where": case.held_where, "present": case.people_present,
                     "support": case.support, "support_details": case.support_details}}


def hash_of(content: dict[str, Any]) -> str:
    data = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def content_hash(record: InterviewRecord) -> str:
    return hash_of(canonical_content(record))


def is_intact(record: InterviewRecord) -> bool:
    return content_hash(record) == record.content_sha256


def refuse_if_locked(case: Interview) -> None:
    """ActionRefused if the case's record was already submitted (and so locked)."""
    existing = InterviewRecord.objects.filter(interview=case).first()
    if existing is not None:
        raise ActionRefused(
            "This record was already submitted and locked on "
            f"{timezone.localtime(existing.submitted_at):%d %B %Y at %H:%M}. "
            "It cannot be submitted again."
        )


def lock_record(record: InterviewRecord) -> InterviewRecord:
    """Store the hash of the record's content (answers included): from now on it is locked."""
    record.content_sha256 = content_hash(record)
    record.save(update_fields=["content_sha256"])
    return record
