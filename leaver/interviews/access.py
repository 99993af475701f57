"""Who may see an interview case and its record. The one place these rules live.

A view never filters by organisation itself: it asks these helpers, which return the
object or raise Http404 (never 403, so an id leaks nothing about what exists).
"""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from leaver.accounts.models import User
from leaver.interviews.models import Interview, RecordShare
from leaver.organisations import roles
from leaver.organisations.models import Role

# Roles that oversee every young person's case in their organisation.
_OVERSIGHT = {Role.CSM, Role.IRO}


def interviews_visible_to(user: User) -> QuerySet[Interview]:
    """The cases whose page this user may open."""
    if not user.is_authenticated or user.organisation_id is None:
        return Interview.objects.none()
    held = roles.roles_of(user)
    mine = Interview.objects.filter(organisation_id=user.organisation_id)
    if held & _OVERSIGHT:
        return mine
    condition = Q(pk__in=[])
    if Role.UNIT_MANAGER in held:
        condition |= Q(setting_id__in=roles.managed_setting_ids(user))
    if Role.SOCIAL_WORKER in held:
        condition |= Q(young_person__social_worker=user)
    if Role.INTERVIEWER in held:
        condition |= Q(interviewer=user)
    return mine.filter(condition)


def get_interview_for_user(user: User, public_id: uuid.UUID) -> Interview:
    try:
        return interviews_visible_to(user).select_related(
            "setting", "young_person", "interviewer", "young_person__social_worker"
        ).get(public_id=public_id)
    except Interview.DoesNotExist:
        raise Http404("No such case.") from None


def can_view_record(user: User, interview: Interview) -> bool:
    """The answers: the IRO, the interviewer who took them, and those it was shared with.
    Unit Managers never see answers (issue 3 §4); nor do others unless shared with them."""
    if not user.is_authenticated or user.organisation_id != interview.organisation_id:
        return False
    if not hasattr(interview, "record"):
        return False
    held = roles.roles_of(user)
    if Role.IRO in held:
        return True
    if Role.INTERVIEWER in held and interview.interviewer_id == user.pk:
        return True
    return RecordShare.objects.filter(interview=interview, user=user).exists()


def get_record_for_user(user: User, public_id: uuid.UUID) -> Interview:
    """The interview whose record the user may read; Http404 otherwise."""
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404("No such record.")
    try:
        interview = Interview.objects.select_related(
            "record", "setting", "young_person", "interviewer"
        ).get(public_id=public_id, organisation_id=user.organisation_id)
    except Interview.DoesNotExist:
        raise Http404("No such record.") from None
    if not can_view_record(user, interview):
        raise Http404("No such record.")
    return interview


def can_see_contact_details(user: User, interview: Interview) -> bool:
    """The young person's address is for those who arrange or write: the social worker,
    the home's managers, the CSM, the IRO (the letter) and the assigned interviewer."""
    from leaver.interviews.pathway import acts_as

    return any(acts_as(user, interview, role) for role in (
        Role.SOCIAL_WORKER, Role.UNIT_MANAGER, Role.CSM, Role.IRO, Role.INTERVIEWER,
    ))


def can_see_recommendations(user: User, interview: Interview) -> bool:
    """Recommendations go to the CSM and social worker (seed 002 §3) and the IRO."""
    from leaver.interviews.pathway import acts_as

    return any(acts_as(user, interview, role) for role in (
        Role.SOCIAL_WORKER, Role.CSM, Role.IRO,
    ))
