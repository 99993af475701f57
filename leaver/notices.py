"""The privacy notice and the accessibility statement, linked from every page's footer.

Both are written for one organisation, with its details filled in: the one chosen by the slug
in the address (`/privacy/<slug>/`, the public address an organisation gives to the young
people and staff whose records it holds, who have no account), otherwise the signed-in user's
own, otherwise a general version that names no organisation. They show only what an
organisation publishes anyway: its name, address, contact details and data protection contact;
never its people, settings or cases.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from leaver.organisations.models import Organisation

# When the accessibility statement was written, last reviewed, and the service last tested
# (the automated browser tests run on every change; update these at each manual review).
STATEMENT_PREPARED = dt.date(2026, 12, 1)
STATEMENT_REVIEWED = dt.date(2026, 12, 1)
SERVICE_TESTED = dt.date(2026, 12, 1)


def _organisation(request: HttpRequest, slug: str | None) -> Organisation | None:
    if slug is not None:
        return get_object_or_404(Organisation, slug=slug)
    user = request.user
    if user.is_authenticated:
        return user.organisation
    return None


def _context(request: HttpRequest, slug: str | None, page: str) -> dict[str, Any]:
    organisation = _organisation(request, slug)
    public_url = ""
    if organisation is not None:
        public_url = settings.SITE_URL + reverse(f"{page}_for", args=[organisation.slug])
    return {
        "organisation": organisation,
        # Who "we" are, for sentences; the general version names no organisation.
        "who": organisation.name if organisation else "the organisation that holds the record",
        "public_url": public_url,
        "site_url": settings.SITE_URL,
    }


@require_safe
def privacy(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    return render(request, "notices/privacy.html", _context(request, slug, "privacy"))


@require_safe
def accessibility(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    return render(request, "notices/accessibility.html", {
        **_context(request, slug, "accessibility"),
        "prepared": STATEMENT_PREPARED, "reviewed": STATEMENT_REVIEWED,
        "tested": SERVICE_TESTED,
    })
