"""docs/data-protection.md's "Who can see it" tables are `manage.py data_protection_tables`'s
output, to the character, so the document cannot drift from the access rules; and the tables
say what the rules decide."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from leaver.cases import engine
from leaver.organisations.models import Pathway, Role
from leaver.reports import access_tables

DOCUMENT = Path(__file__).resolve().parents[3] / "docs" / "data-protection.md"
BLOCK = re.compile(r"<!-- data_protection_tables: begin -->\n(.*?)"
                   r"<!-- data_protection_tables: end -->", re.DOTALL)


def printed() -> str:
    out = StringIO()
    call_command("data_protection_tables", stdout=out)
    return out.getvalue()


def test_the_document_shows_what_the_command_prints():
    match = BLOCK.search(DOCUMENT.read_text(encoding="utf-8"))
    assert match, "docs/data-protection.md has lost its markers around the tables"
    assert match.group(1) == printed(), (
        "docs/data-protection.md differs from the access rules: paste the output of "
        "`python manage.py data_protection_tables` between its markers")


def row(table: list[str], role: Role) -> list[str]:
    [line] = [line for line in table if line.startswith(f"| {role.label} |")]
    return [cell.strip() for cell in line.strip("|").split("|")][1:]


def test_the_tables_follow_the_pathway_definitions():
    young = engine.definition_named(Pathway.YOUNG_PERSON)
    table = access_tables.pathway_table(young)
    # Oversight: every case, but only the allocated IRO reads the record.
    assert row(table, Role.IRO)[:2] == [
        "every case", "as the young person's allocated Independent Reviewing Officer"]
    # The CSM sees every case but never the answers; a role with no part is not listed.
    assert row(table, Role.CSM)[1] == access_tables.NO
    assert not [line for line in table if line.startswith(f"| {Role.GOVERNOR.label} |")]
    staff = access_tables.pathway_table(engine.definition_named(Pathway.STAFF))
    assert row(staff, Role.HR_LEAD)[3] == "as an HR lead for the school"
    assert row(staff, Role.HEADTEACHER)[3] == access_tables.NO  # not once the case has ended


def test_the_organisation_table_follows_the_report_rules():
    table = access_tables.organisation_table()
    assert row(table, Role.SENIOR_MANAGER) == [
        "—", "whole organisation", "—", "—", "—"]  # aggregates only, never the export
    assert row(table, Role.SAFEGUARDING_LEAD)[0].startswith("every concern")
