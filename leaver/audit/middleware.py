from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from leaver.audit.context import RequestOrigin, current_origin
from leaver.core.client_address import client_address


class RequestContextMiddleware:
    """Remember the client address for the audit log: the same address the sign-in lockout
    counts by (X-Forwarded-For only from a trusted proxy: leaver.core.client_address)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        origin = RequestOrigin(
            ip_address=client_address(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        )
        token = current_origin.set(origin)
        try:
            return self.get_response(request)
        finally:
            current_origin.reset(token)
