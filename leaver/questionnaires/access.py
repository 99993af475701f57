"""Who may see and manage questionnaires: the organisation's admins, for their own only."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from leaver.accounts.models import User
from leaver.organisations import roles
from leaver.organisations.models import Role
from leaver.questionnaires.models import Template, Version


def templates_for(user: User) -> QuerySet[Template]:
    if not roles.has_role(user, Role.ORG_ADMIN):
        return Template.objects.none()
    return Template.objects.filter(organisation_id=user.organisation_id or 0)


def get_version_for_user(user: User, public_id: uuid.UUID) -> Version:
    try:
        return Version.objects.select_related("template").get(
            public_id=public_id, template__in=templates_for(user))
    except Version.DoesNotExist:
        raise Http404("No such questionnaire.") from None
