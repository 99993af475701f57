"""Pages of the young person's pathway. Thin: parse, call an action or a query, render."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.interviews import access, actions, canonical, forms, pathway, queries
from leaver.interviews.models import Interview
from leaver.interviews.pathway import PathwayError
from leaver.interviews.questionnaire import SECTIONS
from leaver.organisations import roles
from leaver.organisations.models import ConfidentialityStatement, Pathway, Role
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
    return render(request, "interviews/case.html", {
        "interview": interview,
        "young_person": interview.young_person,
        "next_step": queries.next_step(interview),
        "timeline": queries.timeline(interview),
        "transitions": {t.name for t in pathway.available(user, interview)},
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


@login_required
@GET_POST
def record_new(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_interview_for_user(user, public_id)
    if hasattr(interview, "record"):
        return _cannot(request, interview, "This record was already submitted and locked. "
                       "It cannot be submitted again.")
    blocked = _guard(request, interview, "submit_record")
    if blocked:
        return blocked
    form = forms.RecordForm(posted(request))
    return form_page(
        request, "interviews/record_form.html", {"interview": interview}, form,
        lambda d: actions.submit_record(actor=user, interview=interview, details=(
            actions.RecordDetails(answers=form.answers(), **{k: d[k] for k in _RECORD_FLAGS}))),
        "The record is locked and has been sent to the IRO.", actions.case_path(interview))


@login_required
def record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_record_for_user(user, public_id)
    rec = interview.record
    actions.audit_case(user, interview, "record_viewed")
    answers = {a.item_key: a for a in rec.answers.all()}
    sections = [{"title": s.title, "rows": [
        {"question": q, "answer": answers.get(q.key)} for q in s.questions
    ]} for s in SECTIONS]
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
