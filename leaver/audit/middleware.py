from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from leaver.audit.context import RequestOrigin, current_origin


class RequestContextMiddleware:
    """Remember the client address for the audit log. REMOTE_ADDR is the proxy's address
    when behind one; the proxy must then pass the real address (see docs/decisions)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = RequestOrigin(
            ip_address=request.META.get("REMOTE_ADDR") or None,
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )
        token = current_origin.set(origin)
        try:
            return self.get_response(request)
        finally:
            current_origin.reset(token)
