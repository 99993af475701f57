"""manage.py export_xlsform KEY [--version N] [--organisation SLUG] -o FILE.xlsx"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leaver.questionnaires.models import Template, Version, VersionStatus
from leaver.questionnaires.xlsform import write_xlsform


class Command(BaseCommand):
    help = "Export a questionnaire version (default: the newest published) as an XLSForm file."

    def add_base_argument(self, parser: Any, *args: Any, **kwargs: Any) -> None:
        # Django's own --version (print Django's version) would shadow ours (issue 4).
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("key")
        parser.add_argument("--version", type=int, help="version number")
        parser.add_argument("--organisation", help="slug; needed when several have the key")
        parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        templates = Template.objects.filter(key=options["key"])
        if options["organisation"]:
            templates = templates.filter(organisation__slug=options["organisation"])
        found = list(templates[:2])
        if not found:
            raise CommandError(f"No questionnaire with key {options['key']!r}.")
        if len(found) > 1:
            raise CommandError("Several organisations have that key: add --organisation.")
        versions = Version.objects.filter(template=found[0])
        if options["version"] is not None:
            versions = versions.filter(number=options["version"])
        else:
            versions = versions.filter(status=VersionStatus.PUBLISHED)
        version = versions.order_by("-number").first()
        if version is None:
            raise CommandError("No such version (without --version: no published version).")
        Path(options["output"]).write_bytes(write_xlsform(version.questionnaire))
        self.stdout.write(f"Wrote {options['key']} version {version.number} to "
                          f"{options['output']}")
