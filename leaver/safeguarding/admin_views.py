"""The "Safeguarding" section of the organisation settings area (its card is on the area's
first page, leaver.administration.organisation.queries.SECTIONS): the out-of-hours number, the
time to acknowledge a concern, what makes a pattern, and which leads are deputies. For the
organisation's admins only (access.administered_by: 404 to everyone else)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from leaver.safeguarding import access, config, queries
from leaver.safeguarding.forms import SettingsForm
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


@require_safe
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    _admin, organisation = access.administered_by(request)
    return render(request, "safeguarding/settings.html", {
        "organisation": organisation, "rows": queries.settings_summary(organisation.pk),
        "deputies": [lead for lead in config.leads(organisation.pk)
                     if lead.pk in config.deputy_ids(organisation.pk)]})


@login_required
@GET_POST
def settings_change(request: HttpRequest) -> HttpResponse:
    admin, organisation = access.administered_by(request)
    found = config.settings_for(organisation.pk)
    leads = config.leads(organisation.pk)
    form = SettingsForm(posted(request), leads=leads, initial={
        "out_of_hours_phone": found.out_of_hours_phone,
        "acknowledge_hours": found.acknowledge_hours, "pattern_count": found.pattern_count,
        "pattern_months": found.pattern_months,
        "deputies": list(config.deputy_ids(organisation.pk))})
    back = reverse("safeguarding:settings")
    return form_page(
        request, "safeguarding/settings_form.html", {
            "organisation": organisation, "back_url": back, "has_leads": leads.exists()},
        form, lambda d: config.change_settings(
            actor=admin, organisation=organisation, choices=config.Choices(
                out_of_hours_phone=d["out_of_hours_phone"],
                acknowledge_hours=d["acknowledge_hours"], pattern_count=d["pattern_count"],
                pattern_months=d["pattern_months"], deputies=list(d["deputies"]))),
        "The safeguarding settings are saved.", back)
