"""Who may run an organisation: the one access helper for every administration page."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from leaver.accounts.models import User
from leaver.organisations import roles
from leaver.organisations.models import Organisation, Role


def is_org_admin(user: User) -> bool:
    return (user.is_authenticated and user.is_active and user.organisation_id is not None
            and roles.has_role(user, Role.ORG_ADMIN))


def administered_by(request: HttpRequest) -> tuple[User, Organisation]:
    """The signed-in organisation admin and the organisation they run.

    Everyone else gets 404, not 403: the administration pages do not exist for them. Every
    object an admin page touches is then looked up inside this organisation only."""
    user: User = request.user  # type: ignore[assignment]
    if not is_org_admin(user):
        raise Http404("No such page.")
    assert user.organisation is not None
    return user, user.organisation
