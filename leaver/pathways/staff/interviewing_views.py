"""Pages that arrange the staff exit interview: who interviews, and when and where.
Thin: parse, call an action (leaver.pathways.staff.interviewing), render."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.cases import access, engine
from leaver.organisations.models import Role
from leaver.pathways.staff import forms_interview as forms
from leaver.pathways.staff import interviewing
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
@GET_POST
def assign(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "assign_interviewer")
    candidates = interviewing.candidates(case)
    may_override = engine.acts_as(user, case, Role.HR_LEAD)
    chosen = case.interviewer or case.staff_leaver.preferred_interviewer
    form = forms.AssignForm(
        posted(request), people=[c.user for c in candidates], may_override=may_override,
        initial={"interviewer": chosen.public_id if chosen else None})
    return form_page(
        request, "staff/assign.html", {
            "case": case, "candidates": candidates, "may_override": may_override,
            "selected": str(form["interviewer"].value() or ""),
        }, form,
        lambda d: interviewing.assign_interviewer(
            actor=user, case=case, interviewer=d["interviewer"], override_reason=form.reason),
        "The interviewer is assigned and has been told.", engine.case_url(case))


@login_required
@GET_POST
def schedule(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "schedule")
    initial = {"scheduled_for": case.scheduled_for, "location": case.location}
    return form_page(
        request, "staff/schedule.html", {"case": case, "moving": case.scheduled_for is not None},
        forms.ScheduleForm(posted(request), initial=initial),
        lambda d: interviewing.schedule(actor=user, case=case, when=d["scheduled_for"],
                                        location=d["location"]),
        "The interview is arranged. The interviewer and the leaver have been sent a calendar "
        "invitation.", engine.case_url(case))
