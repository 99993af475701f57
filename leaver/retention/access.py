"""The one access helper for retention's pages: only an organisation admin, and only cases of
their own organisation (404 to everyone else, so an id leaks nothing)."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest

from leaver.accounts.models import User
from leaver.administration.access import administered_by
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation


def admin_of(request: HttpRequest) -> tuple[User, Organisation]:
    return administered_by(request)


def case_for_admin(request: HttpRequest, public_id: uuid.UUID
                   ) -> tuple[User, Organisation, Interview]:
    admin, organisation = administered_by(request)
    case = Interview.objects.select_related("setting", "young_person", "staff_leaver").filter(
        organisation=organisation, public_id=public_id).first()
    if case is None:
        raise Http404("No such case.")
    return admin, organisation, case
