"""Who may see which aggregate reports. The one place these rules live.

The annual monitoring report (seed 002) is for the IROs who write it, the Children's
Services Managers and the senior managers it goes to, for the whole organisation.

Staff turnover (seed 000) is for the people who run the pathway and those who oversee a
school: a headteacher and a governor for their own schools, an HR lead for the schools they
hold the role for (every school without one: a trust's HR). Reports hold aggregates only,
under disclosure control (leaver.reports.disclosure): nobody reads a record through them.
"""

from __future__ import annotations

from django.db.models import QuerySet

from leaver.accounts.models import User
from leaver.organisations import roles
from leaver.organisations.models import Role, Setting, SettingKind
from leaver.reports.models import Kind, StoredReport

TURNOVER_ROLES = (Role.HEADTEACHER, Role.HR_LEAD, Role.GOVERNOR)
# The annual monitoring report: the IROs who write it, the CSMs, and the senior managers it
# is for (seed 002: "to Joint Senior Managers"). Their whole organisation's homes.
MONITORING_ROLES = (Role.IRO, Role.CSM, Role.SENIOR_MANAGER)


def may_see_monitoring(user: User) -> bool:
    return roles.has_role(user, *MONITORING_ROLES)


def may_see_turnover(user: User) -> bool:
    return roles.has_role(user, *TURNOVER_ROLES)


def turnover_schools(user: User) -> QuerySet[Setting]:
    """The schools whose staff turnover the user may see (none: not theirs to see)."""
    if not user.is_authenticated or user.organisation_id is None:
        return Setting.objects.none()
    schools = Setting.objects.filter(organisation_id=user.organisation_id,
                                     kind=SettingKind.SCHOOL).order_by("name")
    scope = roles.scope_of(user, TURNOVER_ROLES)
    return schools if scope is None else schools.filter(pk__in=scope)


def may_see_stored_report(user: User, report: StoredReport) -> bool:
    """A stored report (ADR 0023): of the user's own organisation, of a kind they may see,
    and for staff turnover only if it covers no school beyond theirs."""
    if not user.is_authenticated or user.organisation_id != report.organisation_id:
        return False
    if report.kind == Kind.MONITORING:
        return may_see_monitoring(user)
    if report.kind == Kind.TURNOVER and may_see_turnover(user):
        schools = set(turnover_schools(user).values_list("pk", flat=True))
        return set(report.setting_ids) <= schools
    return False


# The export of every closed answer (leaver.reports.answers_export): pseudonymous, one row per
# answer, for the IROs and CSMs who may read the records anyway; not for senior managers, who
# see aggregates only.
ANSWERS_EXPORT_ROLES = (Role.IRO, Role.CSM)


def may_export_answers(user: User) -> bool:
    return roles.has_role(user, *ANSWERS_EXPORT_ROLES)
