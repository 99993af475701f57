"""Retention in the demo: two members of staff who left Riverside Academy six years ago, both
on the list of cases due for erasure in the next 30 days. Mark Ellison's record is erased by
the schedule in a little over two weeks; Joanne Pike's was due last month, but the council's
legal services asked for it to be kept while her employment tribunal claim is heard, so it is
on legal hold. Each declined the exit interview when it was offered, through the real
actions, and its timeline was then moved back to when it happened."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.core.dates import years_before
from leaver.demo import staff
from leaver.pathways.staff import actions_leavers
from leaver.retention import actions as retention

HOLD_REASON = ("Legal services (ref. LS/2026/118): Joanne Pike has brought an employment "
               "tribunal claim about her pay. Keep her record until the claim is settled.")


def _old_leaver(school: staff.School, name: str, job: str, reason: str, department: str,
                left: dt.date, why_not: str) -> Interview:
    case = actions_leavers.record_leaver(actor=school.hr, details=actions_leavers.LeaverDetails(
        name=name, email=f"{name.lower().replace(' ', '.')}@staffmail.example", job_role=job,
        school=school.setting, start_date=years_before(left, 8), leaving_date=left,
        reason_code=reason, department=department))
    case = staff.offer(case, school)
    staff.reply(case, accepted=False, reason=why_not)
    # Recorded a month before they left.
    staff.earlier(case, (timezone.localdate() - left).days + 30)
    return case


def load(admin: User, school: staff.School) -> None:
    six_years_ago = years_before(timezone.localdate(), 6)
    _old_leaver(school, "Mark Ellison", "Teacher of history", "relocation", "Humanities",
                six_years_ago + dt.timedelta(days=18),
                "We are moving to Scotland and I have a lot to sort out. Thank you.")
    held = _old_leaver(school, "Joanne Pike", "Teaching assistant", "pay", "Learning support",
                       six_years_ago - dt.timedelta(days=40), "No, thank you.")
    retention.place_hold(actor=admin, interview=held, reason=HOLD_REASON, now=timezone.now())
