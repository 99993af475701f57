"""Pages of the young person's pathway. Thin: parse, call an action or a query, render."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.interviews import access, actions, canonical, forms, pathway, queries
from leaver.interviews.models import Interview
from leaver.interviews.pathway import PathwayError
from leaver.organisations import roles
from leaver.organisations.models import ConfidentialityStatement, Pathway, Role
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.answering import AnswerForm, item_label, words
from leaver.questionnaires.models import Version
from leaver.questionnaires.queries import answer_words, shown_items
from leaver.questionnaires.spec import Questionnaire
from leaver.reviews.access import recommendations_owned_by
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _cannot(request: HttpRequest, interview: Interview, message: str) -> HttpResponse:
    return render(request, "interviews/cannot.html",
                  {"interview": interview, "message": message}, status=403)


def _guard(request: HttpRequest, interview: Interview, name: str) -> HttpResponse | None:
    try:
        pathway.check(_user(request), interview, name)
    except PathwayError as error:
        return _cannot(request, interview, str(error))
    return None


@login_required
def your_work(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return render(request, "interviews/your_work.html", {
        "groups": queries.work_for(user),
        "recommendations": recommendations_owned_by(user).filter(responded_at__isnull=True),
        "can_notify": roles.has_role(user, Role.UNIT_MANAGER, Role.CSM),
    })


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = access.interviews_visible_to(_user(request)).select_related("setting")
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    return render(request, "interviews/case_list.html", {"page": page})


@login_required
@GET_POST
def notify_move(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not roles.has_role(user, Role.UNIT_MANAGER, Role.CSM):
        return render(request, "interviews/cannot.html", {"message": (
            "Only a Unit Manager or a Children's Services Manager can record a move.")},
            status=403)
    return form_page(
        request, "interviews/notify_move.html", {}, forms.MoveForm(posted(request), user=user),
        lambda d: actions.notify_move(actor=user, details=actions.MoveDetails(**d)),
        "The move is recorded. The social worker and the Children's Services Managers have "
        "been told.", actions.case_path)


@login_required
def case(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    actions.audit_case(user, interview, "viewed")
    transitions = {t.name for t in pathway.available(user, interview)}
    return render(request, "interviews/case.html", {
        "interview": interview,
        "young_person": interview.young_person,
        "next_step": queries.next_step(interview),
        "timeline": queries.timeline(interview),
        "transitions": transitions,
        # Answers saved as a draft: recording continues rather than starts.
        "draft_saved": "submit_record" in transitions and interview.answers.exists(),
        "show_contact": access.can_see_contact_details(user, interview),
        "can_view_record": access.can_view_record(user, interview),
        "show_recommendations": access.can_see_recommendations(user, interview),
        "recommendations": interview.recommendations.select_related("owner"),
    })


def _statement(interview: Interview) -> ConfidentialityStatement | None:
    return ConfidentialityStatement.objects.filter(
        organisation_id=interview.organisation_id, pathway=Pathway.YOUNG_PERSON
    ).order_by("-version").first()


@login_required
@GET_POST
def consent(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    blocked = _guard(request, interview, "consent_given")
    if blocked:
        return blocked
    statement = _statement(interview)
    if statement is None:
        return _cannot(request, interview, "Your organisation has no confidentiality "
                       "statement yet. Ask your organisation admin to add one.")
    return form_page(
        request, "interviews/consent.html", {"interview": interview, "statement": statement},
        forms.ConsentForm(posted(request)),
        lambda d: actions.record_consent(
            actor=user, interview=interview, outcome=d["outcome"], reason=d["reason"],
            may_quote=d["may_quote"], statement=statement),
        "The consent decision is recorded.", actions.case_path(interview))


@login_required
@GET_POST
def assign_interviewer(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    blocked = _guard(request, interview, "assign_interviewer")
    if blocked:
        return blocked
    eligible, refused = [], []
    for candidate in roles.users_with_role(interview.organisation_id, Role.INTERVIEWER):
        reason = actions.interviewer_refusal(candidate, interview)
        if reason:
            refused.append({"name": candidate.full_name, "reason": reason})
        else:
            eligible.append(candidate)
    return form_page(
        request, "interviews/assign.html", {"interview": interview, "refused": refused},
        forms.AssignInterviewerForm(posted(request), eligible=eligible),
        lambda d: actions.assign_interviewer(
            actor=user, interview=interview, interviewer=d["interviewer"]),
        "The interviewer is assigned and has been told.", actions.case_path(interview))


@login_required
@GET_POST
def schedule(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    blocked = _guard(request, interview, "schedule")
    if blocked:
        return blocked
    initial = {"scheduled_for": interview.scheduled_for, "location": interview.location}
    return form_page(
        request, "interviews/schedule.html", {"interview": interview},
        forms.ScheduleForm(posted(request), initial=initial),
        lambda d: actions.schedule_interview(
            actor=user, interview=interview, when=d["scheduled_for"], location=d["location"]),
        "The interview is arranged.", actions.case_path(interview))


_RECORD_FLAGS = (
    "complaints_discussed", "advocacy_discussed", "complaints_referral_wanted",
    "advocacy_referral_wanted", "interviewer_notes", "agreed_with_young_person",
    "left_out_note", "restrict_circulation", "restriction_reason",
)


def _recording(request: HttpRequest, public_id: uuid.UUID
               ) -> tuple[Interview, Version] | HttpResponse:
    """The case and its questionnaire version, if the user may record the interview now."""
    interview = access.get_interview_for_user(_user(request), public_id)
    if hasattr(interview, "record"):
        return _cannot(request, interview, "This record was already submitted and locked. "
                       "It cannot be submitted again.")
    blocked = _guard(request, interview, "submit_record")
    if blocked:
        return blocked
    try:
        version = actions.questionnaire_version(interview)
    except PathwayError as error:
        return _cannot(request, interview, str(error))
    return interview, version


def _record_path(interview: Interview, section_key: str) -> str:
    return reverse("interviews:record_section", args=[interview.public_id, section_key])


def _answer_sections(questionnaire: Questionnaire, answers: dict[str, Value]
                     ) -> list[dict[str, Any]]:
    """The shown questions and their answers by section, in the version's wording. A
    "<key>_comment" item goes with the question it comments on."""
    shown = shown_items(questionnaire, answers)
    out = []
    for section in questionnaire.sections:
        rows: list[dict[str, Any]] = []
        for item in section.items:
            if item.key not in shown:
                continue
            answer = answers.get(item.key)
            words_ = answer_words(item, answer) if answer else ""
            if rows and item.key == f"{rows[-1]['key']}_comment":
                rows[-1]["comment"] = words_
                continue
            rows.append({"key": item.key, "label": item_label(item, "en", False),
                         "choice": bool(item.choices), "answer": words_, "comment": ""})
        if rows:
            out.append({"key": section.key, "title": words(section.title, "en"),
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
def record_new(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Recording starts at the first section."""
    return record_section(request, public_id, None)


@login_required
@GET_POST
def record_section(request: HttpRequest, public_id: uuid.UUID, section_key: str | None
                   ) -> HttpResponse:
    """One section of the questionnaire, saved as a draft: "Save and continue" checks that
    the shown required questions are answered; "Save and come back later" does not."""
    user = _user(request)
    got = _recording(request, public_id)
    if isinstance(got, HttpResponse):
        return got
    interview, version = got
    questionnaire = version.questionnaire
    keys = [s.key for s in questionnaire.sections]
    section_key = section_key or keys[0]
    if section_key not in keys:
        raise Http404("No such section")
    index = keys.index(section_key)
    section = questionnaire.sections[index]
    saved = actions.draft_answers(interview, questionnaire)
    own = {item.key for item in section.items}
    later = request.method == "POST" and "later" in request.POST
    form = AnswerForm(
        posted(request), questionnaire=_optional(questionnaire) if later else questionnaire,
        sections=[section_key], earlier={k: v for k, v in saved.items() if k not in own},
        initial={k: v for k, v in saved.items() if k in own},
        faces=interview.pathway == Pathway.YOUNG_PERSON,
    )
    for before, item in zip(section.items, section.items[1:], strict=False):
        if item.key == f"{before.key}_comment":
            # Every comment box looks alike: screen readers also hear which question it is on.
            form.fields[item.key].hidden_label_suffix = (  # type: ignore[attr-defined]
                f" on “{form.fields[before.key].label}”")
    if later:
        next_url, message = actions.case_path(interview), (
            "Your answers are saved as a draft. Come back to them from the case page.")
    else:
        next_url = (_record_path(interview, keys[index + 1]) if index + 1 < len(keys)
                    else reverse("interviews:record_check", args=[interview.public_id]))
        message = f"Your answers to “{words(section.title, 'en')}” are saved."
    return form_page(
        request, "interviews/record_section.html", {
            "interview": interview, "section": section,
            "title": words(section.title, "en"), "intro": words(section.intro, "en"),
            "number": index + 1, "count": len(keys),
            "previous": _record_path(interview, keys[index - 1]) if index else "",
            "fields": [form[item.key] for item in section.items],
        }, form,
        lambda d: actions.save_record_draft(actor=user, interview=interview,
                                            section_key=section_key,
                                            answers=form.visible_answers),
        message, next_url)


_RECORD_FLAGS = (
    "complaints_discussed", "advocacy_discussed", "complaints_referral_wanted",
    "advocacy_referral_wanted", "interviewer_notes", "agreed_with_young_person",
    "left_out_note", "restrict_circulation", "restriction_reason",
)


@login_required
@GET_POST
def record_check(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Check the answers, add what goes with them, and submit: the record locks."""
    user = _user(request)
    got = _recording(request, public_id)
    if isinstance(got, HttpResponse):
        return got
    interview, version = got
    questionnaire = version.questionnaire
    answers = actions.draft_answers(interview, questionnaire)
    return form_page(
        request, "interviews/record_check.html", {
            "interview": interview, "sections": _answer_sections(questionnaire, answers),
            "count": len(questionnaire.sections),
        }, forms.RecordForm(posted(request)),
        lambda d: actions.submit_record(actor=user, interview=interview, details=(
            actions.RecordDetails(**{k: d[k] for k in _RECORD_FLAGS}))),
        "The record is locked and has been sent to the IRO.", actions.case_path(interview))


@login_required
def record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_record_for_user(user, public_id)
    rec = interview.record
    actions.audit_case(user, interview, "record_viewed")
    version = interview.questionnaire_version
    sections: list[dict[str, Any]] = []
    if version is not None:
        questionnaire = version.questionnaire
        sections = _answer_sections(
            questionnaire, actions.draft_answers(interview, questionnaire))
    return render(request, "interviews/record.html", {
        "interview": interview, "record": rec, "sections": sections,
        "intact": canonical.is_intact(rec),
        "can_open_case": access.interviews_visible_to(user).filter(pk=interview.pk).exists(),
        "can_restrict": pathway.may(user, interview, "restrict_circulation")
        and not rec.circulation_restricted,
    })


@login_required
@GET_POST
def restrict(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    blocked = _guard(request, interview, "restrict_circulation")
    if blocked:
        return blocked
    return form_page(
        request, "interviews/restrict.html", {"interview": interview},
        forms.RestrictForm(posted(request)),
        lambda d: actions.restrict_circulation(actor=user, interview=interview,
                                               reason=d["reason"]),
        "Circulation is restricted. Copies sent under the distribution list have been "
        "withdrawn.", actions.case_path(interview))


_CLOSE_EARLY = {
    "withdraw": "The young person has withdrawn",
    "unable_to_contact": "Unable to contact the young person",
}


@login_required
@GET_POST
def close_early(request: HttpRequest, public_id: uuid.UUID, outcome: str) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    if outcome not in _CLOSE_EARLY:
        return _cannot(request, interview, "That is not something that can be recorded.")
    blocked = _guard(request, interview, outcome)
    if blocked:
        return blocked
    return form_page(
        request, "interviews/close_early.html",
        {"interview": interview, "heading": _CLOSE_EARLY[outcome]},
        forms.CloseEarlyForm(posted(request)),
        lambda d: actions.close_early(actor=user, interview=interview, outcome=outcome,
                                      reason=d["reason"]),
        "Recorded. The case is closed.", actions.case_path(interview))
