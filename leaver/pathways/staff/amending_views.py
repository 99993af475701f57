"""Amending the staff record: the amendment's page (the leaver's requests, the answers with
Change links, what changed so far, the reason) and its section pages. Thin: the actions are
leaver.pathways.staff.amending (and the kernel's leaver.cases.amending)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.cases import access, amending, engine, sections, versions
from leaver.cases import answers as case_answers
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview
from leaver.cases.version_rows import change_rows
from leaver.pathways.staff import amending as staff_amending
from leaver.pathways.staff import forms_interview as forms
from leaver.questionnaires.answering import words
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _amending(request: HttpRequest, public_id: uuid.UUID) -> Interview:
    case = access.get_case_for_user(_user(request), public_id)
    amending.check_may_amend(_user(request), case, staff_amending.transition_for(case),
                             staff_amending.agreed_by(case))
    return case


@login_required
@GET_POST
def amend(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = _amending(request, public_id)
    engine.record_event(user, case, CaseEvent.RECORD_VIEWED, amending=True)
    version = case_answers.questionnaire_version(case)
    questionnaire = version.questionnaire
    correcting = staff_amending.transition_for(case) == staff_amending.CORRECT
    latest = versions.current(case)
    return form_page(
        request, "staff/record_amend.html", {
            "case": case, "correcting": correcting,
            "requests": amending.open_requests(case).select_related("version"),
            "sections": sections.answer_sections(
                questionnaire, case_answers.saved(case, questionnaire)),
            "changes": change_rows(questionnaire, amending.pending_changes(case)),
            "latest": latest,
        }, forms.AmendForm(posted(request)),
        lambda d: staff_amending.amend(actor=user, case=case, reason=d["reason"]),
        "The corrected record is saved as a new version and sent to the leaver to check."
        if correcting else "The amendment is saved as a new version.",
        engine.record_url(case))


@login_required
@GET_POST
def amend_section(request: HttpRequest, public_id: uuid.UUID, section_key: str
                  ) -> HttpResponse:
    user = _user(request)
    case = _amending(request, public_id)
    version = case_answers.questionnaire_version(case)
    page = sections.section_page(case, version, section_key, posted(request))
    back = reverse("staff:record_amend", args=[case.public_id])
    return form_page(
        request, "staff/record_section.html", {
            "case": case, "section": page.section, "title": words(page.section.title, "en"),
            "intro": words(page.section.intro, "en"), "number": page.number,
            "count": len(page.keys), "came_from": "", "fields": page.fields,
            "back_url": back, "amending": True,
        }, page.form,
        lambda d: staff_amending.save_section(actor=user, case=case, section_key=section_key,
                                              answers=page.form.visible_answers),
        "Your changes are kept. Say why the record was changed to save them as a new version.",
        back)
