"""Recording many leavers from a CSV file, all or nothing.

The file has a header row naming these columns (any order; extra columns are refused so a
typo is not silently ignored):

    name            the leaver's full name (required)
    email           their email address: the offer is sent there (required)
    job_role        for example "Teaching assistant" (required)
    department      optional
    line_manager_email  the email address of a Leaver user of your organisation, or
    line_manager_name   the line manager's name if they have no account (either, optional)
    start_date      when they started: YYYY-MM-DD or DD/MM/YYYY (required)
    leaving_date    when they leave, on or after the start date (required)
    reason_code     a code of the staff questionnaire's reasons for leaving, e.g. "workload"
    school          the school's name exactly as in Leaver: one you record leavers for
    language        "en" (English, the default when empty) or "cy" (Welsh)

Row 1 is the header, so the first leaver is row 2, as a spreadsheet numbers it. Any problem
in any row (a bad date, a leaver already open, the same person twice in the file) is listed
by row number and nothing is recorded. The file is read as data only: nothing in it is ever
evaluated (formula-safe handling is for exports).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from leaver.accounts.models import User
from leaver.organisations.models import Setting
from leaver.pathways.staff.actions_leavers import LeaverDetails, problems, schools_for
from leaver.pathways.staff.models import StaffLanguage

MAX_BYTES = 512 * 1024
MAX_ROWS = 500
REQUIRED = ("name", "email", "job_role", "start_date", "leaving_date", "reason_code", "school")
OPTIONAL = ("department", "line_manager_email", "line_manager_name", "language")
COLUMNS = REQUIRED + OPTIONAL
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass
class Checked:
    """What a file holds: the leavers it would record, or the problems (then none)."""

    rows: list[tuple[int, LeaverDetails]] = field(default_factory=list)  # (row number, …)
    problems: list[str] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _text(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def check(actor: User, data: bytes) -> Checked:
    """Read and check the whole file; record nothing."""
    result = Checked()
    if len(data) > MAX_BYTES:
        result.problems.append(f"The file must be {MAX_BYTES // 1024} KB or smaller.")
        return result
    text = _text(data)
    if text is None:
        result.problems.append("The file must be a CSV file saved as text (UTF-8).")
        return result
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        result.problems.append("The file is empty.")
        return result
    missing = [c for c in REQUIRED if c not in header]
    unknown = [h for h in header if h not in COLUMNS]
    if missing or unknown:
        if missing:
            result.problems.append("The header row is missing: " + ", ".join(missing) + ".")
        if unknown:
            result.problems.append("The header row has columns Leaver does not know: "
                                   + ", ".join(unknown) + ".")
        return result
    schools = {s.name.strip().lower(): s for s in schools_for(actor)}
    managers = {u.email.lower(): u for u in User.objects.filter(
        organisation_id=actor.organisation_id or 0, is_active=True)}
    seen: dict[tuple[str, int], int] = {}
    number = 1
    try:
        for number, values in enumerate(reader, start=2):
            if number - 1 > MAX_ROWS:
                result.problems = [f"The file has more than {MAX_ROWS} leavers. Split it into "
                                   "smaller files."]
                return result
            if not any(v.strip() for v in values):
                continue
            row = dict(zip(header, (v.strip() for v in values), strict=False))
            details, found = _row(row, schools, managers)
            if details is not None:
                found += problems(actor, details)
                key = (details.email.lower(), details.school.pk)
                if key in seen:
                    found.append(f"the same leaver is also in row {seen[key]}")
                else:
                    seen[key] = number
            result.problems += [f"Row {number}: {p}" for p in found]
            if details is not None and not found:
                result.rows.append((number, details))
    except csv.Error:
        result.problems.append(f"Row {number}: the file could not be read as CSV here.")
    if not result.rows and not result.problems:
        result.problems.append("The file has no leavers in it.")
    if result.problems:
        result.rows = []
    return result


def _row(row: dict[str, str], schools: dict[str, Setting], managers: dict[str, User]
         ) -> tuple[LeaverDetails | None, list[str]]:
    found: list[str] = []
    start = parse_date(row.get("start_date", ""))
    leaving = parse_date(row.get("leaving_date", ""))
    for value, what in ((start, "start date"), (leaving, "leaving date")):
        if value is None:
            found.append(f"the {what} must be a date like 2027-07-31 or 31/07/2027")
    school = schools.get(row.get("school", "").lower())
    if school is None:
        found.append(f"“{row.get('school', '')}” is not one of the open schools you record "
                     "leavers for")
    manager = None
    manager_email = row.get("line_manager_email", "")
    if manager_email:
        manager = managers.get(manager_email.lower())
        if manager is None:
            found.append(f"no active user of your organisation has the email {manager_email}")
    language = row.get("language", "") or StaffLanguage.ENGLISH
    if language not in StaffLanguage.values:
        found.append("the language must be en (English) or cy (Welsh)")
    if found or start is None or leaving is None or school is None:
        return None, found
    return LeaverDetails(
        name=row.get("name", ""), email=row.get("email", ""), job_role=row.get("job_role", ""),
        department=row.get("department", ""), line_manager=manager,
        line_manager_name=row.get("line_manager_name", ""), start_date=start,
        leaving_date=leaving, reason_code=row.get("reason_code", ""), school=school,
        language=language), found
