"""manage.py import_xlsform PATH --organisation SLUG [--template KEY] [--pathway P] [--publish]"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leaver.organisations.models import Organisation, Pathway
from leaver.questionnaires import actions
from leaver.questionnaires.xlsform import XLSFormError, import_xlsform


class Command(BaseCommand):
    help = ("Import an XLSForm workbook as a draft version of a questionnaire. A workbook with "
            "any problem is refused as a whole, listing every problem; exit status 1. What is "
            "ignored (presentation-only columns, ODK metadata) is listed as warnings.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--organisation", required=True, help="the organisation's slug")
        parser.add_argument("--template", help="template key (default: the form_id)")
        parser.add_argument("--pathway", choices=Pathway.values, default=Pathway.YOUNG_PERSON)
        parser.add_argument("--publish", action="store_true",
                            help="publish the new version at once")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            organisation = Organisation.objects.get(slug=options["organisation"])
        except Organisation.DoesNotExist:
            raise CommandError(f"No organisation with slug {options['organisation']!r}.") \
                from None
        try:
            result = import_xlsform(options["path"])
        except XLSFormError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{options['path']} was not imported: {len(error.problems)} problem(s) above."
            ) from None
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
        questionnaire = result.questionnaire
        if options["template"]:
            questionnaire = dataclasses.replace(questionnaire, key=options["template"])
        version = actions.save_draft(actor=None, organisation=organisation,
                                     pathway=Pathway(options["pathway"]),
                                     questionnaire=questionnaire)
        if options["publish"]:
            version = actions.publish(actor=None, version=version)
        self.stdout.write(f"{questionnaire.key} version {version.number} ({version.status})")
