"""The leaver answers the questions themselves (a self-completion link): one section a page
with its progress, saved as a draft as they go ("Save and come back later" saves without
checking), in their wording (Welsh, easy read; faces beside a young person's scales), then
a check-answers page and the submission."""

from __future__ import annotations

import dataclasses
import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from leaver.cases import answers as case_answers
from leaver.cases import engine
from leaver.cases.models import Interview, LeaverLink, LinkPurpose
from leaver.cases.you import actions, forms, guard, queries
from leaver.cases.you.views import GET_POST, go_to
from leaver.core.errors import ActionRefused
from leaver.questionnaires.answering import AnswerForm, words
from leaver.questionnaires.spec import NOT_ASKED, Questionnaire
from leaver.ui.pages import posted


def _optional(questionnaire: Questionnaire) -> Questionnaire:
    """Nothing required: answers saved to finish later may have gaps."""
    return dataclasses.replace(questionnaire, sections=tuple(
        dataclasses.replace(s, items=tuple(dataclasses.replace(i, required=False)
                                           for i in s.items))
        for s in questionnaire.sections))


# The answering form and the record's check speak to an interviewer ("if they did not
# answer, choose … or “Not asked”"); the leaver reads the same in words for them.
_FOR_INTERVIEWER = re.compile(r"Record an answer to (“[^”]*”): if they did not answer.*")


def in_leavers_words(message: str) -> str:
    return _FOR_INTERVIEWER.sub(r"Answer \1, or choose “Did not want to answer”", message)


def for_the_leaver(form: AnswerForm) -> None:
    """No "Not asked" choice (they are the one asked), and messages in their words."""
    for field in form.fields.values():
        choices = getattr(field, "choices", None)
        if choices is not None:
            field.choices = [c for c in choices if c[0] != NOT_ASKED]  # type: ignore[attr-defined]
    if form.is_bound and not form.is_valid():
        for key, errors in list(form.errors.items()):
            form.errors[key] = form.error_class([in_leavers_words(str(e)) for e in errors])


def told_words(case: Interview) -> str:
    """Who is told after an answer that worries us, and how to get help now: for a young
    person in words for them (Childline), for staff their organisation's contact."""
    organisation = case.organisation
    if engine.definition_of(case).leaver_is_child:
        return (f"Thank you for telling us. Because of what you said, we will tell the "
                f"person at {organisation.name} who keeps young people safe. They will "
                "check you are OK. If you want to talk to someone now, call Childline free "
                "on 0800 1111. If you are in danger now, call 999.")
    contact = " or ".join(c for c in (organisation.contact_phone,
                                      organisation.contact_email) if c)
    return (f"Because of your answer, the safeguarding lead at {organisation.name} will be "
            "told, so they can make sure you and others are safe. "
            + (f"If you need help now, contact {organisation.name} on {contact}. "
               if contact else "")
            + "In an emergency, call 999.")


@require_safe
@guard.link_page(LinkPurpose.SELF_COMPLETION)
def start(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    guard.refuse_unless_may(link, "self_completed")
    questionnaire = case_answers.questionnaire_version(link.interview).questionnaire
    return redirect("you:answers", link_id=link.public_id,
                    section_key=questionnaire.sections[0].key)


@GET_POST
@guard.link_page(LinkPurpose.SELF_COMPLETION)
def section(request: HttpRequest, link: LeaverLink, section_key: str) -> HttpResponse:
    guard.refuse_unless_may(link, "self_completed")
    case = link.interview
    version = case_answers.questionnaire_version(case)
    questionnaire = version.questionnaire
    language, easy = queries.wording(case)
    keys = [s.key for s in questionnaire.sections]
    if section_key not in keys:
        raise Http404("No such section")
    index = keys.index(section_key)
    part = questionnaire.sections[index]
    saved = case_answers.saved(case, questionnaire)
    own = {item.key for item in part.items}
    later = request.method == "POST" and "later" in request.POST
    form = AnswerForm(
        posted(request), questionnaire=_optional(questionnaire) if later else questionnaire,
        sections=[section_key], earlier={k: v for k, v in saved.items() if k not in own},
        initial={k: v for k, v in saved.items() if k in own},
        faces=engine.definition_of(case).leaver_is_child, language=language, easy_read=easy)
    for_the_leaver(form)
    came_from = request.GET.get("from") or request.POST.get("from")
    if request.method == "POST" and form.is_valid():
        try:
            worried = actions.save_answers(link=link, section_key=section_key,
                                           answers=form.visible_answers, done=not later)
        except ActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            if worried:
                messages.warning(request, told_words(case))
            if later:
                return redirect("you:answers_saved", link_id=link.public_id)
            if came_from == "check" or index + 1 == len(keys):
                return redirect("you:answers_check", link_id=link.public_id)
            return redirect("you:answers", link_id=link.public_id,
                            section_key=keys[index + 1])
    return render(request, "you/section.html", {
        "link": link, "case": case, "organisation": case.organisation,
        "title": words(part.title, language), "intro": words(part.intro, language),
        "number": index + 1, "count": len(keys), "language": language, "easy": easy,
        "fields": [form[item.key] for item in part.items], "form": form,
        "came_from": came_from,
        "back_url": reverse("you:answers", args=[link.public_id, keys[index - 1]])
        if index else "",
    }, status=400 if request.method == "POST" else 200)


@require_safe
@guard.link_page(LinkPurpose.SELF_COMPLETION)
def saved_for_later(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    case = link.interview
    return render(request, "you/saved.html", {
        "link": link, "case": case, "organisation": case.organisation,
        "easy": queries.wording(case)[1] or engine.definition_of(case).leaver_is_child,
        "expires_at": link.expires_at})


@GET_POST
@guard.link_page(LinkPurpose.SELF_COMPLETION)
def check(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    guard.refuse_unless_may(link, "self_completed")
    case = link.interview
    questionnaire = case_answers.questionnaire_version(case).questionnaire
    language, easy = queries.wording(case)
    error = ""
    if request.method == "POST":
        try:
            new = actions.submit_answers(link=link)
        except ActionRefused as refusal:
            error = in_leavers_words(refusal.message)
        else:
            return go_to(request, new, link)
    return render(request, "you/answers_check.html", {
        "link": link, "case": case, "organisation": case.organisation, "error": error,
        "sections": queries.answer_sections(questionnaire, case_answers.saved(
            case, questionnaire), language, easy),
        "language": language, "easy": easy, "form": forms.SubmitForm(),
        "makes_record": engine.definition_of(case).self_completion_makes_record,
    }, status=400 if error else 200)
