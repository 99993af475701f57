"""Recording leavers: one at a time, or many from a CSV file (all or nothing)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.core.errors import ActionRefused
from leaver.pathways.staff import actions_leavers, forms, upload
from leaver.pathways.staff.reasons import reason_choices, staff_version
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    user: User = request.user  # type: ignore[assignment]
    if not actions_leavers.may_record(user):
        raise ActionRefused("Only a headteacher or an HR lead can record a leaver.")
    return user


@login_required
@GET_POST
def new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return form_page(
        request, "staff/new.html", {}, forms.LeaverForm(posted(request), user=user),
        lambda d: actions_leavers.record_leaver(actor=user, details=actions_leavers.LeaverDetails(
            name=d["leaver_name"], email=d["email"], job_role=d["job_role"],
            department=d["department"], line_manager=d["line_manager"],
            line_manager_name=d["line_manager_name"], school=d["school"],
            start_date=d["start_date"], leaving_date=d["leaving_date"],
            reason_code=d["reason_code"], language=d["language"])),
        "The leaver is recorded. Send them the offer of an exit interview when you are ready.",
        engine.case_url)


@login_required
@GET_POST
def upload_leavers(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = forms.UploadForm(posted(request), request.FILES or None)
    context = {
        "form": form, "columns": upload.COLUMNS, "max_rows": upload.MAX_ROWS,
        "reasons": reason_choices(staff_version(user.organisation_id or 0)),
        "schools": actions_leavers.schools_for(user),
    }
    if request.method != "POST":
        return render(request, "staff/upload.html", context)
    if form.is_valid():
        checked = upload.check(user, form.cleaned_data["file"].read())
        problems = checked.problems
        if not problems:
            try:
                made = actions_leavers.record_leavers(actor=user, rows=checked.rows)
            except ActionRefused as refused:
                problems = [refused.message]
            else:
                count = len(made)
                messages.success(request, f"{count} leaver{'s' if count != 1 else ''} "
                                 f"recorded. Send each the offer from their case page.")
                return redirect(reverse("staff:case_list"))
        for problem in problems:
            form.add_error(None, problem)
    return render(request, "staff/upload.html", context, status=400)
