"""Where to go after a sign-in step: the page the person asked for, if it is one of ours."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return str(resolve_url(settings.LOGIN_REDIRECT_URL))


def with_next(name: str, next_page: str) -> str:
    """The address of the named page, carrying on to `next_page` afterwards."""
    return f"{reverse(name)}?{urlencode({'next': next_page})}"
