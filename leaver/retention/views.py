"""Retention's pages, in the organisation settings area: the schedule, the cases due for
erasure in the next 30 days, cases on legal hold, and one case's retention with its hold and
erasure. For the organisation's admins only (access.py: 404 to everyone else)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from leaver.audit import log as audit
from leaver.organisations.models import Pathway
from leaver.retention import access, actions, queries, rules
from leaver.retention.erasing import erase_case
from leaver.retention.events import RetentionEvent
from leaver.retention.forms import (
    DeathForm,
    EraseForm,
    ReasonForm,
    StaffScheduleForm,
    YoungPersonScheduleForm,
)
from leaver.retention.models import Basis, Kind
from leaver.ui.keyset import kept_filters
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


@require_safe
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    _admin, organisation = access.admin_of(request)
    name = request.GET.get("name", "")
    return render(request, "retention/settings.html", {
        "organisation": organisation, "cards": queries.cards(organisation),
        "holds": queries.holds(organisation), "name": name,
        "found": queries.search(organisation, name), "searched": bool(name.strip())})


@login_required
@GET_POST
def schedule_change(request: HttpRequest, pathway: str) -> HttpResponse:
    admin, organisation = access.admin_of(request)
    if pathway not in Pathway.values:
        raise Http404("No such pathway.")
    saved = rules.schedule_for(organisation.pk, pathway)
    back = reverse("retention:settings")
    staff = pathway == Pathway.STAFF
    form = StaffScheduleForm(posted(request), initial={
        "years": saved.years, "unused_days": saved.unused_days}) if staff else \
        YoungPersonScheduleForm(posted(request), initial={
            "basis": saved.basis, "years": saved.years, "unused_days": saved.unused_days})
    return form_page(
        request, "retention/schedule_form.html", {
            "page_title": f"Retention: {queries.TITLES[Pathway(pathway)].lower()}",
            "caption": organisation.name, "back_url": back,
            "back_label": "Back to retention", "submit": "Save",
            "reasons": rules.REASONS, "staff": staff},
        form, lambda d: actions.change_schedule(
            actor=admin, organisation=organisation, pathway=pathway, now=timezone.now(),
            choices=actions.Choices(
                basis=d.get("basis", ""),
                years=d["years"] if d.get("years") is not None else saved.years,
                unused_days=d["unused_days"])),
        "The retention schedule is saved.", back)


@require_safe
@login_required
def due_list(request: HttpRequest) -> HttpResponse:
    admin, organisation = access.admin_of(request)
    today = timezone.localdate()
    page = queries.due_soon(organisation, today, request.GET)
    audit.record(actor=admin, action=RetentionEvent.DUE_LIST_VIEWED, object_type="organisation",
                 object_id=organisation.public_id, organisation_id=organisation.pk,
                 detail={"cases": [str(case.public_id) for case in page.items]})
    return render(request, "retention/due.html", {
        "organisation": organisation, "page": page, "cases": page.items,
        "until": today + queries.AHEAD, "query": kept_filters(request.GET)})


@require_safe
@login_required
def case_page(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    admin, organisation, case = access.case_for_admin(request, public_id)
    audit.record(actor=admin, action=RetentionEvent.CASE_VIEWED, object_type="interview",
                 object_id=case.public_id, organisation_id=organisation.pk)
    return render(request, "retention/case.html", {
        "organisation": organisation, "found": queries.case_retention(case),
        "shorter": Basis.SHORTER})


def _reason_page(request: HttpRequest, public_id: uuid.UUID, *, lifting: bool
                 ) -> HttpResponse:
    admin, organisation, case = access.case_for_admin(request, public_id)
    back = reverse("retention:case", args=[case.public_id])
    form = ReasonForm(
        posted(request),
        label="Why is the hold no longer needed?" if lifting else "Why must the case be kept?",
        hint="For example, the claim was settled on 3 March 2027." if lifting else
        "For example, a claim or an inquiry that needs the record. Only the organisation's "
        "admins read this.",
        required_message="Enter why the hold is no longer needed" if lifting else
        "Enter why the case must be kept")
    act = actions.lift_hold if lifting else actions.place_hold
    return form_page(
        request, "retention/reason_form.html", {
            "page_title": "Lift the legal hold" if lifting else "Place a legal hold",
            "caption": case.leaver_name, "back_url": back, "back_label": "Back to the case",
            "submit": "Lift the hold" if lifting else "Place the hold", "lifting": lifting,
            "organisation": organisation},
        form, lambda d: act(actor=admin, interview=case, reason=d["reason"],
                            now=timezone.now()),
        "The legal hold is lifted." if lifting else
        "The legal hold is in place: the case will not be erased until it is lifted.", back)


@login_required
@GET_POST
def hold_place(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _reason_page(request, public_id, lifting=False)


@login_required
@GET_POST
def hold_lift(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _reason_page(request, public_id, lifting=True)


@login_required
@GET_POST
def erase(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    admin, organisation, case = access.case_for_admin(request, public_id)
    back = reverse("retention:case", args=[case.public_id])
    form = EraseForm(
        posted(request), label="Why is the case being erased?",
        hint="For example, the person asked for their data to be erased and the law allows "
             "it. Only the organisation's admins read this.",
        required_message="Enter why the case is being erased")
    return form_page(
        request, "retention/erase.html", {
            "page_title": "Erase this case", "caption": case.leaver_name, "back_url": back,
            "back_label": "Back to the case", "found": queries.case_retention(case),
            "organisation": organisation},
        form, lambda d: erase_case(interview=case, kind=Kind.REQUEST, actor=admin,
                                   reason=d["reason"], now=timezone.now()),
        "The case is erased. What stays holds no personal data.", back)


@login_required
@GET_POST
def date_of_death(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    admin, organisation, case = access.case_for_admin(request, public_id)
    if case.pathway != Pathway.YOUNG_PERSON:
        raise Http404("Only a young person's case has a date of death.")
    back = reverse("retention:case", args=[case.public_id])
    return form_page(
        request, "retention/death_form.html", {
            "page_title": "Record the date of death", "caption": case.leaver_name,
            "back_url": back, "back_label": "Back to the case", "submit": "Save",
            "organisation": organisation},
        DeathForm(posted(request)),
        lambda d: actions.record_date_of_death(actor=admin, interview=case, day=d["day"],
                                               now=timezone.now()),
        "The date of death is recorded.", back)
