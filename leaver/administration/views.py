"""The "Organisation admin" hub: the sections an organisation admin runs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from leaver.administration.access import administered_by
from leaver.organisations import roles
from leaver.organisations.models import Role

# (URL name, title, what it is for). Each section's package provides its URL name.
SECTIONS = [
    ("administration:users:list", "Users",
     "Invite people, give them roles, switch accounts off and on."),
    ("administration:organisation:index", "Organisation settings",
     "Homes, placements and schools; confidentiality statements; who gets a copy of each "
     "record; the details printed in letters."),
    ("administration:auditlog:list", "Audit log",
     "Who read or changed what, and when. Export it as a spreadsheet."),
    ("administration:outbox:list", "Emails not sent",
     "Emails Leaver could not send yet, why, and when it tries again."),
    ("retention:settings", "Keeping and erasing records",
     "How long records are kept, what will be erased in the next 30 days, legal holds, and "
     "erasing a case on request."),
]


@require_safe
@login_required
def index(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    sections = [{"url": reverse(name), "title": title, "hint": hint}
                for name, title, hint in SECTIONS]
    # Without a safeguarding lead nobody can acknowledge a concern: it would only escalate to
    # the CSMs, round after round. Say so where the admin can put it right.
    no_lead = not roles.users_with_role(organisation.pk, Role.SAFEGUARDING_LEAD).exists()
    return render(request, "administration/index.html",
                  {"organisation": organisation, "sections": sections, "no_lead": no_lead})
