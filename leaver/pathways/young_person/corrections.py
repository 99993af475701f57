"""Who may correct which detail of a young person's case: the one table (issue 8).

Each correction is a transition of the pathway's definition (`correct_<key>`, keeping the
state), so the engine checks it, refuses in words that name who can make the change, and
writes one audit row with the old and new values. Corrections are possible while the case is
open (the move date also after a decline, which can be reopened until then); after that the
case is history.

Decisions, in plain words:
- The move itself (date, details about the young person, how to reach them) is known to the
  people who arranged it: the Unit Manager of the home, the allocated social worker and a
  Children's Services Manager.
- Which home the case is about is a question for the social worker or a CSM (a manager of one
  home cannot move a case to another).
- Who holds the case (the social worker, the IRO) is allocated by a CSM.
"""

from __future__ import annotations

from dataclasses import dataclass

from leaver.organisations.models import Role
from leaver.pathways.young_person.events import YoungPersonEvent as E

UM, SW, CSM = Role.UNIT_MANAGER, Role.SOCIAL_WORKER, Role.CSM


@dataclass(frozen=True)
class Correction:
    key: str
    label: str  # the summary list's row, and the page's "Change the …"
    fields: tuple[str, ...]  # YoungPerson fields (or "setting" on the case)
    event: E
    roles: frozenset[Role]
    # Also after a decline: a delayed move keeps the young person's chance to change their
    # mind (reopening is possible up to the planned move date).
    while_declined: bool = False


def _c(key: str, label: str, fields: tuple[str, ...], event: E, *roles: Role,
       while_declined: bool = False) -> Correction:
    return Correction(key, label, fields, event, frozenset(roles), while_declined)


CORRECTIONS: dict[str, Correction] = {c.key: c for c in (
    _c("move_date", "Planned move date", ("planned_move_date",), E.CORRECT_MOVE_DATE,
       UM, SW, CSM, while_declined=True),
    _c("setting", "Home or placement they are leaving", ("setting",), E.CORRECT_SETTING,
       SW, CSM),
    _c("social_worker", "Social worker", ("social_worker",), E.CORRECT_SOCIAL_WORKER, CSM),
    _c("iro", "Independent Reviewing Officer", ("allocated_iro",), E.CORRECT_IRO, CSM),
    _c("learning_disability", "Significant learning disability",
       ("significant_learning_disability",), E.CORRECT_LEARNING_DISABILITY, UM, SW, CSM),
    _c("language", "Preferred language", ("preferred_language", "other_language"),
       E.CORRECT_LANGUAGE, UM, SW, CSM),
    _c("communication_needs", "Communication needs", ("communication_needs",),
       E.CORRECT_COMMUNICATION_NEEDS, UM, SW, CSM),
    _c("contact", "Phone and email", ("phone", "email"), E.CORRECT_CONTACT, UM, SW, CSM),
    _c("address", "Postal address", ("address_line_1", "address_line_2", "town", "postcode"),
       E.CORRECT_ADDRESS, UM, SW, CSM),
)}


def transition_name(key: str) -> str:
    return f"correct_{key}"
