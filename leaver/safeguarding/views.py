"""Safeguarding pages: the leads' list of concerns, one concern (for the leads and whoever
raised it), its acknowledgement, outcome and notes, raising one by hand, and a pattern. Thin:
ask access.py, call an action or a query, render. Every read is audited."""

from __future__ import annotations

import uuid

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.cases import engine
from leaver.core.errors import ActionRefused
from leaver.safeguarding import access, actions, config, forms, patterns, queries, raising
from leaver.safeguarding import workflow as flow
from leaver.safeguarding.events import SafeguardingEvent
from leaver.safeguarding.models import Concern, Outcome
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _page(concern: Concern) -> str:
    return reverse("safeguarding:concern", args=[concern.public_id])


@require_safe
@login_required
def concern_list(request: HttpRequest) -> HttpResponse:
    user = access.leads_only(request)
    assert user.organisation is not None
    organisation = user.organisation
    open_ = list(queries.open_concerns(organisation.pk))
    audit.record(actor=user, action=SafeguardingEvent.LIST_VIEWED, object_type="organisation",
                 object_id=organisation.public_id, organisation_id=organisation.pk,
                 detail={"open": len(open_)})
    now = timezone.now()
    return render(request, "safeguarding/list.html", {
        "open": [{"concern": c, "todo": queries.todo(c, now),
                  "overdue": c.status == "raised" and now > c.acknowledge_by} for c in open_],
        "closed": queries.recently_closed(organisation.pk),
        "patterns": patterns.recent(organisation.pk, now),
    })


@require_safe
@login_required
def concern(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_concern_for_user(user, public_id)
    flow.record_event(user, found, SafeguardingEvent.VIEWED)
    return render(request, "safeguarding/concern.html", {
        "concern": found, "status": queries.status_words(found),
        "triggers": found.triggers.all(), "notes": found.notes.select_related("written_by"),
        "phone": config.settings_for(found.organisation_id).out_of_hours_phone,
        "may_acknowledge": flow.may(user, found, "acknowledge"),
        "may_outcome": flow.may(user, found, "draft_outcome"),
        "may_note": flow.may(user, found, "add_note"),
        "is_lead": flow.is_lead(user, found.organisation_id),
        "list_url": reverse("safeguarding:list"),
    })


@require_POST
@login_required
def acknowledge(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_concern_for_user(user, public_id)
    actions.acknowledge(actor=user, concern=found)
    messages.success(request, "You have acknowledged the concern. Escalation has stopped. "
                              "Record the outcome when you know it.")
    return redirect(_page(found))


def _outcome_context(found: Concern, heading: str) -> dict[str, object]:
    return {"concern": found, "heading": heading, "button": "Continue",
            "back_url": _page(found), "back_label": "Back to the concern"}


def _check_url(found: Concern) -> str:
    return reverse("safeguarding:outcome_check", args=[found.public_id])


CHECK_THEN_CLOSE = "Check the outcome, then close the concern."


@login_required
@GET_POST
def outcome_referral(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_concern_for_user(user, public_id)
    flow.check(user, found, "draft_outcome")
    initial = ({"referred_to": found.referred_to, "reference": found.reference,
                "referred_on": found.referred_on} if found.outcome == Outcome.REFERRAL else {})
    return form_page(
        request, "safeguarding/form.html", _outcome_context(found, "Referral made"),
        forms.ReferralForm(posted(request), initial=initial),
        lambda d: actions.draft_referral(actor=user, concern=found,
                                         referral=actions.Referral(**d)),
        CHECK_THEN_CLOSE, _check_url(found))


@login_required
@GET_POST
def outcome_no_further_action(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_concern_for_user(user, public_id)
    flow.check(user, found, "draft_outcome")
    return form_page(
        request, "safeguarding/form.html", _outcome_context(found, "No further action"),
        forms.NoFurtherActionForm(posted(request), initial={"reason": found.no_action_reason}),
        lambda d: actions.draft_no_further_action(actor=user, concern=found,
                                                  reason=d["reason"]),
        CHECK_THEN_CLOSE, _check_url(found))


@login_required
@GET_POST
def outcome_check(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Check the outcome with Change links, then close the concern (it cannot be reopened)."""
    user = _user(request)
    found = access.get_concern_for_user(user, public_id)
    flow.check(user, found, "draft_outcome")
    if not found.outcome:
        raise ActionRefused("Record the outcome first.", back_url=_page(found),
                            back_label="Back to the concern")
    return form_page(
        request, "safeguarding/outcome_check.html", {"concern": found},
        django_forms.Form(posted(request)),
        lambda d: actions.close(actor=user, concern=found),
        "The concern is closed with its outcome.", _page(found))


@login_required
@GET_POST
def add_note(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_concern_for_user(user, public_id)
    flow.check(user, found, "add_note")
    return form_page(
        request, "safeguarding/form.html", {
            "concern": found, "heading": "Add a note to the concern", "button": "Save the note",
            "back_url": _page(found), "back_label": "Back to the concern"},
        forms.NoteForm(posted(request)),
        lambda d: actions.add_note(actor=user, concern=found, text=d["text"]),
        "The note is saved.", _page(found))


@login_required
@GET_POST
def raise_concern(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """"Raise a safeguarding concern": the interviewer at any moment, the IRO with the record."""
    user = _user(request)
    case = access.get_case_to_raise(user, public_id)
    told = queries.receivers(case.organisation_id)
    return form_page(
        request, "safeguarding/raise.html", {
            "interview": case, "case_url": engine.case_url(case), "receivers": told,
            "phone": config.settings_for(case.organisation_id).out_of_hours_phone},
        forms.RaiseForm(posted(request)),
        lambda d: raising.raise_by_hand(actor=user, case=case, disclosure=raising.Disclosure(
            note=d["note"], words=d["words"], said_at=d["said_at"])),
        f"The safeguarding concern is raised and {told.words} have been told.",
        _page)


@require_safe
@login_required
def pattern(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found, lead = access.get_pattern_for_user(user, public_id)
    audit.record(actor=user, action=SafeguardingEvent.PATTERN_VIEWED, object_type="setting",
                 object_id=found.setting.public_id, organisation_id=found.organisation_id,
                 detail={"pattern": str(found.public_id)})
    return render(request, "safeguarding/pattern.html", {
        "pattern": found, "lead": lead,
        "concerns": found.concerns.select_related("interview").order_by("raised_at")
        if lead else []})
