"""Arranging the interview: never in the past; a calendar invitation (RFC 5545, the school's
time zone, nothing personal in its summary) to the interviewer and the leaver; a change sends
an update of the same event."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from leaver.cases.models import Interview
from leaver.notifications.models import Message
from leaver.notifications.testing import deliver_all
from leaver.pathways.staff import interviewing
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    LEAVER_EMAIL,
    StaffCast,
    make_interview_cast,
    make_staff_case,
    schedule_post,
    text_of,
)

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


@pytest.fixture
def staff() -> StaffCast:
    return make_interview_cast()


def url(case: Interview) -> str:
    return f"/staff/cases/{case.public_id}/schedule/"


def parse(text: str) -> dict[str, str]:
    """A tiny iCalendar reader: unfold the lines, keep the VEVENT's properties."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines: list[str] = []
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "METHOD:REQUEST" in lines
    event = lines[lines.index("BEGIN:VEVENT") + 1:lines.index("END:VEVENT")]
    props = {}
    for line in event:
        name, value = line.split(":", 1)
        props[name] = value
    return props


def next_week_at_half_two() -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=7)
    return dt.datetime.combine(day, dt.time(14, 30), tzinfo=LONDON)


def test_a_time_in_the_past_is_refused_and_nothing_changes(staff):
    case = make_staff_case(staff, State.INTERVIEWER_ASSIGNED)
    sent = Message.objects.count()
    past = timezone.localtime() - dt.timedelta(days=1)
    response = staff.login(staff.interviewer).post(url(case), schedule_post(past, "Room 9"))
    assert response.status_code == 400
    page = text_of(response)
    assert "has already passed. Choose a date and time in the future." in page
    assert 'value="Room 9"' in page  # what was typed is shown again
    case.refresh_from_db()
    assert (case.state, case.scheduled_for, case.location) == (
        State.INTERVIEWER_ASSIGNED, None, "")
    assert Message.objects.count() == sent


def test_the_interviewer_and_the_leaver_get_a_calendar_invitation(staff):
    case = make_staff_case(staff, State.INTERVIEWER_ASSIGNED)
    when = next_week_at_half_two()
    response = staff.login(staff.interviewer).post(
        url(case), schedule_post(when, "Room 4, Main building; first floor"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.state, case.scheduled_for) == (State.SCHEDULED, when)
    rows = {m.to: m for m in Message.objects.exclude(attachment_name="")}
    assert set(rows) == {staff.interviewer.email, LEAVER_EMAIL}
    for address, row in rows.items():
        assert row.attachment_type == "text/calendar"
        props = parse(row.attachment_text)
        assert props["UID"] == f"{case.public_id}@leaver"
        assert props["SEQUENCE"] == "0"
        assert props["DTSTART;TZID=Europe/London"] == f"{when:%Y%m%d}T143000"
        assert props["DTEND;TZID=Europe/London"] == f"{when:%Y%m%d}T153000"
        assert props["DTSTAMP"].endswith("Z")
        assert props["SUMMARY"] == "Exit interview"  # nothing personal
        assert props["LOCATION"] == "Room 4\\, Main building\\; first floor"
        assert props[next(k for k in props if k.startswith("ATTENDEE"))] == f"mailto:{address}"
        # The body says it too (GOV.UK Notify sends no attachments).
        assert f"When: {when:%-d %B %Y} at 14:30" in row.body
        assert case.leaver_name not in row.attachment_text
    deliver_all()
    delivered = {m.to[0]: m for m in mail.outbox}
    assert delivered[LEAVER_EMAIL].attachments[0][0] == "exit-interview.ics"
    assert delivered[staff.interviewer.email].attachments[0][2].startswith("text/calendar")


def test_moving_the_interview_updates_the_same_event(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    later = next_week_at_half_two() + dt.timedelta(days=1)
    Message.objects.all().delete()
    interviewing.schedule(actor=staff.hr_lead, case=case, when=later, location="Room 5")
    for row in Message.objects.exclude(attachment_name=""):
        props = parse(row.attachment_text)
        assert props["UID"] == f"{case.public_id}@leaver"
        assert props["SEQUENCE"] == "1"
        assert "moved" in row.subject


def test_the_headteacher_cannot_arrange_it(staff):
    case = make_staff_case(staff, State.INTERVIEWER_ASSIGNED)
    response = staff.login(staff.headteacher).get(url(case))
    assert response.status_code == 403
    assert "Only " in text_of(response)


def test_another_interviewer_does_not_see_the_case(staff):
    case = make_staff_case(staff, State.INTERVIEWER_ASSIGNED)
    assert staff.login(staff.other_interviewer).get(url(case)).status_code == 404
