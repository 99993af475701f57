"""The calendar invitation: valid lines (CRLF, folded at 75 octets), escaped text, the school's
time zone, and the same UID with a higher SEQUENCE for a change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo

import pytest

from leaver.core import ics

LONDON = zoneinfo.ZoneInfo("Europe/London")


def meeting(**overrides: object) -> ics.Meeting:
    values: dict[str, object] = {
        "uid": "abc@leaver", "sequence": 0,
        "stamp": dt.datetime(2027, 1, 5, 9, 0, tzinfo=dt.UTC),
        "start": dt.datetime(2027, 7, 1, 14, 30, tzinfo=LONDON),
        "end": dt.datetime(2027, 7, 1, 15, 30, tzinfo=LONDON),
        "summary": "Exit interview", "location": "Room 4, Main building; first floor",
        "organizer_email": "noreply@example.org", "organizer_name": "North School",
        "attendee_email": "leaver@example.org",
    }
    values.update(overrides)
    return ics.Meeting(**values)  # type: ignore[arg-type]


def unfold(text: str) -> list[str]:
    """A tiny reader: physical lines joined back into content lines."""
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def properties(text: str) -> dict[str, str]:
    """The VEVENT's properties, name (with parameters) -> value."""
    lines = unfold(text)
    event = lines[lines.index("BEGIN:VEVENT") + 1:lines.index("END:VEVENT")]
    return dict(line.split(":", 1) for line in event)


def test_every_line_ends_in_crlf_and_none_is_longer_than_75_octets() -> None:
    text = ics.invitation(meeting(location="A very long place name " * 10 + "ééé" * 30))
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75


def test_folding_never_splits_a_character_and_unfolds_to_the_same_text() -> None:
    place = "Café ☕ " * 30
    text = ics.invitation(meeting(location=place))
    text.encode("utf-8").decode("utf-8")  # each physical line is whole UTF-8
    for line in text.split("\r\n")[:-1]:
        line.encode("utf-8")
    assert properties(text)["LOCATION"] == place


def test_fold_leaves_a_short_line_alone_and_cuts_a_long_one_at_75_octets() -> None:
    assert ics.fold("SUMMARY:Exit interview") == "SUMMARY:Exit interview"
    folded = ics.fold("X:" + "a" * 100).split("\r\n")
    assert len(folded[0]) == 75
    assert folded[1].startswith(" ")
    assert len(folded[1]) <= 75
    assert folded[0] + folded[1][1:] == "X:" + "a" * 100


def test_text_escapes_backslash_semicolon_comma_and_new_lines() -> None:
    assert ics.escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    props = properties(ics.invitation(meeting(location="Room 4, Main building; first floor")))
    assert props["LOCATION"] == "Room 4\\, Main building\\; first floor"


def test_the_invitation_has_what_a_calendar_needs_in_the_schools_time_zone() -> None:
    text = ics.invitation(meeting())
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "METHOD:REQUEST" in lines
    assert "VERSION:2.0" in lines
    assert "TZID:Europe/London" in lines  # the VTIMEZONE the TZID refers to
    props = properties(text)
    assert props["UID"] == "abc@leaver"
    assert props["SEQUENCE"] == "0"
    assert props["DTSTAMP"] == "20270105T090000Z"
    # Summer: 14:30 in London, written as the local time with its zone.
    assert props["DTSTART;TZID=Europe/London"] == "20270701T143000"
    assert props["DTEND;TZID=Europe/London"] == "20270701T153000"
    assert props["SUMMARY"] == "Exit interview"
    assert props["ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE"] == (
        "mailto:leaver@example.org")


def test_a_time_given_in_utc_is_written_as_the_london_time() -> None:
    start = dt.datetime(2027, 7, 1, 13, 30, tzinfo=dt.UTC)
    props = properties(ics.invitation(meeting(start=start, end=start + dt.timedelta(hours=1))))
    assert props["DTSTART;TZID=Europe/London"] == "20270701T143000"


def test_a_change_keeps_the_uid_and_raises_the_sequence() -> None:
    first = properties(ics.invitation(meeting()))
    second = properties(ics.invitation(dataclasses.replace(meeting(), sequence=1)))
    assert first["UID"] == second["UID"]
    assert (first["SEQUENCE"], second["SEQUENCE"]) == ("0", "1")


def test_naive_times_and_a_meeting_ending_before_it_starts_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        ics.invitation(meeting(start=dt.datetime(2027, 7, 1, 14, 30)))
    with pytest.raises(ValueError, match="end after it starts"):
        ics.invitation(meeting(end=dt.datetime(2027, 7, 1, 13, 0, tzinfo=LONDON)))
