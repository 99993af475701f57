"""The warning the interviewer sees at once: after a save (a POST that succeeded) that met a
safeguarding trigger, the next page says a concern has been raised, who has been told, and
what to do now if the young person is in immediate danger.

A middleware, so that no pathway's view has to know about safeguarding: it looks for answers
this person recorded as triggers during the request (one indexed query per successful POST).
Placed after Django's MessageMiddleware, so the message is stored with the redirect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from leaver.safeguarding import config, queries, telling
from leaver.safeguarding.models import Source, Trigger


class RaisedNoticeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = timezone.now()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (request.method == "POST" and response.status_code in (302, 303)
                and user is not None and user.is_authenticated):
            for text in notices(user.pk, started):
                messages.warning(request, text)
        return response


def notices(user_id: int, since: dt.datetime) -> list[str]:
    found = (Trigger.objects.filter(recorded_by_id=user_id, recorded_at__gte=since)
             .select_related("concern").order_by("id"))
    texts = []
    for concern in {t.concern_id: t.concern for t in found}.values():
        told = queries.receivers(concern.organisation_id).words
        first = concern.source == Source.ANSWER and concern.raised_at >= since
        what = ("A safeguarding concern has been raised from the answers you saved. "
                f"{told[:1].upper()}{told[1:]} have been told and must acknowledge it by "
                f"{telling.when(concern.acknowledge_by)}." if first else
                "The answers you saved have been added to the open safeguarding concern about "
                f"this young person, and {told} have been told.")
        phone = config.settings_for(concern.organisation_id).out_of_hours_phone
        danger = ("If the young person is in immediate danger, call 999 now"
                  + (f", then ring the out-of-hours safeguarding number, {phone}." if phone
                     else "."))
        texts.append(f"{what} {danger}")
    return texts
