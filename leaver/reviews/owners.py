"""Who a recommendation can be addressed to, and how the letter names them.

The people connected to the leaver come first (the pathway's `connected_roles`: for a young
person their social worker, the CSM, the home's managers), each with their role for this
case; anyone else in the organisation is found by a search. The letter names an owner by
that role ("The manager of Oak House"), never by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.organisations import roles
from leaver.organisations.models import Role

SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Candidate:
    user: User
    role: str  # how the page describes them


def connected_people(case: Interview) -> list[tuple[User, Role]]:
    """Each person connected to the case with the first connected role they hold for it."""
    found: list[tuple[User, Role]] = []
    seen: set[int] = set()
    for role in engine.definition_of(case).connected_roles:
        for user in roles.load_roles(
                roles.users_with_role(case.organisation_id, role).order_by("full_name")):
            if user.pk not in seen and engine.acts_as(user, case, role):
                seen.add(user.pk)
                found.append((user, role))
    return found


def connected_candidates(case: Interview) -> list[Candidate]:
    definition = engine.definition_of(case)
    return [Candidate(user, _capital(definition.phrase(role)))
            for user, role in connected_people(case)]


def search(case: Interview, query: str, *, exclude: set[int]) -> list[Candidate]:
    """Active people of the case's organisation whose name or email contains `query`."""
    query = query.strip()
    if len(query) < 2:
        return []
    people = User.objects.filter(
        Q(full_name__icontains=query) | Q(email__icontains=query),
        organisation_id=case.organisation_id, is_active=True,
    ).exclude(pk__in=exclude).order_by("full_name")[:SEARCH_LIMIT]
    return [Candidate(user, roles_in_words(user)) for user in people]


def roles_in_words(user: User) -> str:
    held = sorted(Role(r).label for r in roles.roles_of(user))
    return ", ".join(held) or "No role in Leaver"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# How the letter names an owner, by their role for this young person (English, Welsh).
_TITLES: dict[str, dict[Role, str]] = {
    "en": {
        Role.SOCIAL_WORKER: "Your social worker",
        Role.CSM: "The manager of children's services",
        Role.UNIT_MANAGER: "The manager of {setting}",
    },
    "cy": {
        Role.SOCIAL_WORKER: "Dy weithiwr cymdeithasol",
        Role.CSM: "Rheolwr y gwasanaethau plant",
        Role.UNIT_MANAGER: "Rheolwr {setting}",
    },
}
_SOMEONE = {"en": "Someone at {organisation}", "cy": "Rhywun yn {organisation}"}


def title_for_letter(owner: User, case: Interview, language: str) -> str:
    """"The manager of Oak House": the owner's role for this case, in the letter's language."""
    titles = _TITLES.get(language, _TITLES["en"])
    for role in engine.definition_of(case).connected_roles:
        if role in titles and engine.acts_as(owner, case, role):
            return titles[role].format(setting=case.setting.name)
    return _SOMEONE.get(language, _SOMEONE["en"]).format(organisation=case.organisation.name)
