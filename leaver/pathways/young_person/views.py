"""Pages of the young person's pathway: "Your work", the case list and page, and each step
before and after recording. Thin: parse, call an action or a query, render. A step the user
cannot take raises ActionRefused, which leaver.ui turns into "You cannot do this"."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from leaver.accounts.models import User
from leaver.cases import access, concerns, engine
from leaver.cases.events import CaseEvent
from leaver.cases.timeline import timeline
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import Pathway, Role
from leaver.pathways.young_person import actions, forms, queries, work
from leaver.pathways.young_person.definition import CASE_SETTING_KINDS
from leaver.pathways.young_person.states import State
from leaver.reviews import access as review_access
from leaver.reviews.queries import letter_of, review_of
from leaver.ui.keyset import kept_filters, keyset_page
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_safe
@login_required
def your_work(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate()
    return render(request, "young_person/your_work.html", {
        "groups": work.work_for(user, today),
        "referrals": queries.referrals_for(user, today),
        "recommendations": queries.recommendations_for(user, today),
        "issued_overdue": queries.overdue_issued_by(user, today),
        "can_notify": roles.has_role(user, Role.UNIT_MANAGER, Role.CSM),
        # Open safeguarding concerns, for a safeguarding lead (leaver.cases.concerns).
        "concern_work": concerns.work_for(user),
    })


def _filters(request: HttpRequest) -> queries.CaseFilters:
    """The case list's filters from the address; a value that is not one of the choices is
    ignored (the filter is then off), never an error."""
    got = request.GET
    try:
        setting: uuid.UUID | None = uuid.UUID(got.get("setting", ""))
    except ValueError:
        setting = None
    state, waiting = got.get("state", ""), got.get("waiting", "")
    return queries.CaseFilters(
        name=" ".join(got.get("name", "").split())[:limits.NAME],
        setting=setting, state=state if state in State.values else "",
        overdue=got.get("overdue") == "yes",
        waiting=waiting if waiting in work.WORK_BY_KEY else "")


@require_safe
@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not access.may_list_cases(user, Pathway.YOUNG_PERSON):
        raise PermissionDenied  # aggregate reports only (senior managers, governors)
    today = timezone.localdate()
    # Filters in the address (GET), so they work without JavaScript and can be bookmarked.
    filters = _filters(request)
    page = keyset_page(queries.case_list(user, today, filters), request.GET)
    cases = page.items
    queries.with_deadline(cases, today)
    # Only an open case has anything overdue: the stages' overdue counts add up to the
    # list's, so one scan of the open cases gives both.
    stages = queries.stages(user, today)
    return render(request, "young_person/case_list.html", {
        "page": page, "cases": cases, "filters": filters, "query": kept_filters(request.GET),
        "filtered": filters != queries.CaseFilters(),
        "settings": queries.setting_choices(user, CASE_SETTING_KINDS), "states": State.choices,
        "waiting_title": work.WORK_BY_KEY[filters.waiting].title if filters.waiting else "",
        "overdue_count": sum(stage.overdue for stage in stages), "stages": stages})


@login_required
@GET_POST
def notify_move(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not roles.has_role(user, Role.UNIT_MANAGER, Role.CSM):
        raise ActionRefused(
            "Only a Unit Manager or a Children's Services Manager can record a move.")
    return form_page(
        request, "young_person/notify_move.html", {}, forms.MoveForm(posted(request), user=user),
        lambda d: actions.notify_move(actor=user, details=actions.MoveDetails(**d)),
        "The move is recorded. The social worker and the Children's Services Managers have "
        "been told.", engine.case_url)


@require_safe
@login_required
def case(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.record_event(user, interview, CaseEvent.VIEWED)
    young_person = interview.young_person
    transitions = {t.name for t in engine.available(user, interview)}
    return render(request, "young_person/case.html", {
        "interview": interview,
        "young_person": young_person,
        "setting_text": f"{interview.setting.name} ({interview.setting.get_kind_display()})",
        "tried": queries.feasibility_tried(young_person),
        "state_label": engine.state_label(interview),
        "consent_outcome": queries.consent_outcome(interview),
        "review": review_of(interview),
        "letter": letter_of(interview),
        "next_step": queries.next_step(interview),
        "deadlines": queries.case_deadlines(user, interview, timezone.localdate()),
        "timeline": timeline(interview),
        "transitions": transitions,
        # Answers saved as a draft: recording continues rather than starts.
        "draft_saved": "submit_record" in transitions and interview.answers.exists(),
        "show_contact": access.can_see_contact_details(user, interview),
        "can_view_record": access.can_view_record(user, interview),
        "changes": queries.changeable(user, interview),
        "may_reopen": "reopen" in transitions and actions.may_reopen(interview),
        "show_recommendations": review_access.can_see_recommendations(user, interview),
        "recommendations": interview.recommendations.select_related("owner"),
    })


@login_required
@GET_POST
def assign_interviewer(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.check(user, interview, "assign_interviewer")
    eligible, refused = [], []
    for candidate in roles.users_with_role(interview.organisation_id, Role.INTERVIEWER):
        reason = actions.interviewer_refusal(candidate, interview)
        if reason:
            refused.append({"name": candidate.full_name, "reason": reason})
        else:
            eligible.append(candidate)
    return form_page(
        request, "young_person/assign.html", {"interview": interview, "refused": refused},
        forms.AssignInterviewerForm(posted(request), eligible=eligible),
        lambda d: actions.assign_interviewer(
            actor=user, interview=interview, interviewer=d["interviewer"]),
        "The interviewer is assigned and has been told.", engine.case_url(interview))


@login_required
@GET_POST
def schedule(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.check(user, interview, "schedule")
    initial = {"scheduled_for": interview.scheduled_for, "location": interview.location}
    return form_page(
        request, "young_person/schedule.html", {"interview": interview},
        forms.ScheduleForm(posted(request), initial=initial),
        lambda d: actions.schedule_interview(
            actor=user, interview=interview, when=d["scheduled_for"], location=d["location"]),
        "The interview is arranged.", engine.case_url(interview))


@login_required
@GET_POST
def restrict(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.check(user, interview, "restrict_circulation")
    return form_page(
        request, "young_person/restrict.html", {"interview": interview},
        forms.RestrictForm(posted(request)),
        lambda d: actions.restrict_circulation(actor=user, interview=interview,
                                               reason=d["reason"]),
        "Circulation is restricted. Copies sent under the distribution list have been "
        "withdrawn.", engine.case_url(interview))


_CLOSE_EARLY = {
    "withdraw": "The young person has withdrawn",
    "unable_to_contact": "Unable to contact the young person",
}


@login_required
@GET_POST
def close_early(request: HttpRequest, public_id: uuid.UUID, outcome: str) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    if outcome not in _CLOSE_EARLY:
        raise ActionRefused("That is not something that can be recorded.",
                            back_url=engine.case_url(interview), back_label="Back to the case")
    engine.check(user, interview, outcome)
    return form_page(
        request, "young_person/close_early.html",
        {"interview": interview, "heading": _CLOSE_EARLY[outcome]},
        forms.CloseEarlyForm(posted(request)),
        lambda d: actions.close_early(actor=user, interview=interview, outcome=outcome,
                                      reason=d["reason"]),
        "Recorded. The case is closed.", engine.case_url(interview))
