"""`manage.py verify_records` at scale: `python -m bench.verify_probe make N` makes N synthetic
young people's cases (bench.generate, straight into the tables), gives every record and its
version 1 their true content hash (the generator writes placeholders); then
`python -m bench.verify_probe check`, in a process of its own, times
leaver.cases.integrity.verify_all() and prints, as JSON, the records and versions checked, the
failures, the seconds, and how far the process's peak resident memory rose during the check.
Needs a migrated, empty database (DATABASE_URL)."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import django

from bench.export_probe import _kib


def _true_hashes() -> None:
    """What the actions would have stored: the canonical content's hash on the record, and
    the same content and hash as version 1."""
    from leaver.cases import integrity, records
    from leaver.cases.models import Answer, InterviewRecord, RecordVersion

    for batch in integrity._record_batches():
        answers: dict[int, list[tuple[str, str]]] = {}
        for interview_id, key, value in Answer.objects.filter(
                interview_id__in=[r.interview_id for r in batch]).values_list(
                "interview_id", "item_key", "value"):
            answers.setdefault(interview_id, []).append((key, value))
        contents = {r.interview_id: records.canonical_content(r, answers.get(r.interview_id, []))
                    for r in batch}
        for record in batch:
            record.content_sha256 = records.hash_of(contents[record.interview_id])
        InterviewRecord.objects.bulk_update(batch, ["content_sha256"])
        versions = list(RecordVersion.objects.filter(interview_id__in=contents, number=1))
        for version in versions:
            version.content = contents[version.interview_id]
            version.content_sha256 = records.hash_of(version.content)
        RecordVersion.objects.bulk_update(versions, ["content", "content_sha256"])


def make(n: int) -> dict[str, Any]:
    django.setup()
    from bench.generate import generate  # after setup

    start = time.perf_counter()
    generate(n)
    _true_hashes()
    return {"cases": n, "setup_seconds": round(time.perf_counter() - start, 1)}


def check() -> dict[str, Any]:
    """In a process of its own, so that its peak memory is the check's alone."""
    django.setup()
    from django.db import connection

    from leaver.cases import integrity

    connection.ensure_connection()
    before = _kib("VmRSS")
    start = time.perf_counter()
    outcome = integrity.verify_all()
    seconds = time.perf_counter() - start
    return {"records": outcome.records, "versions": outcome.versions,
            "failed": len(outcome.failures), "seconds": round(seconds, 1),
            "peak_rise_mib": round((_kib("VmHWM") - before) / 1024, 1)}


if __name__ == "__main__":
    print(json.dumps(make(int(sys.argv[2])) if sys.argv[1] == "make" else check()))
