"""What every page's header needs: the organisation's name and the user's navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from leaver.organisations import roles
from leaver.organisations.models import Role, SettingKind
from leaver.organisations.second_factor import owes_second_factor


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    idle = settings.SESSION_IDLE_MINUTES
    if not user.is_authenticated:
        return {"nav_items": [], "organisation_name": "", "session_idle_minutes": idle}
    organisation_name = user.organisation.name if user.organisation else ""
    if owes_second_factor(request):
        # Until the code is entered, only signing out is offered: every other page would
        # send them back to the code.
        return {"nav_items": [], "organisation_name": organisation_name,
                "session_idle_minutes": idle}
    held = roles.roles_of(user)
    items = [("Your work", reverse("young_person:your_work"))]
    # An interviewer for a school interviews its staff; any other interviewer, young people.
    schools: set[bool] = set()
    if Role.INTERVIEWER in held:
        schools = {kind == SettingKind.SCHOOL
                   for kind in roles.setting_kinds_for(user, Role.INTERVIEWER)}
    if held & {Role.CSM, Role.IRO, Role.UNIT_MANAGER, Role.SOCIAL_WORKER} or False in schools:
        items.append(("Cases", reverse("young_person:case_list")))
    if held & {Role.HEADTEACHER, Role.HR_LEAD} or True in schools:
        items.append(("Staff leavers", reverse("staff:case_list")))
    if held & {Role.IRO, Role.CSM, Role.SENIOR_MANAGER}:
        items.append(("Annual report", reverse("reports:annual_monitoring")))
    if held & {Role.HEADTEACHER, Role.HR_LEAD, Role.GOVERNOR}:
        items.append(("Staff turnover", reverse("reports:staff_turnover")))
    items.append(("Your recommendations", reverse("reviews:my_recommendations")))
    if Role.SAFEGUARDING_LEAD in held:
        items.append(("Safeguarding concerns", reverse("safeguarding:list")))
    if Role.ORG_ADMIN in held:
        items.append(("Organisation admin", reverse("administration:index")))
    items.append(("Your account", reverse("accounts:your_account")))
    current = request.path
    return {
        "nav_items": [
            {"label": label, "url": url, "active": current.startswith(url)}
            for label, url in items
        ],
        "organisation_name": organisation_name,
        "session_idle_minutes": idle,
    }
