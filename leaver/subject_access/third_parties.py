"""Other people's names in what would be released (issue 14: "third parties' names … are
listed for the admin to review before release"). Leaver knows three kinds of names: other
young people and staff leavers (the names on other cases), the people who use it (accounts)
and the homes, placements and schools. Each free-text value of the dossier is read word by
word and every run of words that is one of those names, ignoring case, is listed with where
it appears. Names written differently (a first name only, a nickname) are not found: the
admin still reads the export before releasing it, as the review page says."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation, Pathway, Setting
from leaver.subject_access.dossier import Dossier
from leaver.subject_access.subjects import Subject

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
LONGEST = 8  # words in the longest name looked for


@dataclass(frozen=True)
class ThirdParty:
    name: str
    kind: str
    places: tuple[str, ...]


def _key(text: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in WORD.findall(text))


def known_names(organisation: Organisation, subject: Subject) -> dict[tuple[str, ...],
                                                                      tuple[str, str]]:
    """Each name the organisation holds, as its words, with how to show it and whose it is;
    never the subject's own."""
    own = {_key(subject.name)}
    own_cases = {c.pk for c in subject.cases}
    names: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(name: str, kind: str) -> None:
        key = _key(name)
        if key and len(key) <= LONGEST and key not in own:
            names.setdefault(key, (name, kind))

    for name in Setting.objects.filter(organisation=organisation).values_list("name",
                                                                              flat=True):
        add(name, "Home, placement or school")
    users = User.objects.filter(organisation=organisation)
    if subject.user is not None:
        users = users.exclude(pk=subject.user.pk)
    for name in users.values_list("full_name", flat=True):
        add(name, "User of Leaver")
    cases = Interview.objects.filter(organisation=organisation).exclude(pk__in=own_cases)
    for name, pathway in cases.values_list("leaver_name", "pathway").distinct():
        add(name, "Another young person" if pathway == Pathway.YOUNG_PERSON
            else "Another member of staff who left")
    return names


def find(d: Dossier, organisation: Organisation, subject: Subject) -> list[ThirdParty]:
    """Every known name in the dossier's free text, with where it appears, by name."""
    names = known_names(organisation, subject)
    if not names:
        return []
    longest = max(len(k) for k in names)
    places: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for where, text in d.texts:
        words = _key(text)
        for start in range(len(words)):
            for size in range(1, min(longest, len(words) - start) + 1):
                key = words[start:start + size]
                if key in names and where not in places[key]:
                    places[key].append(where)
    found = [ThirdParty(names[k][0], names[k][1], tuple(v)) for k, v in places.items()]
    return sorted(found, key=lambda t: (t.name.casefold(), t.kind))

