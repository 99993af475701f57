"""Queuing: a message is a row written in the action's own transaction, once per dedupe key,
and says what to do, by when, with a link, and nothing personal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction

from leaver.core.errors import ActionRefused
from leaver.notifications.email import notify
from leaver.notifications.models import Message, Status
from leaver.notifications.testing import deliver_all
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person.states import State
from leaver.testing import make_case, move_details


def test_the_message_is_written_in_the_actions_transaction(cast):
    Message.objects.all().delete()
    interview = ia.notify_move(actor=cast.unit_manager, details=move_details(cast))
    rows = Message.objects.filter(path=f"/cases/{interview.public_id}/")
    assert {m.to for m in rows} == {cast.csm.email, cast.social_worker.email}
    assert {m.status for m in rows} == {Status.QUEUED}
    assert {m.organisation_id for m in rows} == {cast.org.pk}
    assert mail.outbox == []  # nothing is sent by the action itself: the worker sends


def test_a_rolled_back_action_leaves_no_message(cast):
    before = Message.objects.count()
    inside: list[int] = []

    def action_that_fails_after_queuing() -> None:
        with transaction.atomic():
            ia.notify_move(actor=cast.unit_manager, details=move_details(cast))
            inside.append(Message.objects.count())
            raise RuntimeError("the action fails after queuing its emails")

    with pytest.raises(RuntimeError):
        action_that_fails_after_queuing()
    assert inside[0] > before  # written, inside the transaction
    assert Message.objects.count() == before


def test_a_refused_action_queues_nothing(cast):
    interview = make_case(cast, State.CONSENTED)
    before = Message.objects.count()
    with pytest.raises(ActionRefused):
        ia.assign_interviewer(actor=cast.csm, interview=interview,
                              interviewer=cast.dependent_interviewer)
    assert Message.objects.count() == before


def test_the_same_dedupe_key_queues_once_per_address(cast):
    key = "reminder:consent:case-1:2027-01-04"
    notify([cast.csm], subject="A consent decision is due", path="/work/", dedupe_key=key)
    notify([cast.csm], subject="A consent decision is due", path="/work/", dedupe_key=key)
    notify([cast.csm, cast.social_worker], subject="A consent decision is due",
           path="/work/", dedupe_key=key)
    rows = Message.objects.filter(dedupe_key=key)
    assert sorted(m.to for m in rows) == sorted([cast.csm.email, cast.social_worker.email])
    # Once sent, the key still holds: a scan running again sends nothing new.
    deliver_all()
    notify([cast.csm], subject="A consent decision is due", path="/work/", dedupe_key=key)
    assert Message.objects.filter(dedupe_key=key).count() == 2
    assert len(mail.outbox) == 2


def test_without_a_key_every_call_queues(cast):
    notify([cast.csm], subject="Something", path="/work/")
    notify([cast.csm], subject="Something", path="/work/")
    assert Message.objects.filter(to=cast.csm.email, subject="Leaver: Something").count() == 2


def test_the_email_says_what_to_do_by_when_with_a_link_and_no_name(cast, settings):
    settings.SITE_URL = "https://leaver.example.org"
    notify([cast.iro], subject="A record is waiting for your review", path="/cases/x/",
           action="Review the record", due=dt.date(2027, 1, 4), organisation_id=cast.org.pk)
    deliver_all()
    [message] = mail.outbox
    assert message.to == [cast.iro.email]
    assert message.subject == "Leaver: A record is waiting for your review"
    assert "What to do: Review the record" in message.body
    assert "By: Monday 4 January 2027" in message.body
    assert "https://leaver.example.org/cases/x/" in message.body
    assert cast.iro.full_name not in message.body


def test_switched_off_people_and_empty_lists_get_nothing(cast):
    cast.csm.is_active = False
    cast.csm.save()
    before = Message.objects.count()
    notify([cast.csm], subject="Something", path="/work/")
    notify([], subject="Something", path="/work/")
    assert Message.objects.count() == before


def test_the_organisation_defaults_to_the_recipients(cast, other_cast):
    notify([cast.csm, other_cast.csm], subject="Something", path="/work/")
    rows = Message.objects.filter(subject="Leaver: Something")
    assert {(m.to, m.organisation_id) for m in rows} == {
        (cast.csm.email, cast.org.pk), (other_cast.csm.email, other_cast.org.pk)}


def test_the_action_nudges_the_worker_once_it_commits(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ia.notify_move(actor=cast.unit_manager, details=move_details(cast))
    assert callbacks  # the nudge runs only after the commit
    assert {m.to[0] for m in mail.outbox} == {cast.csm.email, cast.social_worker.email}
    assert not Message.objects.filter(status=Status.QUEUED, to=cast.csm.email).exists()
