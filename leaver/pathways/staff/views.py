"""Pages of the school staff pathway: the case list and the case page. Thin: parse, call a
query, render. Recording leavers is in views_leavers.py, the offer and links in
views_offer.py."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.cases import access, engine
from leaver.cases.events import CaseEvent
from leaver.cases.timeline import timeline
from leaver.core import limits
from leaver.organisations.models import Pathway, Role
from leaver.pathways.staff import queries
from leaver.pathways.staff.actions_leavers import may_record
from leaver.pathways.staff.reasons import reason_label
from leaver.pathways.staff.states import State
from leaver.reviews import access as review_access
from leaver.reviews.queries import review_of
from leaver.ui.keyset import kept_filters, keyset_page


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_safe
@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not access.may_list_cases(user, Pathway.STAFF):
        raise PermissionDenied  # aggregate reports only (senior managers, governors)
    today = timezone.localdate()
    # Filters in the address (GET): they work without JavaScript and can be bookmarked; a
    # value that is not one of the choices turns its filter off.
    got = request.GET
    name = " ".join(got.get("name", "").split())[:limits.NAME]
    state = got.get("state", "") if got.get("state", "") in State.values else ""
    overdue_only = got.get("overdue") == "yes"
    found = queries.case_list(user, today, name=name, state=state, overdue_only=overdue_only)
    page = keyset_page(found, got)
    cases = page.items
    queries.with_deadline(cases, today)
    return render(request, "staff/case_list.html", {
        "page": page, "cases": cases, "can_record": may_record(user),
        "stages": queries.stages(user, today), "states": State.choices, "name": name,
        "state": state, "overdue_only": overdue_only, "query": kept_filters(request.GET),
        "filtered": bool(name or state or overdue_only)})


@require_safe
@login_required
def case(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_case_for_user(user, public_id)
    engine.record_event(user, found, CaseEvent.VIEWED)
    leaver = found.staff_leaver
    transitions = {t.name for t in engine.available(user, found)}
    return render(request, "staff/case.html", {
        "case": found,
        "leaver": leaver,
        "state_label": engine.state_label(found),
        "reason": reason_label(found, leaver.reason_code),
        "next_step": queries.next_step(found),
        "deadlines": queries.case_deadlines(found, timezone.localdate()),
        "timeline": timeline(found),
        "transitions": transitions,
        "link_step": queries.has_link_step(found),
        "show_contact": access.can_see_contact_details(user, found),
        "can_view_record": access.can_view_record(user, found),
        # The action plan (leaver.reviews): for the school's leads who read it.
        "show_actions": review_access.can_see_recommendations(user, found),
        "review": review_of(found),
        "actions": found.recommendations.select_related("owner").order_by("due_date", "pk"),
        # Trying Leaver out: the HR lead can open the leaver's pages themselves.
        "copy_link": settings.DEBUG and "send_new_link" in transitions
        and engine.acts_as(user, found, Role.HR_LEAD) and queries.has_link_step(found),
    })

