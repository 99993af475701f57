"""The organisation settings area: its first page (a summary card per section) and the
letter details. Every page is for the organisation's admins only (`administered_by`: 404 to
everyone else), and every object is looked up inside their organisation (access.py)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from leaver.administration.access import administered_by
from leaver.administration.organisation import letters, queries
from leaver.administration.organisation.forms import LetterContactsForm, OrganisationDetailsForm
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


@require_safe
@login_required
def index(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    return render(request, "administration/organisation/index.html", {
        "organisation": organisation, "cards": queries.cards(organisation)})


@require_safe
@login_required
def letter_details(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    contacts = letters.letter_contacts_of(organisation)
    return render(request, "administration/organisation/letters.html", {
        "organisation": organisation, "contacts": contacts,
        "commissioner_contact": letters.commissioner_contact_printed(contacts),
        "commissioner_contact_is_default": not letters.own_commissioner_contact(contacts)})


@login_required
@GET_POST
def organisation_details(request: HttpRequest) -> HttpResponse:
    admin, organisation = administered_by(request)
    form = OrganisationDetailsForm(posted(request), initial={
        name: getattr(organisation, name) for name in (
            "address", "contact_email", "contact_phone", "data_protection_contact")})
    return form_page(
        request, "administration/organisation/form.html", {
            "page_title": "Address and contacts", "caption": organisation.name,
            "back_url": reverse("administration:organisation:letters"),
            "back_label": "Back to letter details", "submit": "Save"},
        form, lambda d: letters.change_organisation_details(
            actor=admin, organisation=organisation,
            details=letters.OrganisationDetails(**d)),
        "The address and contacts are saved.", reverse("administration:organisation:letters"))


@login_required
@GET_POST
def letter_contacts(request: HttpRequest) -> HttpResponse:
    admin, organisation = administered_by(request)
    contacts = letters.letter_contacts_of(organisation)
    form = LetterContactsForm(posted(request), initial={
        "advocacy": contacts.advocacy, "complaints": contacts.complaints,
        "commissioner": contacts.commissioner,
        "commissioner_contact": letters.own_commissioner_contact(contacts)})
    return form_page(
        request, "administration/organisation/form.html", {
            "page_title": "Who a young person can contact", "caption": organisation.name,
            "intro": "Printed at the end of every letter the IRO sends a young person.",
            "back_url": reverse("administration:organisation:letters"),
            "back_label": "Back to letter details", "submit": "Save"},
        form, lambda d: letters.change_letter_contacts(
            actor=admin, organisation=organisation, contacts=letters.Contacts(**d)),
        "The letter contacts are saved.", reverse("administration:organisation:letters"))
