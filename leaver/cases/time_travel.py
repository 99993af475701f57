"""Moving a case's record through time, for the demo and the tests only (the young person's
`walk.shift_in_time`, the staff demo's `earlier`): once the moments on a case have moved, the
record's versions name the new moments and every hash is taken again, so that `manage.py
verify_records` still finds the record intact. Never called by the product: a real record's
hash is never recomputed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from leaver.cases import records
from leaver.cases.models import Interview, InterviewRecord, RecordVersion, SignOff


def _moved(moment: Any, by: dt.timedelta) -> Any:
    return (dt.datetime.fromisoformat(moment) + by).isoformat() if moment else moment


def reseal(case: Interview, by: dt.timedelta) -> None:
    """After the case's moments moved by `by`: each older version's moments move with them,
    the newest version (if the record keeps versions) is the record as it now reads, and every
    hash follows."""
    record = InterviewRecord.objects.filter(interview=case).select_related(
        "interview__questionnaire_version", "submitted_by").first()
    history = list(RecordVersion.objects.filter(interview=case).order_by("number"))
    if record is None or not record.content_sha256:
        return  # no record, or erased (leaver.retention): nothing is hashed
    for version in history[:-1]:
        content = dict(version.content)
        content["submitted_at"] = _moved(content.get("submitted_at"), by)
        if isinstance(content.get("held"), dict):
            content["held"] = {**content["held"], "at": _moved(content["held"].get("at"), by)}
        version.content = content
    now = records.canonical_content(record)
    if history:
        history[-1].content = now
    for version in history:
        version.content_sha256 = records.hash_of(version.content)
        version.made_at += by
        version.save(update_fields=["content", "content_sha256", "made_at"])
    record.content_sha256 = records.hash_of(now)
    record.save(update_fields=["content_sha256"])
    for sign_off in SignOff.objects.filter(interview=case).select_related("version"):
        sign_off.content_sha256 = sign_off.version.content_sha256
        sign_off.save(update_fields=["content_sha256"])
