"""Which wording of the questions suits the young person: Welsh when their preferred language
is Welsh (queries.speaks_welsh, the one reader of the language choice), easy read when their
communication needs ask for it."""

from __future__ import annotations

import re

from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.queries import speaks_welsh

EASY_READ = re.compile(r"easy[\s-]*read", re.IGNORECASE)


def wants_easy_read(young_person: YoungPerson) -> bool:
    return bool(EASY_READ.search(young_person.communication_needs or ""))


def offered(young_person: YoungPerson) -> list[str]:
    """The wordings offered on the recording pages beyond English: "cy", "easy"."""
    return [w for w, yes in (("cy", speaks_welsh(young_person)),
                             ("easy", wants_easy_read(young_person))) if yes]


def language_and_easy_read(chosen: str, young_person: YoungPerson) -> tuple[str, bool]:
    """The chosen wording as the answering form takes it; a wording no longer offered (the
    case's details changed) falls back to English."""
    if chosen not in offered(young_person):
        return "en", False
    return ("cy", False) if chosen == "cy" else ("en", True)
