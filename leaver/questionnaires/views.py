"""Organisation admins: questionnaires, their versions, preview and publishing."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from leaver.accounts.models import User
from leaver.organisations import roles
from leaver.organisations.models import Pathway, Role
from leaver.questionnaires import actions, selection
from leaver.questionnaires.access import get_version_for_user, templates_for
from leaver.questionnaires.answering import AnswerForm, words
from leaver.questionnaires.forms import DefaultForm, UploadForm
from leaver.questionnaires.models import DefaultTemplate
from leaver.questionnaires.spec import LANGUAGES
from leaver.questionnaires.xlsform import XLSFormError, import_xlsform, write_xlsform
from leaver.questionnaires.xlsform_format import LANGUAGE_CODE
from leaver.ui.pages import posted


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_safe
@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    assert user.organisation is not None
    return render(request, "questionnaires/template_list.html", {
        **_list_context(user),
        "default_form": DefaultForm(organisation_id=user.organisation.pk),
    })


def _list_context(user: User) -> dict[str, object]:
    return {
        "templates": templates_for(user).prefetch_related("versions"),
        "defaults": DefaultTemplate.objects.filter(organisation_id=user.organisation_id or 0)
        .select_related("setting", "template"),
    }


@require_safe
@login_required
def preview(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    version = get_version_for_user(_user(request), public_id)
    questionnaire = version.questionnaire
    # English and Welsh, and any other language the version has wording in (kept from the
    # XLSForm, shown here though the interview pages offer only English and Welsh).
    held = sorted({code for item in questionnaire.items() for code in item.label} - set(LANGUAGES))
    names = {**LANGUAGES, **{code: code for code in held}}
    language = request.GET.get("language", "en")
    if language not in names:
        language = "en"
    easy_read = request.GET.get("easy_read") == "1"
    form = AnswerForm(questionnaire=questionnaire, language=language, easy_read=easy_read,
                      faces=version.template.pathway == Pathway.YOUNG_PERSON)
    sections = [{
        "title": words(s.title, language), "intro": words(s.intro, language),
        "fields": [form[i.key] for i in s.items],
    } for s in questionnaire.sections]
    return render(request, "questionnaires/preview.html", {
        "version": version, "title": words(questionnaire.title, language),
        "sections": sections, "language": language, "easy_read": easy_read,
        "language_name": names[language], "other_languages": held,
        "lang": language if LANGUAGE_CODE.fullmatch(language) else "",
    })


def _admin(request: HttpRequest) -> User:
    user = _user(request)
    if not roles.has_role(user, Role.ORG_ADMIN) or user.organisation is None:
        raise Http404("No such page.")
    return user


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    organisation = user.organisation
    assert organisation is not None
    form = UploadForm(posted(request), request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["workbook"]
        try:
            result = import_xlsform(upload.read(), upload.name)
        except XLSFormError as error:
            problems = [str(p) for p in error.problems]
        else:
            questionnaire = result.questionnaire
            version = actions.save_draft(actor=user, organisation=organisation,
                                         pathway=Pathway(form.cleaned_data["pathway"]),
                                         questionnaire=questionnaire)
            messages.success(request, f"Imported {questionnaire.key} as version "
                                      f"{version.number} (draft). Preview it, then publish.")
            # What was ignored is listed on the upload page, one message for each.
            for warning in result.warnings:
                messages.warning(request, str(warning))
            return redirect("questionnaires:upload" if result.warnings else "questionnaires:list")
    status = 400 if request.method == "POST" else 200
    return render(request, "questionnaires/upload.html", {"form": form, "problems": problems},
                  status=status)


@require_safe
@login_required
def download(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    version = get_version_for_user(_user(request), public_id)
    response = HttpResponse(
        write_xlsform(version.questionnaire),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    name = f"{version.template.key}-v{version.number}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def choose_default(request: HttpRequest) -> HttpResponse:
    user = _admin(request)
    assert user.organisation is not None
    form = DefaultForm(request.POST, organisation_id=user.organisation.pk)
    if not form.is_valid():
        return render(request, "questionnaires/template_list.html",
                      {**_list_context(user), "default_form": form}, status=400)
    selection.choose_default(actor=user, organisation=user.organisation,
                             pathway=Pathway(form.cleaned_data["pathway"]),
                             setting=form.cleaned_data["setting"],
                             template=form.cleaned_data["template"])
    messages.success(request, "The default questionnaire is saved. New interviews use it.")
    return redirect("questionnaires:list")


@login_required
@require_POST
def publish(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    version = get_version_for_user(_user(request), public_id)
    actions.publish(actor=_user(request), version=version)
    messages.success(request, f"Version {version.number} is published. New interviews use it.")
    return redirect("questionnaires:list")
