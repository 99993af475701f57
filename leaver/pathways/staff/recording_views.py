"""Recording the staff exit interview one section per page, checking and submitting it, then
sending it to the leaver to check or recording their signature in the room. Thin: parse, call
an action (leaver.pathways.staff.recording), render."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.cases import access, engine, sections, versions
from leaver.cases import answers as case_answers
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.pathways.staff import forms_interview as forms
from leaver.pathways.staff import recording
from leaver.questionnaires.answering import words
from leaver.questionnaires.models import Version
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _back(case: Interview) -> dict[str, str]:
    return {"back_url": engine.case_url(case), "back_label": "Back to the case"}


def _recording(request: HttpRequest, public_id: uuid.UUID) -> tuple[Interview, Version]:
    """The case and its questionnaire version, if the user may record the interview now."""
    case = access.get_case_for_user(_user(request), public_id)
    if hasattr(case, "record"):
        raise ActionRefused("This record was already submitted and locked. To change it, "
                            "amend it.", **_back(case))
    engine.check(_user(request), case, recording.SUBMIT)
    try:
        version = case_answers.questionnaire_version(case)
    except ActionRefused as error:
        raise ActionRefused(error.message, **_back(case)) from None
    return case, version


def section_url(case: Interview, key: str) -> str:
    return reverse("staff:record_section", args=[case.public_id, key])


@login_required
@GET_POST
def record_section(request: HttpRequest, public_id: uuid.UUID, section_key: str
                   ) -> HttpResponse:
    """One section of the staff questionnaire: "Save and continue" checks the shown required
    questions; "Save and come back later" keeps a draft with gaps."""
    user = _user(request)
    case, version = _recording(request, public_id)
    later = request.method == "POST" and "later" in request.POST
    page = sections.section_page(case, version, section_key, posted(request), later=later)
    came_from = request.GET.get("from") or request.POST.get("from")
    check_url = reverse("staff:record_check", args=[case.public_id])
    if later:
        next_url, message = engine.case_url(case), (
            "Your answers are saved as a draft. Carry on from the case page.")
    else:
        next_url = check_url if came_from == "check" or page.next_key is None else (
            section_url(case, page.next_key))
        message = f"Your answers to “{words(page.section.title, 'en')}” are saved."
    return form_page(
        request, "staff/record_section.html", {
            "case": case, "section": page.section, "title": words(page.section.title, "en"),
            "intro": words(page.section.intro, "en"), "number": page.number,
            "count": len(page.keys), "came_from": came_from, "fields": page.fields,
            "back_url": check_url if came_from == "check" else engine.case_url(case),
            "amending": False,
        }, page.form,
        lambda d: recording.save_section(actor=user, case=case, section_key=section_key,
                                         answers=page.form.visible_answers, done=not later),
        message, next_url)


@login_required
@GET_POST
def record_check(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Check your answers, with a Change link on each; submitting makes the record."""
    user = _user(request)
    case, version = _recording(request, public_id)
    questionnaire = version.questionnaire
    answers = case_answers.saved(case, questionnaire)
    done = set(sections.draft_of(case).sections_done)
    missing = [{"title": words(s.title, "en"), "url": section_url(case, s.key)}
               for s in questionnaire.sections if s.key not in done]
    return form_page(
        request, "staff/record_check.html", {
            "case": case, "sections": sections.answer_sections(questionnaire, answers),
            "missing": missing, "first_url": section_url(case, questionnaire.sections[0].key),
        }, forms.SubmitForm(posted(request)),
        lambda d: recording.submit_record(actor=user, case=case),
        "The record is saved and locked. Now send it to the leaver to check, or record their "
        "signature if they have read it with you.", engine.case_url(case))


@login_required
@GET_POST
def send_for_confirmation(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "send_for_confirmation")
    return form_page(
        request, "staff/record_send.html", {"case": case}, forms.SubmitForm(posted(request)),
        lambda d: recording.send_for_confirmation(actor=user, case=case),
        "The leaver has been emailed a link to check the record.", engine.case_url(case))


@login_required
@GET_POST
def signed_in_person(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "signed_in_person")
    version = versions.current(case)
    if version is None:
        return redirect(engine.case_url(case))
    return form_page(
        request, "staff/record_sign.html", {"case": case, "version": version},
        forms.SignForm(posted(request)),
        lambda d: recording.signed_in_person(actor=user, case=case,
                                             typed_name=d["typed_name"]),
        "The leaver's signature is recorded. The record is confirmed.", engine.case_url(case))
