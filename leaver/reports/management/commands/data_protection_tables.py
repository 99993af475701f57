"""manage.py data_protection_tables: who can see what, as the Markdown tables of
docs/data-protection.md (leaver.reports.access_tables). Reads no personal data."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from leaver.reports import access_tables


class Command(BaseCommand):
    help = "Print the role-by-data access tables for docs/data-protection.md."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(access_tables.tables(), ending="")
