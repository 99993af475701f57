"""Keeping a session alive while someone is typing a long form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST


@never_cache
@require_POST
def keep_alive(request: HttpRequest) -> HttpResponse:
    """Typing is activity: pages with forms call this while the user types, so the idle
    sign-out (SESSION_IDLE_MINUTES) does not throw away a half-written interview record.
    The session middleware moves the expiry on because SESSION_SAVE_EVERY_REQUEST is set."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    return HttpResponse(status=204)
