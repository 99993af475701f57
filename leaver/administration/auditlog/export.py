"""The filtered audit log as a CSV file, streamed: the rows are read from the database in
batches and written as they come, so a large log neither fills the memory nor waits for the
whole file before the first byte. Every cell is formula-safe (leaver.core.spreadsheets)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from django.db.models import QuerySet

from leaver.administration.auditlog.queries import Describer
from leaver.audit.models import AuditEvent
from leaver.core.spreadsheets import csv_lines

HEADER = ("When (UK time)", "Who", "Their email", "What happened", "Event name",
          "Young person", "Case reference", "About", "IP address")
BATCH = 1000


def csv_file(rows: QuerySet[AuditEvent], describer: Describer) -> Iterator[str]:
    """The lines of the file, header first."""

    def cells() -> Iterator[tuple[str, ...]]:
        events = rows.iterator(chunk_size=BATCH)
        while batch := list(islice(events, BATCH)):
            for row in describer.describe(batch):
                yield (f"{row.at:%Y-%m-%d %H:%M:%S}", row.who, row.who_email, row.what,
                       row.action, row.young_person, row.case_reference, row.about,
                       row.ip_address)

    return csv_lines(HEADER, cells())
