"""Response headers that keep personal data out of caches and the browser's features shut.

Every page Leaver renders may show personal data (cases, records, recommendations, letters,
admin pages, the audit log), so no response from a view may be stored by a browser or a proxy:
`Cache-Control: no-store` (with `private` and `max-age=0` for old caches). The app's static files
never reach this middleware: WhiteNoise serves them first, with long cache lifetimes.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

# Leaver uses no camera, microphone, location, payment or other powerful browser feature.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb", "interest-cohort", "browsing-topics"))


class NoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
