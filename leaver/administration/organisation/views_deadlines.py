"""The organisation's deadlines and nation: a summary, and the form that changes them. For
the organisation's admins only (`administered_by`: 404 to everyone else)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from leaver.administration.access import administered_by
from leaver.administration.organisation import deadlines
from leaver.administration.organisation.forms import DeadlinesForm
from leaver.ui.pages import form_page, posted


@require_safe
@login_required
def deadline_list(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    return render(request, "administration/organisation/deadlines.html", {
        "organisation": organisation, "rows": deadlines.rows(organisation)})


@login_required
@require_http_methods(["GET", "POST"])
def deadlines_change(request: HttpRequest) -> HttpResponse:
    admin, organisation = administered_by(request)
    back = reverse("administration:organisation:deadlines")
    return form_page(
        request, "administration/organisation/deadlines_form.html", {
            "page_title": "Change deadlines", "caption": organisation.name,
            "back_url": back, "back_label": "Back to deadlines", "submit": "Save"},
        DeadlinesForm(posted(request), initial=deadlines.current(organisation)),
        lambda d: deadlines.change_deadlines(
            actor=admin, organisation=organisation, settings=deadlines.DeadlineSettings(**d)),
        "The deadlines are saved.", back)
