"""A saved answer that meets its question's safeguarding trigger raises a concern at once, in a
draft section as in the submitted record, once per question per case; the leads are emailed
(nothing personal), and the interviewer's next page warns them what to do now."""

from __future__ import annotations

import html

import pytest
from django.conf import settings
from django.core import mail

from leaver.audit.models import AuditEvent
from leaver.organisations.models import Membership, Role
from leaver.pathways.young_person import recording
from leaver.safeguarding import actions
from leaver.safeguarding.models import Concern, SafeguardingSettings, Source, Status, Trigger
from leaver.safeguarding.tests.helpers import (
    BULLIED,
    CARE,
    UNSAFE,
    recording_case,
    save_section,
)
from leaver.testing import full_answers, held, record_details, section_post


def test_felt_safe_no_in_a_draft_raises_one_concern(cast, django_capture_on_commit_callbacks):
    case = recording_case(cast)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save_section(cast, case, **UNSAFE)
    concern = Concern.objects.get(interview=case)
    assert (concern.source, concern.status, concern.raised_by) == (
        Source.ANSWER, Status.RAISED, cast.interviewer)
    trigger = concern.triggers.get()
    assert (trigger.item_key, trigger.question, trigger.answer, trigger.comment) == (
        "felt_safe", "Did you feel safe?", "No", UNSAFE["felt_safe_comment"])
    assert AuditEvent.objects.filter(action="safeguarding.raised_by_answer",
                                     object_id=concern.public_id).count() == 1
    # Every safeguarding lead is told at once, with a link and nothing personal.
    assert [m.to for m in mail.outbox] == [[cast.safeguarding_lead.email]]
    message = mail.outbox[0]
    assert message.subject.startswith("Leaver: A safeguarding concern needs acknowledging by ")
    assert f"/safeguarding/concerns/{concern.public_id}/" in message.body
    for private in ("Jordan", "Oak House", "hit me", "safe"):
        assert private not in message.body.replace("safeguarding", "")


def test_saving_the_same_answer_again_raises_nothing_more(cast):
    case = recording_case(cast)
    save_section(cast, case, **UNSAFE)
    save_section(cast, case, **UNSAFE)
    save_section(cast, case, felt_safe="no", felt_safe_comment="Said again, differently.")
    assert Concern.objects.filter(interview=case).count() == 1
    assert Trigger.objects.filter(interview=case).count() == 1


def test_submitting_the_record_after_the_draft_raises_nothing_more(cast):
    case = recording_case(cast)
    held(cast, case)
    save_section(cast, case, **UNSAFE)
    recording.submit_record(actor=cast.interviewer, interview=case, details=record_details(
        answers=full_answers(**UNSAFE)))
    assert Concern.objects.filter(interview=case).count() == 1
    assert AuditEvent.objects.filter(action__startswith="safeguarding.raised").count() == 1


def test_a_final_record_alone_raises_the_concern(cast):
    case = recording_case(cast)
    held(cast, case)
    recording.submit_record(actor=cast.interviewer, interview=case, details=record_details(
        answers=full_answers(**UNSAFE)))
    concern = Concern.objects.get(interview=case)
    assert concern.triggers.get().item_key == "felt_safe"


def test_an_ordinary_record_raises_nothing(cast):
    case = recording_case(cast)
    held(cast, case)
    save_section(cast, case)
    recording.submit_record(actor=cast.interviewer, interview=case, details=record_details())
    assert not Concern.objects.exists()


def test_a_second_trigger_joins_the_open_concern_and_the_leads_are_told(
        cast, django_capture_on_commit_callbacks):
    case = recording_case(cast)
    save_section(cast, case, **UNSAFE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save_section(cast, case, **UNSAFE, **BULLIED)
    concern = Concern.objects.get(interview=case)
    assert sorted(concern.triggers.values_list("item_key", flat=True)) == [
        "experienced_bullying", "felt_safe"]
    assert [m.subject for m in mail.outbox] == [
        "Leaver: A safeguarding concern has another answer to read"]
    assert AuditEvent.objects.filter(action="safeguarding.answer_added").count() == 1


def test_a_trigger_after_the_concern_is_closed_raises_a_new_one(cast):
    case = recording_case(cast)
    save_section(cast, case, **UNSAFE)
    first = Concern.objects.get(interview=case)
    actions.acknowledge(actor=cast.safeguarding_lead, concern=first)
    actions.draft_no_further_action(actor=cast.safeguarding_lead, concern=first,
                                    reason="Spoke to the home; already known and dealt with.")
    actions.close(actor=cast.safeguarding_lead, concern=first)
    save_section(cast, case, **UNSAFE, **BULLIED)
    second = Concern.objects.exclude(pk=first.pk).get(interview=case)
    assert list(second.triggers.values_list("item_key", flat=True)) == ["experienced_bullying"]
    assert second.status == Status.RAISED


def test_an_unanswered_trigger_question_raises_nothing(cast):
    case = recording_case(cast)
    save_section(cast, case, felt_safe="", felt_safe_comment="")
    assert not Concern.objects.exists()


def test_without_a_safeguarding_lead_the_csms_are_told(cast, django_capture_on_commit_callbacks):
    Membership.objects.filter(role=Role.SAFEGUARDING_LEAD).delete()
    case = recording_case(cast)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save_section(cast, case, **UNSAFE)
    assert [m.to for m in mail.outbox] == [[cast.csm.email]]


# The page after the save: the warning, at once ----------------------------------------------

def _post_care(client, case, **overrides):
    return client.post(f"/cases/{case.public_id}/record/{CARE}/",
                       section_post(CARE, **overrides), follow=True)


@pytest.mark.parametrize("phone", ["0300 123 4567", ""])
def test_the_interviewer_is_warned_on_the_next_page(cast, client, phone):
    SafeguardingSettings.objects.create(organisation=cast.org, out_of_hours_phone=phone)
    case = recording_case(cast)
    client.force_login(cast.interviewer)
    response = _post_care(client, case, felt_safe="no")
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "A safeguarding concern has been raised from the answers you saved." in page
    assert "Your organisation's safeguarding leads have been told and must acknowledge it" in page
    assert "If the young person is in immediate danger, call 999 now" in page
    assert (f"ring the out-of-hours safeguarding number, {phone}." in page) == bool(phone)
    # Only once: the page after it says nothing more.
    later = html.unescape(client.get(f"/cases/{case.public_id}/record/new/").content.decode())
    assert "call 999" not in later


def test_a_second_trigger_on_the_page_says_it_joined_the_concern(cast, client):
    case = recording_case(cast)
    client.force_login(cast.interviewer)
    _post_care(client, case, felt_safe="no")
    page = html.unescape(_post_care(client, case, felt_safe="no",
                                    experienced_bullying="yes").content.decode())
    assert "added to the open safeguarding concern" in page
    assert "call 999" in page


def test_no_warning_without_a_trigger(cast, client):
    case = recording_case(cast)
    client.force_login(cast.interviewer)
    page = html.unescape(_post_care(client, case).content.decode())
    assert "safeguarding concern" not in page
    assert not Concern.objects.exists()


def test_an_invalid_post_raises_nothing(cast, client):
    """A 400 keeps nothing: no answers, no concern."""
    case = recording_case(cast)
    client.force_login(cast.interviewer)
    response = client.post(f"/cases/{case.public_id}/record/{CARE}/",
                           section_post(CARE, felt_safe="no", made_uncomfortable=""))
    assert response.status_code == 400
    assert not Concern.objects.exists()


def test_without_a_safeguarding_lead_the_csms_link_is_one_they_can_open(
        cast, client, django_capture_on_commit_callbacks):
    """The CSMs told instead of the leads cannot read a concern (404): their link is the
    case, which shows that a concern exists and its status."""
    Membership.objects.filter(role=Role.SAFEGUARDING_LEAD).delete()
    case = recording_case(cast)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        save_section(cast, case, **UNSAFE)
        save_section(cast, case, **UNSAFE, **BULLIED)
    concern = Concern.objects.get(interview=case)
    assert len(mail.outbox) == 2
    client.force_login(cast.csm)
    for message in mail.outbox:
        assert f"/safeguarding/concerns/{concern.public_id}/" not in message.body
        assert f"/cases/{case.public_id}/" in message.body
        path = message.body.split(settings.SITE_URL, 1)[1].split()[0]
        assert client.get(path).status_code == 200, path
