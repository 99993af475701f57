"""The one way a form page handles a POST: valid input goes to an action; an action's
refusal or invalid input re-displays the form with what the user typed and status 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from leaver.interviews.pathway import PathwayError


def posted(request: HttpRequest) -> QueryDict | None:
    """The submitted data, or None on GET. An empty POST still counts as submitted: a form
    sent with nothing filled in must say what is missing, not show itself blank again."""
    return request.POST if request.method == "POST" else None


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
        except PathwayError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, success)
            return redirect(next_url(result) if callable(next_url) else next_url)
    return render(request, template, context, status=400)
