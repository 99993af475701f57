"""Organisation admins: questionnaires, their versions, preview and publishing."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from leaver.accounts.models import User
from leaver.organisations import roles
from leaver.organisations.models import Role
from leaver.questionnaires import actions
from leaver.questionnaires.access import get_version_for_user, templates_for
from leaver.questionnaires.answering import AnswerForm, words
from leaver.questionnaires.spec import LANGUAGES


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not roles.has_role(user, Role.ORG_ADMIN):
        raise Http404("No such page.")
    templates = templates_for(user).prefetch_related("versions")
    return render(request, "questionnaires/template_list.html", {"templates": templates})


@login_required
def preview(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    version = get_version_for_user(_user(request), public_id)
    language = request.GET.get("language", "en")
    if language not in LANGUAGES:
        language = "en"
    easy_read = request.GET.get("easy_read") == "1"
    questionnaire = version.questionnaire
    form = AnswerForm(questionnaire=questionnaire, language=language, easy_read=easy_read)
    sections = [{
        "title": words(s.title, language), "intro": words(s.intro, language),
        "fields": [form[i.key] for i in s.items],
    } for s in questionnaire.sections]
    return render(request, "questionnaires/preview.html", {
        "version": version, "title": words(questionnaire.title, language),
        "sections": sections, "language": language, "easy_read": easy_read,
        "language_name": LANGUAGES[language],
    })


@login_required
@require_POST
def publish(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    version = get_version_for_user(_user(request), public_id)
    actions.publish(actor=_user(request), version=version)
    messages.success(request, f"Version {version.number} is published. New interviews use it.")
    return redirect("questionnaires:list")
