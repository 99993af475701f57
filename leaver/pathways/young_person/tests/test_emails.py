"""Who is emailed at each step. Emails carry a link, never the young person's name, and go
out only once the change is committed."""

from __future__ import annotations

import pytest
from django.core import mail

from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.testing import held, make_case, move_details, record_details


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_a_move_emails_the_csm_and_the_social_worker(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        interview = ia.notify_move(actor=cast.unit_manager, details=move_details(cast))
    assert recipients() == {cast.csm.email, cast.social_worker.email}
    for message in mail.outbox:
        assert f"/cases/{interview.public_id}/" in message.body
        assert "Jordan" not in f"{message.subject} {message.body}"
        assert "10 Example Road" not in message.body


def test_assigning_emails_the_interviewer_only(cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.CONSENTED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ia.assign_interviewer(actor=cast.csm, interview=interview, interviewer=cast.interviewer)
    assert recipients() == {cast.interviewer.email}


def test_a_submitted_record_emails_the_iro_and_the_distribution_list(
        cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recording.submit_record(actor=cast.interviewer, interview=interview,
                                details=record_details())
    # The allocated IRO (not the other IRO); the cast's distribution rule sends copies to
    # the CSM role; the home's manager receives one by default (seed 002 §5).
    assert recipients() == {cast.iro.email, cast.csm.email, cast.unit_manager.email}
    assert all(f"/cases/{interview.public_id}/record/" in m.body for m in mail.outbox)
    assert all("An answer in my words." not in m.body for m in mail.outbox)


def test_a_restricted_record_emails_only_the_iro(cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        recording.submit_record(actor=cast.interviewer, interview=interview, details=record_details(
            restrict_circulation=True, restriction_reason="Names a member of staff."))
    assert recipients() == {cast.iro.email}


def test_a_refused_action_emails_nobody(cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.CONSENTED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, \
            pytest.raises(ActionRefused):
        ia.assign_interviewer(actor=cast.csm, interview=interview,
                              interviewer=cast.dependent_interviewer)
    assert callbacks == []
    assert mail.outbox == []
