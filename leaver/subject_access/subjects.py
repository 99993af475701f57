"""Who a subject access request is about, found in the admin's own organisation only.

Leaver has no register of people: a young person is the child of one or more cases (the same
name and date of birth: a second move is a second case), a staff leaver the member of staff of
one or more cases (the same email address), a user an account. `get_subject` is the one
access helper: it looks inside the given organisation only and raises Http404 otherwise."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.http import Http404

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation, Pathway
from leaver.subject_access.dossier import shown

MOST = 20  # results of each kind shown for a search; a longer query narrows it
SHORTEST = 2


class Kind(models.TextChoices):
    YOUNG_PERSON = "young_person", "Young person"
    STAFF_LEAVER = "staff_leaver", "Member of staff who left"
    USER = "user", "User of Leaver"


@dataclass
class Subject:
    kind: Kind
    public_id: uuid.UUID  # a case of theirs (young person, staff leaver) or the account
    name: str
    described: str  # what tells them apart: a date of birth, an email address
    cases: list[Interview] = field(default_factory=list)
    user: User | None = None


# A case erased in place (leaver.retention: its `erasure`) names nobody: every erased young
# person reads "Erased", born on 1 January, and every erased staff leaver has no email, so
# grouping by those would gather strangers' remains into one person's export.
def _young_people(organisation: Organisation) -> models.QuerySet[Interview]:
    return Interview.objects.filter(organisation=organisation, pathway=Pathway.YOUNG_PERSON,
                                    young_person__isnull=False, erasure__isnull=True
                                    ).select_related("young_person")


def _staff_leavers(organisation: Organisation) -> models.QuerySet[Interview]:
    return Interview.objects.filter(organisation=organisation, pathway=Pathway.STAFF,
                                    staff_leaver__isnull=False, erasure__isnull=True
                                    ).select_related("staff_leaver")


def get_subject(organisation: Organisation, kind: str, public_id: uuid.UUID) -> Subject:
    """The person, with every case that is about them; Http404 outside the organisation."""
    try:
        if kind == Kind.USER:
            user = User.objects.get(public_id=public_id, organisation=organisation)
            return Subject(Kind.USER, user.public_id, user.full_name, user.email, user=user)
        if kind == Kind.YOUNG_PERSON:
            case = _young_people(organisation).get(public_id=public_id)
            born = case.young_person.date_of_birth
            cases = _young_people(organisation).filter(
                leaver_name__iexact=case.leaver_name, young_person__date_of_birth=born)
            return Subject(Kind.YOUNG_PERSON, case.public_id, case.leaver_name,
                           f"born {shown(born)}", list(cases.order_by("created_at", "id")))
        if kind == Kind.STAFF_LEAVER:
            case = _staff_leavers(organisation).get(public_id=public_id)
            email = case.staff_leaver.email
            cases = _staff_leavers(organisation).filter(staff_leaver__email__iexact=email)
            return Subject(Kind.STAFF_LEAVER, case.public_id, case.leaver_name, email,
                           list(cases.order_by("created_at", "id")))
    except (Interview.DoesNotExist, User.DoesNotExist):
        pass
    raise Http404("No such person.")


def search(organisation: Organisation, text: str) -> list[Subject]:
    """People of the organisation whose name (or email address) contains `text`: each young
    person and member of staff once, however many cases they have."""
    text = text.strip()
    if len(text) < SHORTEST:
        return []
    found: dict[tuple[str, str, str], Subject] = {}
    for case in _young_people(organisation).filter(
            leaver_name__icontains=text).order_by("-created_at", "-id")[:MOST * 5]:
        born = f"born {shown(case.young_person.date_of_birth)}"
        key = (Kind.YOUNG_PERSON, case.leaver_name.lower(), born)
        found.setdefault(key, Subject(Kind.YOUNG_PERSON, case.public_id, case.leaver_name,
                                      born)).cases.append(case)
    for case in _staff_leavers(organisation).filter(
            Q(leaver_name__icontains=text) | Q(staff_leaver__email__icontains=text)
    ).order_by("-created_at", "-id")[:MOST * 5]:
        email = case.staff_leaver.email
        key = (Kind.STAFF_LEAVER, email.lower(), "")
        found.setdefault(key, Subject(Kind.STAFF_LEAVER, case.public_id, case.leaver_name,
                                      email)).cases.append(case)
    people = list(found.values())
    for user in User.objects.filter(organisation=organisation).filter(
            Q(full_name__icontains=text) | Q(email__icontains=text)).order_by(
            "full_name", "id")[:MOST]:
        people.append(Subject(Kind.USER, user.public_id, user.full_name, user.email,
                              user=user))
    kinds = list(Kind)
    people.sort(key=lambda s: (kinds.index(s.kind), s.name.lower()))
    return people
