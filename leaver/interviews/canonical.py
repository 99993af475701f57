"""The canonical content of an interview record and its SHA-256, taken when it locks.

Canonical: sorted keys, no insignificant white space, UTF-8, so the same content always
gives the same hash and any later change to a stored answer shows as a mismatch.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from leaver.interviews.models import InterviewRecord


def canonical_content(record: InterviewRecord) -> dict[str, Any]:
    return {
        "interview": str(record.interview.public_id),
        "questionnaire": record.questionnaire_key,
        "questionnaire_version": str(record.interview.questionnaire_version.public_id)
        if record.interview.questionnaire_version else None,
        "submitted_by": str(record.submitted_by.public_id),
        "submitted_at": record.submitted_at.isoformat(),
        "answers": sorted(
            ([a.item_key, a.value] for a in record.answers.all()),
            key=lambda row: row[0],
        ),
        "complaints_discussed": record.complaints_discussed,
        "advocacy_discussed": record.advocacy_discussed,
        "complaints_referral_wanted": record.complaints_referral_wanted,
        "advocacy_referral_wanted": record.advocacy_referral_wanted,
        "interviewer_notes": record.interviewer_notes,
        "agreed_with_young_person": record.agreed_with_young_person,
        "left_out_note": record.left_out_note,
    }


def content_hash(record: InterviewRecord) -> str:
    data = json.dumps(
        canonical_content(record), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def is_intact(record: InterviewRecord) -> bool:
    return content_hash(record) == record.content_sha256
