"""Who may read a concern, raise one, see a pattern, or change the safeguarding settings: the
one place these rules live. Helpers return the object or raise Http404 (never 403: an id
leaks nothing about what exists).

* A concern and its notes: the safeguarding leads of its organisation, and whoever raised it.
  Nobody else, whatever else they may see of the case: the case page shows only that a
  concern exists and its status (leaver.cases.concerns).
* Raising one by hand: the case's assigned interviewer at any moment, and the young person's
  IRO once they can read the record.
* A pattern at one place: the safeguarding leads (with the cases) and the CSMs (the count
  and the place only).
* The settings: the organisation's admins (as leaver.administration.access, which this layer
  may not import: administration and safeguarding are independent siblings).
"""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from leaver.accounts.models import User
from leaver.cases import access as case_access
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.organisations import roles
from leaver.organisations.models import Organisation, Role
from leaver.safeguarding.models import Concern, Pattern
from leaver.safeguarding.workflow import is_lead


def concerns_visible_to(user: User) -> QuerySet[Concern]:
    if not user.is_authenticated or not user.is_active or user.organisation_id is None:
        return Concern.objects.none()
    mine = Concern.objects.filter(organisation_id=user.organisation_id)
    return mine if is_lead(user, user.organisation_id) else mine.filter(raised_by=user)


def get_concern_for_user(user: User, public_id: uuid.UUID) -> Concern:
    try:
        return concerns_visible_to(user).select_related(
            "interview", "setting", "raised_by", "acknowledged_by", "closed_by",
        ).get(public_id=public_id)
    except Concern.DoesNotExist:
        raise Http404("No such concern.") from None


def can_read(user: User, concern: Concern) -> bool:
    return concerns_visible_to(user).filter(pk=concern.pk).exists()


def may_raise(user: User, case: Interview) -> bool:
    if engine.acts_as(user, case, Role.INTERVIEWER):
        return True
    return engine.acts_as(user, case, Role.IRO) and case_access.can_view_record(user, case)


def get_case_to_raise(user: User, public_id: uuid.UUID) -> Interview:
    """The case this user may raise a concern about; 404 for anyone else."""
    case = case_access.get_case_for_user(user, public_id)
    if not may_raise(user, case):
        raise Http404("No such page.")
    return case


def is_lead_here(user: User) -> bool:
    return user.organisation_id is not None and is_lead(user, user.organisation_id)


def get_pattern_for_user(user: User, public_id: uuid.UUID) -> tuple[Pattern, bool]:
    """The pattern, and whether this user may see its cases (a lead) or only its count (a
    CSM); 404 for everyone else."""
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404("No such pattern.")
    lead = is_lead_here(user)
    if not (lead or Role.CSM in roles.roles_of(user)):
        raise Http404("No such pattern.")
    try:
        pattern = Pattern.objects.select_related("setting").get(
            public_id=public_id, organisation_id=user.organisation_id)
    except Pattern.DoesNotExist:
        raise Http404("No such pattern.") from None
    return pattern, lead


def leads_only(request: HttpRequest) -> User:
    """The signed-in safeguarding lead; 404 for everyone else."""
    user: User = request.user  # type: ignore[assignment]
    if not is_lead_here(user):
        raise Http404("No such page.")
    return user


def administered_by(request: HttpRequest) -> tuple[User, Organisation]:
    """The signed-in organisation admin and their organisation; 404 for everyone else."""
    user: User = request.user  # type: ignore[assignment]
    if not (user.is_authenticated and user.is_active and user.organisation is not None
            and roles.has_role(user, Role.ORG_ADMIN)):
        raise Http404("No such page.")
    return user, user.organisation
