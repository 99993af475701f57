"""Who may see a case and its record. The one place these rules live, for every pathway.

A view never filters by organisation itself: it asks these helpers, which return the object
or raise Http404 (never 403, so an id leaks nothing about what exists). The rules come from
each pathway's definition (who oversees every case, how a role relates to one case), so the
helpers never ask which pathway a case is on.
"""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview, RecordShare
from leaver.organisations import roles


def cases_visible_to(user: User) -> QuerySet[Interview]:
    """The cases whose page this user may open."""
    if not user.is_authenticated or user.organisation_id is None:
        return Interview.objects.none()
    held = roles.roles_of(user)
    condition = Q(pk__in=[])
    for definition in engine.definitions():
        if held & definition.oversight:
            condition |= Q(pathway=definition.pathway)
            continue
        related = Q(pk__in=[])
        for role, relation in definition.relations.items():
            if role in held:
                related |= relation.cases(user)
        condition |= Q(pathway=definition.pathway) & related
    return Interview.objects.filter(organisation_id=user.organisation_id).filter(condition)


def may_list_cases(user: User, pathway: str) -> bool:
    """Whether the user holds a role that sees cases of this pathway (the list pages): not
    those who see only aggregate reports, such as senior managers and governors, who get a
    refusal rather than an empty list."""
    if not user.is_authenticated or user.organisation_id is None:
        return False
    definition = engine.definition_named(pathway)
    return bool(roles.roles_of(user) & (definition.oversight | set(definition.relations)))


def get_case_for_user(user: User, public_id: uuid.UUID) -> Interview:
    try:
        return cases_visible_to(user).select_related(
            "setting", "interviewer").get(public_id=public_id)
    except Interview.DoesNotExist:
        raise Http404("No such case.") from None


def can_open_case(user: User, case: Interview) -> bool:
    return cases_visible_to(user).filter(pk=case.pk).exists()


def can_view_record(user: User, case: Interview) -> bool:
    """The answers: the pathway's record readers (acting for this case) and those the record
    was shared with. Nobody else, whatever else they may see of the case."""
    if not user.is_authenticated or user.organisation_id != case.organisation_id:
        return False
    if not hasattr(case, "record"):
        return False
    if engine.acts_as_any(user, case, engine.definition_of(case).record_readers):
        return True
    return RecordShare.objects.filter(interview=case, user=user).exists()


def get_record_for_user(user: User, public_id: uuid.UUID) -> Interview:
    """The case whose record the user may read; Http404 otherwise."""
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404("No such record.")
    try:
        case = Interview.objects.select_related(
            "record", "setting", "interviewer"
        ).get(public_id=public_id, organisation_id=user.organisation_id)
    except Interview.DoesNotExist:
        raise Http404("No such record.") from None
    if not can_view_record(user, case):
        raise Http404("No such record.")
    return case


def can_see_contact_details(user: User, case: Interview) -> bool:
    """The leaver's address, phone and email: those who arrange or write while the case is
    open; once it has ended, only the pathway's readers after closing."""
    definition = engine.definition_of(case)
    readers = (definition.contact_readers_after_closing if case.state in definition.terminal
               else definition.contact_readers)
    return engine.acts_as_any(user, case, readers)
