"""Who can see what, as tables in Markdown for docs/data-protection.md ("Who can see it"),
printed by `manage.py data_protection_tables`. Built from the same data the access helpers
decide by, so the document cannot drift from the code (a test compares the two):

- per pathway, from its definition (leaver.cases.engine.Definition), which
  leaver.cases.access, leaver.reviews.access and the contact-detail checks read: who sees every
  case (`oversight`), who only the cases they are connected to (`relations`), and the roles
  named as readers of the record, the contact details and the recommendations;
- across the organisation, from leaver.reports.access (the reports and the answers export) and
  the rules of leaver.safeguarding.access and leaver.administration.access.
"""

from __future__ import annotations

from collections.abc import Iterable

from leaver.cases import engine
from leaver.organisations.models import Role
from leaver.reports import access as report_access

NO = "—"
EVERY = "every case"


def _for(definition: engine.Definition, role: Role, readers: Iterable[Role]) -> str:
    """How a role reaches this part of a case: for every case, only through its relation to
    the case (as the pathway words it), or not at all."""
    if role not in set(readers):
        return NO
    if role in definition.relations:
        return f"as {definition.role_phrases.get(role, role.label)}"
    return EVERY


def _case_column(definition: engine.Definition, role: Role) -> str:
    if role in definition.oversight:
        return EVERY
    return _for(definition, role, definition.relations)


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def pathway_table(definition: engine.Definition) -> list[str]:
    columns = ["Role", "The case (name, place, dates, progress)", "The record (answers, notes)",
               "Contact details while open", "Contact details after closing",
               "Recommendations and letter"]
    lines = [_row(columns), _row(["---"] * len(columns))]
    for role in Role:
        cells = [
            _case_column(definition, role),
            _for(definition, role, definition.record_readers),
            _for(definition, role, definition.contact_readers),
            _for(definition, role, definition.contact_readers_after_closing),
            _for(definition, role, definition.recommendation_readers),
        ]
        if any(cell != NO for cell in cells):
            lines.append(_row([role.label, *cells]))
    return lines


def organisation_table() -> list[str]:
    columns = ["Role", "Safeguarding concerns", "Monitoring report (aggregates)",
               "Staff turnover report (aggregates)", "Export of closed answers (pseudonymous)",
               "Administration (people, settings, questionnaires)"]
    lines = [_row(columns), _row(["---"] * len(columns))]
    for role in Role:
        concerns = ("every concern, and patterns with their cases"
                    if role == Role.SAFEGUARDING_LEAD
                    else "patterns: the count and the place only" if role == Role.CSM
                    else "those they raised" if role in (Role.INTERVIEWER, Role.IRO) else NO)
        cells = [
            concerns,
            "whole organisation" if role in report_access.MONITORING_ROLES else NO,
            "their schools" if role in report_access.TURNOVER_ROLES else NO,
            "whole organisation" if role in report_access.ANSWERS_EXPORT_ROLES else NO,
            "their organisation" if role == Role.ORG_ADMIN else NO,
        ]
        if any(cell != NO for cell in cells):
            lines.append(_row([role.label, *cells]))
    return lines


def tables() -> str:
    """Every table, each under a heading, as they appear in docs/data-protection.md."""
    parts: list[str] = []
    for definition in sorted(engine.definitions(), key=lambda d: str(d.pathway)):
        label = dict(_pathway_labels()).get(definition.pathway, definition.pathway)
        parts += [f"#### {label}", "", *pathway_table(definition), ""]
    parts += ["#### Across the organisation", "", *organisation_table()]
    return "\n".join(parts) + "\n"


def _pathway_labels() -> list[tuple[str, str]]:
    from leaver.organisations.models import Pathway

    return [(str(value), str(label)) for value, label in Pathway.choices]
