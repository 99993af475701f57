"""An email may carry one text attachment (a calendar invitation): kept with the outbox row,
attached by SMTP (and the console/locmem backends), and never held for a daily summary. GOV.UK
Notify cannot attach it: the body, which says what it holds, is what goes."""

from __future__ import annotations

import email
from email.message import Message as MimeMessage

from django.core import mail

from leaver.notifications.email import notify
from leaver.notifications.models import Message, Status
from leaver.notifications.outbox import Attachment, Draft, queue
from leaver.notifications.sender import send_due

INVITE = Attachment("invite.ics", "text/calendar",
                    "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n")


def _parts(raw: str) -> list[MimeMessage]:
    return list(email.message_from_string(raw).walk())


def test_the_attachment_is_kept_with_the_message_and_reaches_the_smtp_server(cast, smtp):
    queue([Draft(to="leaver@example.org", subject="Your exit interview",
                 body="On 1 July at 14:30", attachment=INVITE)])
    row = Message.objects.get(to="leaver@example.org")
    assert (row.attachment_name, row.attachment_type) == ("invite.ics", "text/calendar")
    assert send_due() == 1
    [received] = smtp.received
    calendar = [p for p in _parts(received.data) if p.get_content_type() == "text/calendar"]
    assert len(calendar) == 1
    assert calendar[0].get_filename() == "invite.ics"
    payload = calendar[0].get_payload(decode=True)
    assert isinstance(payload, bytes)
    assert "METHOD:REQUEST" in payload.decode()


def test_a_message_without_an_attachment_has_no_attachment(cast, smtp):
    queue([Draft(to="someone@example.org", subject="Hello", body="Hello")])
    assert send_due() == 1
    [received] = smtp.received
    assert not [p for p in _parts(received.data) if p.get_filename()]


def test_notify_with_an_attachment_sends_it_with_the_details_in_the_body(cast):
    notify([cast.iro], subject="An exit interview has been arranged", path="/x/",
           attachment=INVITE, details="When: 1 July 2027 at 14:30\nWhere: Room 4")
    assert send_due() == 1
    [sent] = mail.outbox
    assert sent.attachments[0][0] == "invite.ics"
    assert "When: 1 July 2027 at 14:30" in sent.body


def test_an_email_with_an_attachment_is_not_held_for_the_daily_summary(cast):
    cast.iro.email_digest = True
    cast.iro.save()
    notify([cast.iro], subject="Arranged", path="/x/", digestible=True, attachment=INVITE)
    assert Message.objects.get(to=cast.iro.email).status == Status.QUEUED


def test_gov_uk_notify_gets_the_body_with_the_details_and_no_attachment(cast, notify_server):
    notify([cast.iro], subject="An exit interview has been arranged", path="/x/",
           attachment=INVITE, details="When: 1 July 2027 at 14:30")
    assert send_due() == 1
    [sent] = notify_server.state.sent
    assert "When: 1 July 2027 at 14:30" in sent["personalisation"]["body"]
    assert "VCALENDAR" not in str(sent)
