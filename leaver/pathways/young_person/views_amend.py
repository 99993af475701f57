"""Amending the young person's locked record with the IRO's agreement: the amendment's page
(the answers with Change links, what changed so far, the reason), its section pages, and the
comparison of two versions for those who may read the record. Thin: the actions are
leaver.pathways.young_person.amending (and the kernel's leaver.cases.amending)."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from leaver.accounts.models import User
from leaver.cases import access, amending, engine, sections, versions
from leaver.cases import answers as case_answers
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview
from leaver.cases.version_rows import change_rows
from leaver.core import limits
from leaver.pathways.young_person import amending as yp_amending
from leaver.questionnaires.answering import words
from leaver.ui.pages import form_page, posted
from leaver.ui.widgets import LimitedTextField

GET_POST = require_http_methods(["GET", "POST"])


class AmendForm(forms.Form):
    reason = LimitedTextField(
        label="Why was the record changed?", limit=limits.REASON, what="The reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone who can read the record will see this, with your name and the date.",
        error_messages={"required": "Say why the record was changed."})


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _amending(request: HttpRequest, public_id: uuid.UUID) -> Interview:
    case = access.get_case_for_user(_user(request), public_id)
    yp_amending.check_may_amend(_user(request), case)
    return case


@login_required
@GET_POST
def amend(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = _amending(request, public_id)
    engine.record_event(user, case, CaseEvent.RECORD_VIEWED, amending=True)
    questionnaire = case_answers.questionnaire_version(case).questionnaire
    return form_page(
        request, "young_person/record_amend.html", {
            "case": case, "latest": versions.current(case),
            "sections": sections.answer_sections(
                questionnaire, case_answers.saved(case, questionnaire)),
            "changes": change_rows(questionnaire, amending.pending_changes(case)),
        }, AmendForm(posted(request)),
        lambda d: yp_amending.amend(actor=user, case=case, reason=d["reason"]),
        "The amendment is saved as a new version.", engine.record_url(case))


@login_required
@GET_POST
def amend_section(request: HttpRequest, public_id: uuid.UUID, section_key: str
                  ) -> HttpResponse:
    user = _user(request)
    case = _amending(request, public_id)
    version = case_answers.questionnaire_version(case)
    page = sections.section_page(case, version, section_key, posted(request), faces=True)
    back = reverse("young_person:record_amend", args=[case.public_id])
    return form_page(
        request, "young_person/record_amend_section.html", {
            "case": case, "title": words(page.section.title, "en"),
            "intro": words(page.section.intro, "en"), "number": page.number,
            "count": len(page.keys), "fields": page.fields, "back_url": back,
        }, page.form,
        lambda d: yp_amending.save_section(actor=user, case=case, section_key=section_key,
                                           answers=page.form.visible_answers),
        "Your changes are kept. Say why the record was changed to save them as a new version.",
        back)


def _number(request: HttpRequest, name: str, default: int) -> int:
    if name not in request.GET:
        return default
    try:
        return int(request.GET[name])
    except ValueError:
        raise Http404("No such version.") from None


@require_safe
@login_required
def compare(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """What changed between two versions (?from=1&to=2), for those who may read the record."""
    user = _user(request)
    case = access.get_record_for_user(user, public_id)
    history = list(case.record_versions.select_related("made_by"))
    if len(history) < 2:
        raise Http404("There is only one version.")
    by_number = {v.number: v for v in history}
    numbers = sorted([_number(request, "from", history[-2].number),
                      _number(request, "to", history[-1].number)])
    if not set(numbers) <= set(by_number):
        raise Http404("No such version.")
    older, newer = by_number[numbers[0]], by_number[numbers[1]]
    engine.record_event(user, case, CaseEvent.RECORD_VIEWED,
                        compared=[older.number, newer.number])
    questionnaire = case.questionnaire_version.questionnaire \
        if case.questionnaire_version else None
    return render(request, "young_person/versions_compare.html", {
        "case": case, "older": older, "newer": newer,
        "rows": change_rows(questionnaire, versions.compare(older, newer)),
        "between": [v for v in history if older.number < v.number <= newer.number],
    })
