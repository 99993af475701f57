"""The leaver checks the record (a review link): the current version's answers in their
wording, what they did before, then either sign it as accurate by typing their full name or
ask for a correction. Either uses the link; a second visit is the "already used" page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from leaver.cases import answers as case_answers
from leaver.cases import engine, versions
from leaver.cases.models import CorrectionRequest, LeaverLink, LinkPurpose, SignOff
from leaver.cases.you import actions, forms, queries
from leaver.cases.you.guard import link_page, refuse_unless_may
from leaver.cases.you.views import GET_POST, go_to
from leaver.core.errors import ActionRefused
from leaver.questionnaires import queries as codec
from leaver.ui.pages import posted


def _act(link: LeaverLink, data: dict[str, Any]) -> None:
    if data["choice"] == "sign":
        actions.sign(link=link, typed_name=data["full_name"], shown_version=data["version"])
    else:
        actions.request_corrections(link=link, comment=data["comment"],
                                    shown_version=data["version"])


@GET_POST
@link_page(LinkPurpose.REVIEW)
def review(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    refuse_unless_may(link, "sign")
    case = link.interview
    current = versions.current(case)
    if current is None or case.questionnaire_version is None:
        raise ActionRefused("There is no record for you to check yet.")
    questionnaire = case_answers.questionnaire_version(case).questionnaire
    types = questionnaire.keys()
    answers = {key: codec.from_text(types.get(key), value)
               for key, value in current.content.get("answers", [])}
    language, easy = queries.wording(case)
    form = forms.ReviewForm(posted(request), initial={"version": current.number})
    if request.method == "POST" and form.is_valid():
        try:
            _act(link, form.cleaned_data)
        except ActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            return go_to(request, None, link)
    return render(request, "you/review.html", {
        "link": link, "case": case, "organisation": case.organisation, "form": form,
        "version": current, "language": language,
        "easy": easy or engine.definition_of(case).leaver_is_child,
        "sections": queries.answer_sections(questionnaire, answers, language, easy),
        "sign_offs": SignOff.objects.filter(interview=case).select_related("version"),
        "requests": CorrectionRequest.objects.filter(interview=case).select_related(
            "version"),
    }, status=400 if request.method == "POST" else 200)
