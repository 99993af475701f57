"""Every change an organisation admin makes to the people of their organisation, and the
invited person's own step of setting a password.

Each action is one transaction with its audit rows; it checks before it writes and refuses
with `ActionRefused` (nothing changed) in words for the admin. The caller has already found
the admin with `administered_by` and the person with `access.get_person_for_admin`; the
actions check again that both are in one organisation. Actions that could leave an
organisation without an admin lock the organisation's row first, so two admins acting at once
cannot both remove the other.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from leaver.accounts.emails import normalise_email
from leaver.accounts.models import User
from leaver.accounts.sessions import end_sessions_of
from leaver.accounts.two_factor import has_enrolled, reset_second_factor
from leaver.administration.events import UserAdminEvent
from leaver.administration.users import mail, queries
from leaver.administration.users.models import Closed, Invitation, InvitationState, hash_token
from leaver.audit.log import record
from leaver.core.errors import ActionRefused
from leaver.organisations.models import (
    SETTING_SCOPED_ROLES,
    Membership,
    Organisation,
    Role,
    Setting,
)

# Membership.description's max_length.
DESCRIPTION_MAX = 200
EMAIL_TAKEN = ("There is already an account with this email address. Check the address, or "
               "ask the person which email address they use for Leaver.")


@dataclass(frozen=True)
class Grant:
    """One role to give: a place for a Unit Manager or Headteacher, the independent flag for
    an interviewer, nothing else for the organisation-wide roles."""

    role: Role
    setting: Setting | None = None
    independent: bool = False
    # An interviewer's line a staff leaver reads when choosing who interviews them.
    description: str = ""


def _audit(actor: User | None, event: UserAdminEvent, person: User, **detail: Any) -> None:
    record(actor=actor, action=event, object_type="user", object_id=person.public_id,
           organisation_id=person.organisation_id, detail=detail)


def _organisation_of(actor: User, person: User | None = None) -> Organisation:
    """The admin's organisation, locked for the rest of the transaction."""
    if actor.organisation_id is None or (
            person is not None and person.organisation_id != actor.organisation_id):
        raise ActionRefused("This person is not in your organisation.")
    return Organisation.objects.select_for_update().get(pk=actor.organisation_id)


def _new_invitation(*, actor: User, person: User) -> Invitation:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    expires_at = now + dt.timedelta(days=settings.INVITATION_DAYS)
    invitation = Invitation.objects.create(user=person, invited_by=actor, created_at=now,
                                           token_hash=hash_token(token), expires_at=expires_at)
    assert person.organisation is not None
    mail.send_invitation(person=person, organisation_name=person.organisation.name,
                         token=token, expires_at=expires_at)
    return invitation


def _lock(person: User) -> User:
    """The person's row, locked: accepting an invitation locks it too, so a re-send or a
    cancel and the person setting their password happen one after the other."""
    return User.objects.select_for_update().get(pk=person.pk)


def _close(invitation: Invitation, because: Closed, by: User) -> bool:
    """Closes an open invitation; False if it was closed meanwhile (its link is single use)."""
    return Invitation.objects.filter(pk=invitation.pk, closed_at__isnull=True).update(
        closed_at=timezone.now(), closed_because=because, closed_by=by) == 1


def _check_grants(organisation: Organisation, grants: Sequence[Grant],
                  person: User | None = None) -> None:
    if not grants:
        raise ActionRefused("Choose at least one role.")
    for grant in grants:
        if grant.role in SETTING_SCOPED_ROLES:
            if grant.setting is None or not queries.places_for(
                    organisation, grant.role).filter(pk=grant.setting.pk).exists():
                raise ActionRefused(f"Choose where the {grant.role.label} works.")
        elif grant.setting is not None:
            raise ActionRefused(f"A {grant.role.label} is not tied to one place.")
        if grant.independent and grant.role != Role.INTERVIEWER:
            raise ActionRefused("Only an interviewer can be independent.")
        if grant.description.strip() and grant.role != Role.INTERVIEWER:
            raise ActionRefused("Only an interviewer has a description.")
        if len(grant.description.strip()) > DESCRIPTION_MAX:
            raise ActionRefused(f"The description must be {DESCRIPTION_MAX} characters or "
                                "fewer.")
        if person is not None and Membership.objects.filter(
                user=person, role=grant.role, setting=grant.setting).exists():
            where = f" for {grant.setting.name}" if grant.setting else ""
            raise ActionRefused(f"{person.full_name} is already {grant.role.label}{where}.")


def _give(actor: User, person: User, grants: Sequence[Grant]) -> None:
    for grant in grants:
        Membership.objects.create(user=person, role=grant.role, setting=grant.setting,
                                  is_independent=grant.independent,
                                  description=grant.description.strip())
        _audit(actor, UserAdminEvent.ROLE_GIVEN, person, role=grant.role.value,
               setting=str(grant.setting.public_id) if grant.setting else "",
               independent=grant.independent, described=bool(grant.description.strip()))


@transaction.atomic
def invite(*, actor: User, full_name: str, email: str, grants: Sequence[Grant]) -> User:
    """A new account that cannot sign in until its holder sets a password from the link."""
    organisation = _organisation_of(actor)
    full_name, email = full_name.strip(), normalise_email(email)
    if not full_name:
        raise ActionRefused("Enter the person's full name.")
    if not email:
        raise ActionRefused("Enter the person's email address.")
    if queries.email_taken(email):
        raise ActionRefused(EMAIL_TAKEN)
    _check_grants(organisation, grants)
    try:
        with transaction.atomic():
            person = User.objects.create_user(email, None, full_name=full_name,
                                              organisation=organisation, is_active=False)
    except IntegrityError:  # the same address, invited at the same moment
        raise ActionRefused(EMAIL_TAKEN) from None
    _give(actor, person, grants)
    invitation = _new_invitation(actor=actor, person=person)
    _audit(actor, UserAdminEvent.USER_INVITED, person, invitation=str(invitation.public_id))
    return person


def _refuse_unless_waiting(person: User) -> None:
    if queries.is_set_up(person):
        raise ActionRefused(f"{person.full_name} has already set a password: they need no "
                            "invitation.")


@transaction.atomic
def resend_invitation(*, actor: User, person: User) -> Invitation:
    """A new link; the old one, if still open, stops working."""
    _organisation_of(actor, person)
    person = _lock(person)
    _refuse_unless_waiting(person)
    old = queries.open_invitation(person)
    if old is not None:
        _close(old, Closed.REPLACED, actor)
    invitation = _new_invitation(actor=actor, person=person)
    _audit(actor, UserAdminEvent.INVITATION_RESENT, person,
           invitation=str(invitation.public_id))
    return invitation


@transaction.atomic
def cancel_invitation(*, actor: User, person: User) -> None:
    _organisation_of(actor, person)
    person = _lock(person)
    invitation = queries.open_invitation(person)
    if (invitation is None or invitation.state() != InvitationState.OPEN
            or not _close(invitation, Closed.CANCELLED, actor)):
        raise ActionRefused(f"{person.full_name} has no invitation waiting to be used.")
    _audit(actor, UserAdminEvent.INVITATION_CANCELLED, person,
           invitation=str(invitation.public_id))


@transaction.atomic
def accept_invitation(*, token: str, password: str) -> User:
    """The invited person sets their password: the account works from now on. They are not
    signed in here: sign-in (with its second factor) is a step of its own."""
    invitation = queries.invitation_by_token(token)
    if invitation is None or invitation.state() != InvitationState.OPEN:
        raise ActionRefused("This link no longer works.")
    person = _lock(invitation.user)
    try:
        password_validation.validate_password(password, person)
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from None
    if not _close(invitation, Closed.ACCEPTED, person):
        raise ActionRefused("This link no longer works.")
    person.set_password(password)
    person.is_active = True
    person.save(update_fields=["password", "is_active"])
    _audit(person, UserAdminEvent.INVITATION_ACCEPTED, person,
           invitation=str(invitation.public_id))
    return person


@transaction.atomic
def change_name(*, actor: User, person: User, full_name: str) -> User:
    _organisation_of(actor, person)
    full_name = full_name.strip()
    if not full_name:
        raise ActionRefused("Enter the person's full name.")
    person.full_name = full_name
    person.save(update_fields=["full_name"])
    _audit(actor, UserAdminEvent.NAME_CHANGED, person)
    return person


@transaction.atomic
def change_email(*, actor: User, person: User, email: str) -> User:
    """Only before the person has set a password (a mistyped address): a working account's
    address is how its holder signs in. A link already sent to the old address stops working
    and a new one goes to the new address."""
    _organisation_of(actor, person)
    person = _lock(person)
    _refuse_unless_waiting(person)
    email = normalise_email(email)
    if email == person.email:
        return person
    if queries.email_taken(email):
        raise ActionRefused(EMAIL_TAKEN)
    person.email = email
    try:
        with transaction.atomic():
            person.save(update_fields=["email"])
    except IntegrityError:
        raise ActionRefused(EMAIL_TAKEN) from None
    _audit(actor, UserAdminEvent.EMAIL_CHANGED, person)
    old = queries.open_invitation(person)
    if old is not None and old.state() == InvitationState.OPEN:
        _close(old, Closed.REPLACED, actor)
        invitation = _new_invitation(actor=actor, person=person)
        _audit(actor, UserAdminEvent.INVITATION_RESENT, person,
               invitation=str(invitation.public_id))
    return person


@transaction.atomic
def give_roles(*, actor: User, person: User, grants: Sequence[Grant]) -> User:
    organisation = _organisation_of(actor, person)
    _check_grants(organisation, grants, person)
    _give(actor, person, grants)
    return person


@transaction.atomic
def remove_role(*, actor: User, person: User, membership: Membership) -> User:
    organisation = _organisation_of(actor, person)
    if membership.user_id != person.pk:
        raise ActionRefused("This role is not this person's.")
    if (membership.role == Role.ORG_ADMIN and person.is_active
            and not queries.other_active_admins(organisation, besides=person)):
        raise ActionRefused("You cannot remove the last organisation admin: nobody could run "
                            "the organisation. Give the role to someone else first.")
    deleted, _ = Membership.objects.filter(pk=membership.pk).delete()
    if deleted:
        _audit(actor, UserAdminEvent.ROLE_REMOVED, person, role=membership.role,
               setting=str(membership.setting.public_id) if membership.setting else "")
    return person


@transaction.atomic
def switch_off(*, actor: User, person: User) -> User:
    """The account stops working at once: Django's ModelBackend gives no user for an
    inactive account, and every session of theirs is deleted as well, so switching the
    account back on never revives a session left open on some laptop."""
    organisation = _organisation_of(actor, person)
    if person.pk == actor.pk:
        raise ActionRefused("You cannot switch off your own account. Ask another "
                            "organisation admin.")
    person = _lock(person)
    if not queries.is_set_up(person):
        raise ActionRefused(f"{person.full_name} has not set a password yet: cancel the "
                            "invitation instead.")
    if not person.is_active:
        raise ActionRefused(f"{person.full_name}'s account is already switched off.")
    if (Role.ORG_ADMIN in _roles(person)
            and not queries.other_active_admins(organisation, besides=person)):
        raise ActionRefused("You cannot switch off the last organisation admin: nobody could "
                            "run the organisation.")
    person.is_active = False
    person.save(update_fields=["is_active"])
    _audit(actor, UserAdminEvent.SWITCHED_OFF, person, sessions_ended=end_sessions_of(person))
    return person


@transaction.atomic
def switch_on(*, actor: User, person: User) -> User:
    _organisation_of(actor, person)
    person = _lock(person)
    if not queries.is_set_up(person):
        raise ActionRefused(f"{person.full_name} has not set a password yet: send the "
                            "invitation again instead.")
    if person.is_active:
        raise ActionRefused(f"{person.full_name}'s account is already on.")
    person.is_active = True
    person.save(update_fields=["is_active"])
    _audit(actor, UserAdminEvent.SWITCHED_ON, person)
    return person


@transaction.atomic
def reset_two_factor(*, actor: User, person: User) -> User:
    """For someone who lost their phone and their recovery codes: their authenticator app and
    codes are forgotten and every session of theirs ends, so their next sign-in sets up
    two-factor sign-in again. Audited by the accounts app as `account.second_factor_reset`
    with the admin as the actor."""
    _organisation_of(actor, person)
    if person.pk == actor.pk:
        raise ActionRefused("You cannot reset your own two-factor sign-in. Ask another "
                            "organisation admin, or use one of your recovery codes.")
    person = _lock(person)
    if not has_enrolled(person):
        raise ActionRefused(f"{person.full_name} has not set up two-factor sign-in: there "
                            "is nothing to reset.")
    reset_second_factor(person, by=actor)
    return person


def _roles(person: User) -> set[str]:
    return set(Membership.objects.filter(user=person).values_list("role", flat=True))


def viewed(*, actor: User, person: User) -> None:
    """An admin opened one person's page: a read of an individual's account, audited."""
    _audit(actor, UserAdminEvent.USER_VIEWED, person)
