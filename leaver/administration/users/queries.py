"""Reads for the users pages: who is in the organisation, in what state, holding what."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.users.models import (
    Closed,
    Invitation,
    InvitationState,
    hash_token,
)
from leaver.organisations import roles
from leaver.organisations.models import Membership, Organisation, Role, Setting, SettingKind
from leaver.organisations.queries import open_settings

# The places each setting-scoped role can be tied to.
PLACES_FOR = {
    Role.UNIT_MANAGER: (SettingKind.CHILDRENS_HOME, SettingKind.AGENCY_PLACEMENT),
    Role.HEADTEACHER: (SettingKind.SCHOOL,),
}


class UserStatus(models.TextChoices):
    """A person's account as the pages show it: worked out from the account and its
    invitations, not stored."""

    ACTIVE = "active", "Active"
    INVITED = "invited", "Invited"
    INVITATION_EXPIRED = "invitation_expired", "Invitation expired"
    INVITATION_CANCELLED = "invitation_cancelled", "Invitation cancelled"
    SWITCHED_OFF = "switched_off", "Switched off"


TAG_COLOURS = {
    UserStatus.ACTIVE: "green", UserStatus.INVITED: "blue",
    UserStatus.INVITATION_EXPIRED: "yellow", UserStatus.INVITATION_CANCELLED: "grey",
    UserStatus.SWITCHED_OFF: "red",
}


@dataclass(frozen=True)
class Person:
    user: User
    memberships: Sequence[Membership]
    invitation: Invitation | None  # the newest, if they were ever invited
    set_up: bool  # they have a password of their own (or were never invited)
    status: UserStatus

    @property
    def roles(self) -> list[tuple[str, Membership]]:
        """Each role in words, with the membership it is (for its remove link)."""
        return [(role_words(m), m) for m in self.memberships]

    @property
    def role_rows(self) -> list[RoleRow]:
        return [RoleRow(m) for m in self.memberships]

    @property
    def tag_colour(self) -> str:
        return TAG_COLOURS[self.status]

    @property
    def invitation_open(self) -> bool:
        return (self.invitation is not None
                and self.invitation.state() == InvitationState.OPEN)


@dataclass(frozen=True)
class RoleRow:
    """One role as a row of the person's summary list: the role, then what it covers."""

    membership: Membership

    @property
    def words(self) -> str:
        return role_words(self.membership)

    @property
    def role(self) -> str:
        if self.membership.role == Role.INTERVIEWER:
            return "Interviewer"
        return str(Role(self.membership.role).label)

    @property
    def covers(self) -> str:
        m = self.membership
        if m.setting is not None:
            return f"{m.setting.name} ({m.setting.get_kind_display().lower()})"
        if m.role == Role.INTERVIEWER:
            independence = ("Independent: not employed by or connected to the organisation"
                            if m.is_independent else "Not independent")
            return f"{independence}. {m.description}" if m.description else independence
        return "The whole organisation"


def _person(user: User, now: dt.datetime) -> Person:
    invitations: list[Invitation] = list(user.invitations.all())  # newest first
    memberships = sorted(user.memberships.all(), key=_role_order)
    set_up = not invitations or any(i.closed_because == Closed.ACCEPTED for i in invitations)
    latest = invitations[0] if invitations else None
    if user.is_active:
        status = UserStatus.ACTIVE
    elif set_up:
        status = UserStatus.SWITCHED_OFF
    else:
        assert latest is not None
        status = {
            InvitationState.OPEN: UserStatus.INVITED,
            InvitationState.CANCELLED: UserStatus.INVITATION_CANCELLED,
        }.get(latest.state(now), UserStatus.INVITATION_EXPIRED)
    return Person(user=user, memberships=memberships, invitation=latest, set_up=set_up,
                  status=status)


def _role_order(membership: Membership) -> tuple[int, str]:
    return (Role.values.index(membership.role),
            membership.setting.name if membership.setting else "")


def _with_details(users: QuerySet[User]) -> QuerySet[User]:
    return users.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("setting")),
        Prefetch("invitations", queryset=Invitation.objects.select_related("invited_by")),
    )


def people_of(organisation: Organisation) -> list[Person]:
    now = timezone.now()
    users = _with_details(User.objects.filter(organisation=organisation).order_by(
        "full_name", "email"))
    return [_person(user, now) for user in users]


def person(user: User) -> Person:
    return _person(_with_details(User.objects.filter(pk=user.pk)).get(), timezone.now())


def is_set_up(user: User) -> bool:
    invitations = Invitation.objects.filter(user=user)
    return not invitations.exists() or invitations.filter(closed_because=Closed.ACCEPTED).exists()


def open_invitation(user: User) -> Invitation | None:
    return Invitation.objects.filter(user=user, closed_at__isnull=True).first()


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link's token belongs to, found by its hash. None if there is none."""
    if not token:
        return None
    return (Invitation.objects.select_related("user", "user__organisation", "invited_by")
            .filter(token_hash=hash_token(token)).first())


def places_for(organisation: Organisation, role: Role) -> QuerySet[Setting]:
    """The open places a role can be tied to: a closed home is never offered (or accepted)."""
    return open_settings(organisation.pk, PLACES_FOR[role])


def other_active_admins(organisation: Organisation, besides: User) -> bool:
    """Whether anyone but `besides` can still run the organisation."""
    return roles.users_with_role(organisation.pk, Role.ORG_ADMIN).exclude(pk=besides.pk).exists()


def email_taken(email: str) -> bool:
    """Whether any account, in any organisation, already has this (normalised) address."""
    return User.objects.filter(email=email).exists()


def role_words(membership: Membership) -> str:
    """A role as the pages name it: "Unit Manager (Oak House)", "Independent interviewer"."""
    if membership.role == Role.INTERVIEWER:
        return "Independent interviewer" if membership.is_independent else "Interviewer"
    label = Role(membership.role).label
    return f"{label} ({membership.setting.name})" if membership.setting else str(label)
