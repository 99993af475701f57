"""manage.py verify_records: check every locked record, and every version of it, against its
SHA-256 (leaver.cases.integrity). Exits 1 naming the cases that fail; 0 when all are intact.
It lives with retention because only retention knows which records were erased (and so keep no
hash): a record without a hash whose case was not erased fails."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from leaver.cases import integrity
from leaver.retention.models import Erasure


class Command(BaseCommand):
    help = "Check every locked record and every record version against its stored hash."

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = integrity.verify_all(
            erased=set(Erasure.objects.values_list("interview_id", flat=True)))
        failed = outcome.failed_cases
        self.stdout.write(f"Checked {outcome.records} records and {outcome.versions} "
                          f"versions: {len(failed)} failed.")
        if outcome.erased:
            self.stdout.write(f"Not checked: {outcome.erased} erased records (no hash is kept "
                              "once a record is erased).")
        for failure in outcome.failures:
            self.stdout.write(f"FAILED {failure.case}: {failure.what}")
        if failed:
            raise CommandError(f"{len(failed)} records do not match their hash: "
                               + ", ".join(failed))
