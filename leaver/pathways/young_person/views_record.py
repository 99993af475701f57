"""Recording the young person's interview section by section, checking and submitting it,
and reading the locked record. Thin: parse, call an action or a query, render."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from leaver.accounts.models import User
from leaver.cases import access, amendment_agreement, engine, records, versions
from leaver.cases import answers as case_answers
from leaver.cases import sections as case_sections
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Pathway
from leaver.pathways.young_person import amending as yp_amending
from leaver.pathways.young_person import (
    forms,
    recording,
    recording_parts,
    referrals,
    tasks,
    wording,
)
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import AnswerForm, item_label, words
from leaver.questionnaires.models import Version
from leaver.questionnaires.queries import answer_words, shown_items
from leaver.questionnaires.spec import NOT_ANSWERED_VALUES, Questionnaire
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _recording(request: HttpRequest, public_id: uuid.UUID) -> tuple[Interview, Version]:
    """The case and its questionnaire version, if the user may record the interview now."""
    interview = access.get_case_for_user(_user(request), public_id)
    back = {"back_url": engine.case_url(interview), "back_label": "Back to the case"}
    if hasattr(interview, "record"):
        raise ActionRefused("This record was already submitted and locked. It cannot be "
                            "submitted again.", **back)
    engine.check(_user(request), interview, "submit_record")
    try:
        version = case_answers.questionnaire_version(interview)
    except ActionRefused as error:
        raise ActionRefused(error.message, **back) from None
    return interview, version


def _record_path(interview: Interview, section_key: str) -> str:
    return reverse("young_person:record_section", args=[interview.public_id, section_key])


def _answer_sections(questionnaire: Questionnaire, answers: dict[str, Value],
                     language: str = "en", easy_read: bool = False) -> list[dict[str, Any]]:
    """The shown questions and their answers by section, in the version's wording (or the
    young person's: Welsh, easy read). A "<key>_comment" item goes with the question it
    comments on."""
    shown = shown_items(questionnaire, answers)
    out = []
    for section in questionnaire.sections:
        rows: list[dict[str, Any]] = []
        for item in section.items:
            if item.key not in shown:
                continue
            answer = answers.get(item.key)
            words_ = answer_words(item, answer, language) if answer else ""
            if rows and item.key == f"{rows[-1]['key']}_comment":
                rows[-1]["comment"] = words_
                continue
            rows.append({"key": item.key, "label": item_label(item, language, easy_read),
                         "choice": bool(item.choices), "answer": words_, "comment": "",
                         "not_answered": str(answer) in NOT_ANSWERED_VALUES})
        if rows:
            out.append({"key": section.key, "title": words(section.title, language),
                        "rows": rows})
    return out


def _optional(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire with nothing required: a draft saved to finish later may have gaps."""
    return dataclasses.replace(questionnaire, sections=tuple(
        dataclasses.replace(s, items=tuple(dataclasses.replace(i, required=False)
                                           for i in s.items))
        for s in questionnaire.sections))


@login_required
@GET_POST
def record_section(request: HttpRequest, public_id: uuid.UUID, section_key: str
                   ) -> HttpResponse:
    """One section of the questionnaire, saved as a draft: "Save and continue" checks that
    the shown required questions are answered (the section is then completed); "Save and come
    back later" does not. The questions are in the wording chosen for the young person."""
    user = _user(request)
    interview, version = _recording(request, public_id)
    questionnaire = version.questionnaire
    language, easy = wording.language_and_easy_read(
        recording_parts.draft_of(interview).wording, interview.young_person)
    keys = [s.key for s in questionnaire.sections]
    if section_key not in keys:
        raise Http404("No such section")
    index = keys.index(section_key)
    section = questionnaire.sections[index]
    saved = case_answers.saved(interview, questionnaire)
    own = {item.key for item in section.items}
    later = request.method == "POST" and "later" in request.POST
    form = AnswerForm(
        posted(request), questionnaire=_optional(questionnaire) if later else questionnaire,
        sections=[section_key], earlier={k: v for k, v in saved.items() if k not in own},
        initial={k: v for k, v in saved.items() if k in own},
        faces=interview.pathway == Pathway.YOUNG_PERSON, language=language, easy_read=easy,
    )
    for before, item in zip(section.items, section.items[1:], strict=False):
        if item.key == f"{before.key}_comment":
            # Every comment box looks alike: screen readers also hear which question it is on.
            question = form.fields[before.key].label
            form.fields[item.key].hidden_label_suffix = (  # type: ignore[attr-defined]
                f" on “{question}”")
            form.fields[item.key].error_messages["max_length"] = limits.too_long(
                f"Your comment on “{question}”", limits.ANSWER)
    tasks_url = reverse("young_person:record_new", args=[interview.public_id])
    came_from = request.GET.get("from") or request.POST.get("from")
    if later:
        next_url, message = tasks_url, (
            "Your answers are saved as a draft. Come back to them from this list.")
    else:
        next_url = (reverse("young_person:record_check", args=[interview.public_id])
                    if came_from == "check" else _record_path(interview, keys[index + 1])
                    if index + 1 < len(keys) else tasks_url)
        message = f"Your answers to “{words(section.title, 'en')}” are saved."
    return form_page(
        request, "young_person/record_section.html", {
            "interview": interview, "section": section,
            "title": words(section.title, language), "intro": words(section.intro, language),
            "number": index + 1, "count": len(keys), "came_from": came_from,
            "tasks_url": tasks_url, "language": language,
            "fields": [form[item.key] for item in section.items],
            **tasks.wording_context(interview),
        }, form,
        lambda d: recording.save_record_draft(actor=user, interview=interview,
                                            section_key=section_key,
                                            answers=form.visible_answers, done=not later),
        message, next_url)


@login_required
@GET_POST
def record_check(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Check your answers: every part with "Change" links and every missing answer at once,
    each linked to its place; submitting locks the record."""
    user = _user(request)
    interview, version = _recording(request, public_id)
    questionnaire = version.questionnaire
    answers = case_answers.saved(interview, questionnaire)
    groups = tasks.task_groups(interview)
    missing = tasks.all_missing(groups)
    return form_page(
        request, "young_person/record_check.html", {
            "interview": interview, "sections": _answer_sections(questionnaire, answers),
            "count": len(questionnaire.sections), "missing": missing,
            "draft": recording_parts.draft_of(interview),
            "tasks_url": reverse("young_person:record_new", args=[interview.public_id]),
        }, forms.SubmitForm(posted(request)),
        lambda d: recording.submit_record(actor=user, interview=interview),
        "The record is locked and has been sent to the IRO.", engine.case_url(interview))


@require_safe
@login_required
def record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_record_for_user(user, public_id)
    rec = interview.record
    engine.record_event(user, interview, CaseEvent.RECORD_VIEWED)
    version = interview.questionnaire_version
    history = list(interview.record_versions.select_related("made_by"))
    sections: list[dict[str, Any]] = []
    if version is not None:
        # After an amendment, readers see the newest version (not one being amended).
        questionnaire = version.questionnaire
        sections = _answer_sections(questionnaire, case_sections.answers_of_content(
            questionnaire, history[-1].content) if history
            else case_answers.saved(interview, questionnaire))
    agreement = amendment_agreement.panel(user, interview, yp_amending.AGREED_BY)
    return render(request, "young_person/record.html", {
        "interview": interview, "record": rec, "sections": sections,
        "intact": not versions.broken_versions(interview) if history
        else records.is_intact(rec),
        "versions": history, "agreement": agreement,
        "may_amend": engine.may(user, interview, yp_amending.AMEND)
        and agreement["may_amend_now"],
        "can_open_case": access.can_open_case(user, interview),
        "can_restrict": engine.may(user, interview, "restrict_circulation")
        and not rec.circulation_restricted,
        "referrals": {r.kind: r for r in referrals.outcomes(interview)},
    })


