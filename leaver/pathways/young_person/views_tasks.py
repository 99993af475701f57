"""The record as a task list: the list itself, when and how the interview was held, the pages
for complaints and advocacy, agreement and circulation, the wording switch and the draft read
back. Thin: parse, call an action or a query, render."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from leaver.cases import answers as case_answers
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import forms_record, recording_parts, tasks, wording
from leaver.pathways.young_person.tasks import task_groups, wording_context
from leaver.pathways.young_person.views_record import (
    GET_POST,
    _answer_sections,
    _recording,
    _user,
)
from leaver.ui.pages import form_page, posted


def _check_url(interview: Interview) -> str:
    return reverse("young_person:record_check", args=[interview.public_id])


def _tasks_url(interview: Interview) -> str:
    return reverse("young_person:record_new", args=[interview.public_id])


def after_saving(request: HttpRequest, interview: Interview) -> str:
    """Back to "check your answers" when the page was opened from there, else the list."""
    came_from = request.GET.get("from") or request.POST.get("from")
    return _check_url(interview) if came_from == "check" else _tasks_url(interview)


@require_safe
@login_required
def task_list(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    interview, _version = _recording(request, public_id)
    groups = task_groups(interview)
    first = tasks.first_unfinished(groups)
    done = sum(t.status == tasks.COMPLETED for group in groups for t in group)
    return render(request, "young_person/record_tasks.html", {
        "interview": interview, "groups": [
            ("The interview", groups[0]), ("The questions", groups[1]),
            ("After the questions", groups[2])],
        "continue_url": first.url if first else _check_url(interview),
        "done": done, "total": sum(len(g) for g in groups),
        **wording_context(interview),
    })


@login_required
@require_POST
def choose_wording(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    interview, _version = _recording(request, public_id)
    chosen = request.POST.get("wording", "")
    if chosen and chosen not in wording.offered(interview.young_person):
        raise ActionRefused("That wording is not offered for this young person.",
                            back_url=_tasks_url(interview), back_label="Back to the record")
    recording_parts.choose_wording(actor=_user(request), interview=interview, wording=chosen)
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/cases/") else _tasks_url(interview))


@login_required
@GET_POST
def facts(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview, _version = _recording(request, public_id)
    held = interview.held_at
    initial = {"held_at": timezone.localtime(held) if held else None,
               "held_how": interview.held_how, "held_where": interview.held_where or (
                   interview.location if held is None else ""),
               "people_present": interview.people_present, "support": interview.support,
               "support_details": interview.support_details}
    return form_page(
        request, "young_person/record_part.html", {
            "interview": interview, "page_title": "When, how and where was it held?",
            "back": after_saving(request, interview), "came_from": request.GET.get("from"),
            "intro": "Record the interview after it has happened.",
        }, forms_record.FactsForm(posted(request), initial=initial),
        lambda d: recording_parts.record_interview_facts(
            actor=user, interview=interview, facts=recording_parts.InterviewFacts(**d)),
        "When, how and where the interview was held is saved.",
        after_saving(request, interview))


_PART_FORMS: dict[str, tuple[type[Any], str, str]] = {
    "complaints": (forms_record.ComplaintsForm, "Complaints and advocacy",
                   "An exit interview is not a complaint, but you may point the young person "
                   "to the complaints process or the advocacy service."),
    "agreement": (forms_record.AgreementForm, "Agreeing the record with the young person",
                  "Read the record back to the young person before you confirm."),
    "circulation": (forms_record.CirculationForm, "Who reads the record",
                    "The IRO always reads the record, and it usually goes to the people on "
                    "your organisation's distribution list. You can restrict that in certain "
                    "circumstances."),
}


def _part(request: HttpRequest, public_id: uuid.UUID, part: str) -> HttpResponse:
    user = _user(request)
    interview, _version = _recording(request, public_id)
    form_class, title, intro = _PART_FORMS[part]
    draft = recording_parts.draft_of(interview)
    initial: dict[str, object] = {}
    for name in recording_parts.PARTS[part]:
        value = getattr(draft, name)
        if value is not None:
            initial[name] = ("yes" if value else "no") if isinstance(value, bool) and (
                name != "agreed_with_young_person") else value
    return form_page(
        request, "young_person/record_part.html", {
            "interview": interview, "page_title": title, "intro": intro,
            "back": after_saving(request, interview), "came_from": request.GET.get("from"),
            "read_back_url": reverse("young_person:record_draft", args=[interview.public_id])
            if part == "agreement" else "",
        }, form_class(posted(request), initial=initial),
        lambda d: recording_parts.save_record_part(actor=user, interview=interview, part=part,
                                                   values=d),
        f"“{title}” is saved.", after_saving(request, interview))


@login_required
@GET_POST
def complaints(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _part(request, public_id, "complaints")


@login_required
@GET_POST
def agreement(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _part(request, public_id, "agreement")


@login_required
@GET_POST
def circulation(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _part(request, public_id, "circulation")


@require_safe
@login_required
def draft(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The draft read back to the young person, in the wording chosen for them."""
    interview, version = _recording(request, public_id)
    questionnaire = version.questionnaire
    language, easy = wording.language_and_easy_read(
        recording_parts.draft_of(interview).wording, interview.young_person)
    return render(request, "young_person/record_draft.html", {
        "interview": interview, "language": language,
        "sections": _answer_sections(questionnaire, case_answers.saved(
            interview, questionnaire), language=language, easy_read=easy),
    })
