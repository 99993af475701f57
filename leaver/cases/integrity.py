"""Checking every locked record against its hash (`manage.py verify_records`): after a restore
from backup, after a fault, or on a schedule, to show that no stored record has changed since
it was locked.

Three checks, each over the whole table, read in batches so that memory stays flat at any size:
- each record's content as stored now hashes to the SHA-256 kept when it locked (or amended);
- each version of each record hashes to the SHA-256 kept with that version;
- the newest version's SHA-256 is the record's own (an amendment moves both together).

A record erased under the retention schedule or on request (leaver.retention, ADR 0029) has no
hash left and no versions: it is counted as erased, not checked, when the caller names its case
as erased (leaver.retention's verify_records passes the cases it erased); a record with no hash
whose case was not erased has had its hash removed, and fails.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery

from leaver.cases import records
from leaver.cases.models import Answer, InterviewRecord, RecordVersion

BATCH = 500


@dataclass(frozen=True)
class Failure:
    case: str  # the case's public id
    what: str  # which check failed, in words


@dataclass
class Outcome:
    records: int = 0
    versions: int = 0
    erased: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed_cases(self) -> list[str]:
        return sorted({failure.case for failure in self.failures})


def _record_batches() -> Iterator[list[InterviewRecord]]:
    newest = RecordVersion.objects.filter(interview=OuterRef("interview")).order_by("-number")
    rows = (InterviewRecord.objects
            .select_related("interview__questionnaire_version", "submitted_by")
            # Only its public id is hashed: the questionnaire itself is large JSON, and
            # decoding it for every record cost most of the time and memory (bench.verify_probe).
            .defer("interview__questionnaire_version__content")
            .annotate(newest_version_sha256=Subquery(newest.values("content_sha256")[:1]))
            .order_by("pk")
            .iterator(chunk_size=BATCH))
    batch: list[InterviewRecord] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _check_records(outcome: Outcome, erased: Collection[int]) -> None:
    for batch in _record_batches():
        answers: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for interview_id, key, value in (Answer.objects
                                         .filter(interview_id__in=[r.interview_id for r in batch])
                                         .values_list("interview_id", "item_key", "value")
                                         .iterator(chunk_size=5 * BATCH)):
            answers[interview_id].append((key, value))
        for record in batch:
            if not record.content_sha256 and record.interview_id in erased:
                outcome.erased += 1  # its free text and versions are gone: nothing to check
                continue
            outcome.records += 1
            case = str(record.interview.public_id)
            content = records.canonical_content(record, answers[record.interview_id])
            if records.hash_of(content) != record.content_sha256:
                outcome.failures.append(Failure(case, "the record differs from its hash"))
            newest = getattr(record, "newest_version_sha256", None)
            if newest is not None and newest != record.content_sha256:
                outcome.failures.append(
                    Failure(case, "the record's hash is not its newest version's"))


def _check_versions(outcome: Outcome) -> None:
    rows = (RecordVersion.objects.order_by("pk")
            .values_list("interview__public_id", "number", "content", "content_sha256")
            .iterator(chunk_size=BATCH))
    for public_id, number, content, digest in rows:
        outcome.versions += 1
        if records.hash_of(content) != digest:
            outcome.failures.append(
                Failure(str(public_id), f"version {number} differs from its hash"))


def verify_all(erased: Collection[int] = frozenset()) -> Outcome:
    """Check every record and every version; what failed, by case. `erased`: the ids of the
    cases erased in place, whose records keep no hash."""
    outcome = Outcome()
    _check_records(outcome, erased)
    _check_versions(outcome)
    return outcome
