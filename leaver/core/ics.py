"""A calendar invitation (RFC 5545 iCalendar, sent as an iTIP REQUEST, RFC 5546) for one
meeting, as text. Pure: no database, no clock; the caller gives every value.

Times are written in the school's time zone, Europe/London, with its VTIMEZONE, so a calendar
shows the time that was typed whatever the season; DTSTAMP is in UTC as the RFC requires.
Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text values
escape backslash, semicolon, comma and new lines. A second invitation for the same meeting
keeps the UID and raises SEQUENCE, so calendars update the event instead of adding one.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

ZONE = "Europe/London"
PRODID = "-//Leaver//Exit interviews//EN"
LINE_OCTETS = 75
CRLF = "\r\n"

# The United Kingdom's rules since 1996 (EU summer time): BST from the last Sunday of March
# at 01:00 UTC to the last Sunday of October at 01:00 UTC (02:00 BST).
_LONDON = (
    "BEGIN:VTIMEZONE",
    f"TZID:{ZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


@dataclass(frozen=True)
class Meeting:
    uid: str  # the same for every version of the meeting
    sequence: int  # 0 for the first invitation, one more for each change
    stamp: dt.datetime  # when this invitation was made (aware)
    start: dt.datetime  # aware
    end: dt.datetime  # aware
    summary: str
    location: str
    organizer_email: str
    organizer_name: str
    attendee_email: str
    description: str = ""


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): \\ ; , escaped and every line break as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _param(text: str) -> str:
    """A parameter value (§3.2): quoted, without the characters a quoted value cannot hold."""
    cleaned = "".join(c for c in text if c not in '"\r\n' and (c == "\t" or ord(c) >= 32))
    return f'"{cleaned}"'


def fold(line: str) -> str:
    """One content line folded (§3.1): at most 75 octets per physical line, each continuation
    starting with a space, never splitting a UTF-8 character."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1  # the leading space is an octet
        current += char
        size += octets
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _utc(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("Calendar times must be aware.")
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _local(moment: dt.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("Calendar times must be aware.")
    return moment.astimezone(zoneinfo.ZoneInfo(ZONE)).strftime("%Y%m%dT%H%M%S")


def invitation(meeting: Meeting) -> str:
    """The whole calendar object, CRLF line endings included."""
    if any(m.tzinfo is None for m in (meeting.stamp, meeting.start, meeting.end)):
        raise ValueError("Calendar times must be aware.")
    if meeting.end <= meeting.start:
        raise ValueError("A meeting must end after it starts.")
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:REQUEST",
        *_LONDON,
        "BEGIN:VEVENT",
        f"UID:{meeting.uid}",
        f"SEQUENCE:{meeting.sequence}",
        f"DTSTAMP:{_utc(meeting.stamp)}",
        f"DTSTART;TZID={ZONE}:{_local(meeting.start)}",
        f"DTEND;TZID={ZONE}:{_local(meeting.end)}",
        f"SUMMARY:{escape(meeting.summary)}",
        f"LOCATION:{escape(meeting.location)}",
        *([f"DESCRIPTION:{escape(meeting.description)}"] if meeting.description else []),
        f"ORGANIZER;CN={_param(meeting.organizer_name)}:mailto:{meeting.organizer_email}",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:"
        f"mailto:{meeting.attendee_email}",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + CRLF for line in lines)
