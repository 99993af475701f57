"""Users: the organisation's people, their invitations, roles and accounts. Organisation
admins only: everyone else gets 404 on every address here, whatever the method."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leaver.accounts.models import User
from leaver.accounts.two_factor import has_enrolled
from leaver.administration.access import administered_by
from leaver.administration.users import actions, queries
from leaver.administration.users.access import get_person_for_admin, get_role_for_admin
from leaver.administration.users.forms import EmailForm, InviteForm, NameForm, RolesForm
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Role
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])
View = Callable[..., HttpResponse]


def admin_page(view: View) -> View:
    """Signed in, then an organisation admin (else 404), then the person the address names,
    found in the admin's organisation only (else 404), and only then the method check: nobody
    can tell a POST-only address, or another organisation's person, from one that does not
    exist. The view gets the admin, and the person instead of their public id."""

    @login_required
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        admin, organisation = administered_by(request)
        if "public_id" in kwargs:
            kwargs["person"] = get_person_for_admin(organisation, kwargs.pop("public_id"))
        return view(request, admin, *args, **kwargs)

    return wrapper


def _page_of(person: User) -> str:
    return reverse("administration:users:person", args=[person.public_id])


@admin_page
@require_safe
def user_list(request: HttpRequest, admin: User) -> HttpResponse:
    assert admin.organisation is not None
    return render(request, "administration/users/list.html", {
        "organisation": admin.organisation, "people": queries.people_of(admin.organisation)})


@admin_page
@GET_POST
def invite(request: HttpRequest, admin: User) -> HttpResponse:
    assert admin.organisation is not None
    form = InviteForm(posted(request), organisation=admin.organisation)
    return form_page(
        request, "administration/users/invite.html", {}, form,
        lambda d: actions.invite(actor=admin, full_name=d["full_name"], email=d["email"],
                                 grants=form.grants()),
        f"The invitation is sent. Its link works for {settings.INVITATION_DAYS} days.",
        _page_of)


@admin_page
@require_safe
def person_page(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    actions.viewed(actor=admin, person=person)
    return render(request, "administration/users/person.html", {
        "person": queries.person(person), "is_self": person.pk == admin.pk,
        "two_factor_set_up": has_enrolled(person)})


@admin_page
@GET_POST
def change_name(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    form = NameForm(posted(request), initial={"full_name": person.full_name})
    return form_page(
        request, "administration/users/change.html",
        {"person": person, "heading": "Change the name", "field": form["full_name"]}, form,
        lambda d: actions.change_name(actor=admin, person=person, full_name=d["full_name"]),
        "The name is changed.", _page_of(person))


@admin_page
@GET_POST
def change_email(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    if queries.is_set_up(person):
        raise ActionRefused("An email address can be changed only until its holder has set a "
                            "password: it is how they sign in.", back_url=_page_of(person),
                            back_label=f"Back to {person.full_name}")
    form = EmailForm(posted(request), initial={"email": person.email}, current=person.email)
    return form_page(
        request, "administration/users/change.html",
        {"person": person, "heading": "Change the email address", "field": form["email"],
         "note": "If an invitation is waiting, its link stops working and a new one is sent "
                 "to the new address."}, form,
        lambda d: actions.change_email(actor=admin, person=person, email=d["email"]),
        "The email address is changed.", _page_of(person))


@admin_page
@GET_POST
def give_role(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    assert admin.organisation is not None
    form = RolesForm(posted(request), organisation=admin.organisation)
    return form_page(
        request, "administration/users/give_role.html", {"person": person}, form,
        lambda d: actions.give_roles(actor=admin, person=person, grants=form.grants()),
        "The role is given.", _page_of(person))


@admin_page
@GET_POST
def remove_role(request: HttpRequest, admin: User, person: User, role: str,
                setting_id: uuid.UUID | None = None) -> HttpResponse:
    membership = get_role_for_admin(person, role, setting_id)
    what = queries.role_words(membership)
    losing_own_admin = person.pk == admin.pk and role == Role.ORG_ADMIN
    return _confirm(
        request, person, lambda: actions.remove_role(actor=admin, person=person,
                                                    membership=membership),
        heading=f"Remove the role {what} from {person.full_name}?",
        warning=("You will no longer be able to run the organisation." if losing_own_admin
                 else f"{person.full_name} will no longer see or do what this role allows."),
        button="Remove the role", success=f"The role {what} is removed.",
        next_url=reverse("home") if losing_own_admin else _page_of(person))


@admin_page
@GET_POST
def switch_off(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    return _confirm(
        request, person, lambda: actions.switch_off(actor=admin, person=person),
        heading=f"Switch off {person.full_name}'s account?",
        warning="They will be signed out at once and cannot sign in until the account is "
                "switched back on. Their roles, cases and records stay as they are.",
        button="Switch off the account",
        success=f"{person.full_name}'s account is switched off.", next_url=_page_of(person))


@admin_page
@GET_POST
def switch_on(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    return _confirm(
        request, person, lambda: actions.switch_on(actor=admin, person=person),
        heading=f"Switch {person.full_name}'s account back on?", warning="",
        intro="They can sign in again with their password, with the roles they hold now.",
        button="Switch the account on",
        success=f"{person.full_name}'s account is on again.", next_url=_page_of(person))


@admin_page
@GET_POST
def reset_two_factor(request: HttpRequest, admin: User, person: User) -> HttpResponse:
    return _confirm(
        request, person, lambda: actions.reset_two_factor(actor=admin, person=person),
        heading=f"Reset {person.full_name}'s two-factor sign-in?",
        warning="Do this only when you are sure it is them asking, for example by phoning "
                "them on a number you already have. They will be signed out everywhere, and "
                "the next time they sign in they must set up an authenticator app again. "
                "Their recovery codes stop working.",
        button="Reset two-factor sign-in",
        success=f"{person.full_name}'s two-factor sign-in is reset. They set it up again "
                "when they next sign in.", next_url=_page_of(person))


@admin_page
@GET_POST
def cancel_invitation(request: HttpRequest, admin: User, person: User
                      ) -> HttpResponse:
    return _confirm(
        request, person, lambda: actions.cancel_invitation(actor=admin, person=person),
        heading=f"Cancel the invitation to {person.full_name}?",
        warning="The link in their email will stop working. You can send a new invitation "
                "later.",
        button="Cancel the invitation", success="The invitation is cancelled.",
        next_url=_page_of(person))


@admin_page
@require_POST
def resend_invitation(request: HttpRequest, admin: User, person: User
                      ) -> HttpResponse:
    actions.resend_invitation(actor=admin, person=person)
    messages.success(request, f"A new invitation is sent to {person.email}. The link in any "
                              "earlier email no longer works.")
    return redirect(_page_of(person))


def _confirm(request: HttpRequest, person: User, submit: Callable[[], Any], *, heading: str,
             warning: str, button: str, success: str, next_url: str, intro: str = ""
             ) -> HttpResponse:
    """A confirmation page: what will happen, a (warning) button, and a way back."""
    return form_page(
        request, "administration/users/confirm.html", {
            "person": person, "heading": heading, "warning": warning, "intro": intro,
            "button": button, "back_url": _page_of(person)},
        forms.Form(posted(request)), lambda _data: submit(), success, next_url)
