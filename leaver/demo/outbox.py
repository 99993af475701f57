"""The demo's emails: everything the demo's actions queued counts as sent while it was built
(links removed, as after any sending), and one email to the agency's contact keeps failing,
so that the admin's "Emails not sent" page has something on it."""

from __future__ import annotations

from django.utils import timezone

from leaver.accounts.models import User
from leaver.notifications.email import notify
from leaver.notifications.models import Message, Status
from leaver.notifications.sender import MAX_ATTEMPTS


def settle(organisation_id: int, hana: User) -> None:
    now = timezone.now()
    built = Message.objects.filter(organisation_id=organisation_id, status=Status.QUEUED)
    built.filter(secret=True).update(status=Status.SENT, sent_at=now, attempts=1, body="")
    built.update(status=Status.SENT, sent_at=now, attempts=1)
    notify([hana], subject="A young person is moving: an exit interview to arrange",
           path="/work/", organisation_id=organisation_id)
    # Horizon Care's mail server refused the address every time.
    Message.objects.filter(organisation_id=organisation_id, to=hana.email,
                           status=Status.QUEUED).update(
        status=Status.FAILED, attempts=MAX_ATTEMPTS, last_attempt_at=now,
        last_error="SMTPRecipientsRefused", last_error_code=550)
