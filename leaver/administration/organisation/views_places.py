"""Pages for the organisation's places: the list, add, rename, close and reopen."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from leaver.administration.access import administered_by
from leaver.administration.organisation import places, queries
from leaver.administration.organisation.access import get_setting
from leaver.administration.organisation.forms import ChangePlaceForm, Confirm, PlaceForm
from leaver.administration.organisation.views import GET_POST
from leaver.core.errors import ActionRefused
from leaver.organisations.models import SettingKind
from leaver.ui.pages import form_page, posted

LIST = "administration:organisation:places"


@require_safe
@login_required
def place_list(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    return render(request, "administration/organisation/places.html", {
        "organisation": organisation, "places": queries.places(organisation)})


@login_required
@GET_POST
def place_add(request: HttpRequest) -> HttpResponse:
    admin, organisation = administered_by(request)
    return form_page(
        request, "administration/organisation/place_add.html",
        {"page_title": "Add a place", "caption": organisation.name,
         "agency": SettingKind.AGENCY_PLACEMENT.value},
        PlaceForm(posted(request)),
        lambda d: places.add_setting(actor=admin, organisation=organisation, **d),
        "The place is added.", reverse(LIST))


@login_required
@GET_POST
def place_change(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    admin, organisation = administered_by(request)
    setting = get_setting(organisation, public_id)
    agency = setting.kind == SettingKind.AGENCY_PLACEMENT
    form = ChangePlaceForm(posted(request), agency=agency, initial={
        "name": setting.name, "provider_name": setting.provider_name})
    return form_page(
        request, "administration/organisation/form.html", {
            "page_title": f"Rename {setting.name}", "caption": setting.get_kind_display(),
            "back_url": reverse(LIST), "back_label": "Back to homes, placements and schools",
            "submit": "Save"},
        form, lambda d: places.change_setting(
            actor=admin, setting=setting, name=d["name"],
            provider_name=d.get("provider_name", "")),
        "The place is saved.", reverse(LIST))


def _confirm(request: HttpRequest, public_id: uuid.UUID, *, closing: bool) -> HttpResponse:
    admin, organisation = administered_by(request)
    setting = get_setting(organisation, public_id)
    if setting.is_open != closing:
        raise ActionRefused(f"{setting.name} is {'closed' if closing else 'open'} already.",
                            back_url=reverse(LIST),
                            back_label="Back to homes, placements and schools")
    cases, still_open = queries.case_counts(setting)
    act = places.close_setting if closing else places.reopen_setting
    done = (f"{setting.name} is closed. Its cases stay as they are." if closing
            else f"{setting.name} is open again.")
    return form_page(
        request, "administration/organisation/place_close.html", {
            "setting": setting, "closing": closing, "cases": cases, "still_open": still_open,
            "page_title": f"{'Close' if closing else 'Reopen'} {setting.name}",
            "caption": setting.get_kind_display()},
        Confirm(posted(request)),
        lambda _d: act(actor=admin, setting=setting), done, reverse(LIST))


@login_required
@GET_POST
def place_close(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _confirm(request, public_id, closing=True)


@login_required
@GET_POST
def place_reopen(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _confirm(request, public_id, closing=False)
