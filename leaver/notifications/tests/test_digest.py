"""The daily summary: for people who chose it, digestible emails wait and go out as one email
a day at 07:00 UK time; anything else goes at once. The choice is on "Your account"."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import timezone

from leaver.audit.events import AccountEvent
from leaver.audit.models import AuditEvent
from leaver.notifications.digest import build_digests
from leaver.notifications.email import notify
from leaver.notifications.models import Message, Status
from leaver.notifications.testing import deliver_all


def _tomorrow_at(hour: int, minute: int) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _choose_summary(user) -> None:
    user.email_digest = True
    user.save(update_fields=["email_digest"])


def test_digestible_emails_wait_for_the_summary_and_others_go_at_once(cast, settings):
    settings.SITE_URL = "https://leaver.example.org"
    _choose_summary(cast.csm)
    notify([cast.csm], subject="A consent decision is due", path="/cases/a/",
           action="Record the young person's decision", due=dt.date(2027, 1, 8),
           digestible=True)
    notify([cast.csm], subject="An interviewer is needed", path="/cases/b/",
           action="Choose an interviewer", digestible=True)
    notify([cast.csm], subject="A safeguarding concern needs you now", path="/concerns/c/")
    notify([cast.iro], subject="A record is waiting", path="/cases/d/", digestible=True)
    deliver_all()
    # At once: the urgent one, and the digestible one of someone who did not choose a summary.
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted([
        (cast.csm.email, "Leaver: A safeguarding concern needs you now"),
        (cast.iro.email, "Leaver: A record is waiting")])
    held = Message.objects.filter(to=cast.csm.email, status=Status.HELD)
    assert held.count() == 2

    mail.outbox.clear()
    assert build_digests(_tomorrow_at(6, 59)) == 0  # not before seven
    assert build_digests(_tomorrow_at(7, 5)) == 1
    assert build_digests(_tomorrow_at(7, 20)) == 0  # once a day
    deliver_all(_tomorrow_at(7, 5))
    [summary] = mail.outbox
    assert summary.to == [cast.csm.email]
    assert summary.subject == "Leaver: your daily summary, 2 things to do"
    body = summary.body
    # The one with a date first; each with what to do, by when and a link.
    assert body.index("A consent decision is due") < body.index("An interviewer is needed")
    assert "What to do: Record the young person's decision" in body
    assert "By: Friday 8 January 2027" in body
    assert "https://leaver.example.org/cases/a/" in body
    assert "https://leaver.example.org/cases/b/" in body
    assert cast.csm.full_name not in body
    assert set(held.values_list("status", flat=True)) == set()
    assert set(Message.objects.filter(path__in=["/cases/a/", "/cases/b/"])
               .values_list("status", flat=True)) == {Status.IN_DIGEST}


def test_what_arrives_after_the_summary_waits_for_the_next(cast):
    _choose_summary(cast.csm)
    notify([cast.csm], subject="First", path="/a/", digestible=True)
    build_digests(_tomorrow_at(7, 5))
    notify([cast.csm], subject="Second", path="/b/", digestible=True)
    Message.objects.filter(subject="Leaver: Second").update(created_at=_tomorrow_at(7, 10))
    assert build_digests(_tomorrow_at(7, 20)) == 0
    assert Message.objects.get(subject="Leaver: Second").status == Status.HELD
    assert build_digests(_tomorrow_at(7, 5) + dt.timedelta(days=1)) == 1


def test_choosing_on_your_account_page_is_audited_and_stopping_releases_the_wait(
        client, cast, django_capture_on_commit_callbacks):
    client.force_login(cast.csm)
    page = client.get("/accounts/")
    assert "Each email as it happens" in page.content.decode()
    response = client.post("/accounts/emails/", {"how": "daily"})
    assert response.status_code == 302
    cast.csm.refresh_from_db()
    assert cast.csm.email_digest is True
    assert "One summary a day" in client.get("/accounts/").content.decode()
    notify([cast.csm], subject="Waiting", path="/a/", digestible=True)
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/emails/", {"how": "each"})
    assert [m.subject for m in mail.outbox] == ["Leaver: Waiting"]
    rows = AuditEvent.objects.filter(action=AccountEvent.EMAIL_CHOICE_CHANGED,
                                     object_id=cast.csm.public_id).order_by("at")
    assert [row.detail for row in rows] == [{"on": True}, {"on": False}]


def test_no_choice_is_explained_and_nothing_changes(client, cast):
    client.force_login(cast.csm)
    response = client.post("/accounts/emails/", {})
    assert response.status_code == 400
    assert "Choose how you want to get Leaver&#x27;s emails." in response.content.decode()
    cast.csm.refresh_from_db()
    assert cast.csm.email_digest is False
    assert client.put("/accounts/emails/").status_code == 405
