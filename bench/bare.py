"""Leaver's URLs plus a bare view: the baseline the pages are measured against. It runs through
the same middleware (session, sign-in, second factor, CSP, audit context) on the same server,
and does nothing else: what is left of a page's time is the page's own work."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from leaver import urls as leaver_urls


@login_required
def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [*leaver_urls.urlpatterns, path("bench/bare/", bare, name="bench_bare")]
handler400 = leaver_urls.handler400
handler403 = leaver_urls.handler403
handler404 = leaver_urls.handler404
handler500 = leaver_urls.handler500
