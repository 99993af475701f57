"""Taking a person out of what was written about their case elsewhere: the values of audit
rows that name them, the emails sent about the case, and the quotes of stored reports that
came from their free-text answers (and the report's files, drawn again from the scrubbed
document)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from leaver.audit.models import AuditEvent
from leaver.notifications.models import Message
from leaver.notifications.models import Status as MessageStatus
from leaver.reports.document import Document
from leaver.reports.models import Status, StoredReport

ERASED = "[erased]"
# What a report's quotes cell says once every quote in it was erased.
QUOTES_ERASED = "Quotes removed: erased at the request of the person quoted"
# Parts of a name shorter than this ("Al", "Jo") would match inside ordinary words.
SHORTEST_PART = 3
_QUOTE = re.compile(r"“(.*?)”", re.DOTALL)
# What a quote may hold that its answer does not: the name and place placeholders
# (leaver.reports.themes) and the ellipsis of a cut quote.
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|…")


def words_naming(names: Iterable[str]) -> list[str]:
    """Each name in full and each of its parts long enough to be a name, longest first."""
    found: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if len(name) >= SHORTEST_PART:
            found.add(name.casefold())
        found.update(part.casefold() for part in re.split(r"[\s\-']+", name)
                     if len(part) >= SHORTEST_PART)
    return sorted(found, key=len, reverse=True)


def _names_someone(text: str, words: Sequence[str]) -> bool:
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded) for word in words)


# Parts of an audit row's detail that are the person's details or words typed about them,
# whatever they say (a corrected address, an old phone number, why a case was reopened): they
# go whole, not only where they contain the name.
PERSONAL_KEYS = frozenset({"changes", "reason", "before", "after", "old", "new"})


def scrub_value(value: Any, words: Sequence[str], whole: Collection[str] = frozenset()
                ) -> tuple[Any, int]:
    """`value` (JSON) with every string that names the person replaced, and every non-empty
    value kept under a key in `whole` replaced whatever it says; how many were."""
    if isinstance(value, str):
        return (ERASED, 1) if _names_someone(value, words) else (value, 0)
    if isinstance(value, list):
        pairs = [scrub_value(v, words, whole) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        result, count = {}, 0
        for key, item in value.items():
            if key in whole and item not in (None, "", [], {}):
                result[key], n = ERASED, 1
            else:
                result[key], n = scrub_value(item, words, whole)
            count += n
        return result, count
    return value, 0


def scrub_audit(object_ids: Iterable[uuid.UUID], words: Sequence[str]) -> int:
    """The audit rows about the case's objects keep who did what and when; any value in
    their detail that names the person is replaced, and so is every changed detail and typed
    reason (PERSONAL_KEYS). Returns the rows changed."""
    changed = 0
    for row in AuditEvent.objects.filter(object_id__in=list(object_ids)).only(
            "pk", "detail").iterator(chunk_size=500):
        detail, count = scrub_value(row.detail, words, PERSONAL_KEYS)
        if count:
            AuditEvent.objects.filter(pk=row.pk).update(detail=detail)
            changed += 1
    return changed


def scrub_messages(organisation_id: int, paths: Sequence[str], addresses: Sequence[str]
                   ) -> int:
    """Emails about the case (their link goes to one of its pages) or to the person: the
    subject, body and attachment go; the row stays so the outbox's counts add up. Messages
    not yet sent are not sent."""
    found = Message.objects.filter(organisation_id=organisation_id)
    about = Message.objects.none()
    for path in paths:
        about = about | found.filter(path__contains=path)
    if addresses:
        about = about | found.filter(to__in=list(addresses))
    changed = 0
    for message in about.distinct():
        message.subject, message.body, message.attachment_text = ERASED, "", ""
        message.attachment_name = message.attachment_type = ""
        if message.to in addresses:
            message.to = ""
        fields = ["subject", "body", "attachment_text", "attachment_name", "attachment_type",
                  "to"]
        if message.sent_at is None and message.status != MessageStatus.FAILED:
            message.status = MessageStatus.FAILED
            message.last_error = "Erased"
            fields += ["status", "last_error"]
        message.save(update_fields=fields)
        changed += 1
    return changed


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _came_from(quote: str, answers: Sequence[str]) -> bool:
    """Whether a quote was cut from one of these answers: each piece of it between the
    placeholders is in the same answer."""
    pieces = [_normal(p) for p in _PLACEHOLDER.split(quote)]
    pieces = [p for p in pieces if len(p) >= SHORTEST_PART]
    if not pieces:
        return False
    return any(all(piece in answer for piece in pieces) for answer in answers)


def _scrub_cell(cell: Any, answers: Sequence[str]) -> tuple[Any, int]:
    if not isinstance(cell, str) or "“" not in cell:
        return cell, 0
    quotes = _QUOTE.findall(cell)
    kept = [q for q in quotes if not _came_from(q, answers)]
    if len(kept) == len(quotes):
        return cell, 0
    removed = len(quotes) - len(kept)
    return (" / ".join(f"“{q}”" for q in kept) or QUOTES_ERASED), removed


def scrub_document(document: dict[str, Any], answers: Sequence[str]) -> int:
    """Removes from a stored document (in place) the quotes that came from `answers`."""
    removed = 0
    for section in document.get("sections", []):
        for table in section.get("tables", []):
            for row in table.get("rows", []):
                for index, cell in enumerate(row):
                    row[index], count = _scrub_cell(cell, answers)
                    removed += count
    return removed


def scrub_reports(organisation_id: int, answers: Sequence[str]) -> int:
    """Every built report of the organisation loses the quotes that came from these free-text
    answers; a report that lost one has its PDF, spreadsheet and CSV drawn again from its
    scrubbed document. Returns the quotes removed."""
    texts = [_normal(a) for a in answers if a.strip()]
    if not texts:
        return 0
    # Imported when first needed: the outputs load WeasyPrint and matplotlib, seconds of
    # start-up that every process (the worker registers this package's job) would pay.
    from leaver.reports import outputs

    removed = 0
    # The files are not read (they are drawn again only where a quote goes): only the
    # document, the charts and what the PDF prints.
    for report in StoredReport.objects.filter(
            organisation_id=organisation_id, status=Status.READY).select_related(
            "organisation").only("pk", "document", "charts", "finished_at", "requested_at",
                                 "organisation__name").iterator(chunk_size=20):
        count = scrub_document(report.document, texts)
        if not count:
            continue
        removed += count
        document = Document.from_json(report.document)
        name = report.organisation.name
        report.pdf = outputs.pdf(document, organisation=name,
                                 built_at=report.finished_at or report.requested_at,
                                 svgs=dict(report.charts))
        report.xlsx = outputs.xlsx_bytes(document, organisation=name)
        report.csv = outputs.csv_bytes(document)
        report.save(update_fields=["document", "pdf", "xlsx", "csv"])
    return removed
