"""The one way a page handles a refusal and a form POST.

Valid input goes to an action; an action's refusal or invalid input re-displays the form with
what the user typed and status 400. A refusal raised anywhere else in a view (a step that
cannot be taken now) becomes the "You cannot do this" page with status 403, through
`RefusalMiddleware`: views never catch `ActionRefused` themselves. The same middleware turns
SQLite's "database is locked" (a save that waited its whole turn, see DATABASES in settings)
into the "Leaver is busy, try again" page with status 503, never a server error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from leaver.core.errors import ActionRefused

logger = logging.getLogger(__name__)


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, or None on GET. An empty POST still counts as submitted: a form
    sent with nothing filled in must say what is missing, not show itself blank again."""
    return request.POST if request.method == "POST" else None


def cannot(request: HttpRequest, refusal: ActionRefused) -> HttpResponse:
    """The "You cannot do this" page: what was refused, that nothing changed, a way back."""
    return render(request, "ui/cannot.html", {
        "message": refusal.message, "back_url": refusal.back_url,
        "back_label": refusal.back_label,
    }, status=403)


def database_busy(exception: BaseException) -> bool:
    """SQLite's write lock stayed taken for the whole busy timeout. Only this: any other
    database error is a fault, and stays one."""
    return isinstance(exception, OperationalError) and "database is locked" in str(exception)


def busy(request: HttpRequest) -> HttpResponse:
    """The "Leaver is busy" page: nothing was saved; send it again in a few seconds."""
    response = render(request, "ui/busy.html", status=503)
    response["Retry-After"] = "5"
    return response


class RefusalMiddleware:
    """Turns an `ActionRefused` escaping a view into the "You cannot do this" page, and a
    database too busy to save into the "Leaver is busy" page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception
                          ) -> HttpResponse | None:
        if isinstance(exception, ActionRefused):
            return cannot(request, exception)
        if database_busy(exception):
            logger.warning("The database was busy: %s %s was asked to try again.",
                           request.method, request.path)
            return busy(request)
        return None


def form_page(
    request: HttpRequest, template: str, context: dict[str, Any], form: forms.Form,
    submit: Callable[[dict[str, Any]], Any], success: str,
    next_url: str | Callable[[Any], str],
) -> HttpResponse:
    """`next_url` is an address, or a function of what `submit` returned."""
    context = {**context, "form": form}
    if request.method != "POST":
        return render(request, template, context)
    if form.is_valid():
        try:
            result = submit(form.cleaned_data)
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success)
            return redirect(next_url(result) if callable(next_url) else next_url)
    return render(request, template, context, status=400)
