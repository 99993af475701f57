"""Pages of the school staff pathway. Thin: parse, call an action or a query, render."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.cases import access, engine
from leaver.cases.events import CaseEvent
from leaver.pathways.staff import views_record


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@require_safe
@login_required
def case(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    found = access.get_case_for_user(user, public_id)
    engine.record_event(user, found, CaseEvent.VIEWED)
    return render(request, "staff/case.html", {"case": found})


@require_safe
@login_required
def record(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return views_record.record(request, public_id)
