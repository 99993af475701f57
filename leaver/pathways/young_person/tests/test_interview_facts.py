"""The interview happens before it is recorded: its facts, no scheduling in the past, the
history of rearrangements on the timeline, who is told, and the young person's wording."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from leaver.cases.timeline import timeline
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import recording, recording_parts
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.wording import offered
from leaver.testing import facts_post, held, make_case, record_details, snapshot


def test_scheduling_in_the_past_is_refused_and_changes_nothing(cast):
    interview = make_case(cast, State.INTERVIEWER_ASSIGNED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"has already passed\. Choose a date and time in "
                                            r"the future"):
        ia.schedule_interview(actor=cast.interviewer, interview=interview,
                              when=timezone.now() - dt.timedelta(hours=2), location="Home")
    assert snapshot(interview) == before


def test_rescheduling_keeps_old_and_new_time_on_the_timeline_and_tells_people(
        cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.SCHEDULED)
    first = timezone.localtime(interview.scheduled_for)
    later = timezone.localtime(timezone.now() + dt.timedelta(days=9)).replace(
        second=0, microsecond=0)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ia.schedule_interview(actor=cast.interviewer, interview=interview, when=later,
                              location="The youth club")
    entries = [e for e in timeline(interview) if e.label == "Interview arranged"]
    assert entries[0].detail == f"for {first:%-d %B %Y, %H:%M}"
    assert entries[1].detail == f"moved from {first:%-d %B %Y, %H:%M} to {later:%-d %B %Y, %H:%M}"
    told = {m.to[0] for m in mail.outbox}
    assert told == {cast.social_worker.email, cast.unit_manager.email}
    assert {m.subject for m in mail.outbox} == {
        f"Leaver: An exit interview has been moved to {later:%-d %B %Y at %H:%M}"}
    assert all(interview.leaver_name not in m.body for m in mail.outbox)


def test_a_record_cannot_be_submitted_before_the_interview_was_held(cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="Record when, how and where the interview was held"):
        recording.submit_record(actor=cast.interviewer, interview=interview,
                                details=record_details())
    with pytest.raises(ActionRefused, match="must be in the past"):
        recording_parts.record_interview_facts(
            actor=cast.interviewer, interview=interview, facts=recording_parts.InterviewFacts(
                held_at=timezone.now() + dt.timedelta(days=1), held_how="in_person",
                held_where="Home", people_present="Us", support="none"))
    assert snapshot(interview) == before
    held(cast, interview)
    recording.submit_record(actor=cast.interviewer, interview=interview,
                            details=record_details())
    interview.refresh_from_db()
    assert interview.state == State.WITH_IRO
    assert interview.held_how == "in_person"


def test_the_facts_page_needs_support_details_and_shows_on_the_record(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    url = f"/cases/{interview.public_id}/record/about/"
    before = snapshot(interview)
    response = client.post(url, facts_post(support="interpreter", support_details=""))
    assert response.status_code == 400
    assert "Say what interpreting or communication support was used." in (
        response.content.decode())
    assert snapshot(interview) == before
    response = client.post(url, facts_post(support="interpreter",
                                           support_details="Polish interpreter by phone",
                                           held_how="video"))
    assert response.status_code == 302
    interview.refresh_from_db()
    assert (interview.support, interview.held_how) == ("interpreter", "video")


@pytest.mark.parametrize(("language", "other", "wordings"), [
    ("Welsh", "", ["cy"]), ("English", "", []), ("Other", "Polish", [])])
def test_welsh_wording_is_offered_only_to_a_welsh_speaker(cast, language, other, wordings):
    interview = make_case(cast, State.SCHEDULED, preferred_language=language,
                          other_language=other)
    assert offered(interview.young_person) == wordings


def test_the_wording_switch_is_offered_for_welsh_and_remembered_for_the_case(client, cast):
    interview = make_case(cast, State.SCHEDULED, preferred_language="Welsh",
                          communication_needs="Easy-read materials please")
    assert offered(interview.young_person) == ["cy", "easy"]
    client.force_login(cast.interviewer)
    base = f"/cases/{interview.public_id}/record/"
    assert "Show this wording" in client.get(base + "living_here/").content.decode()
    response = client.post(base + "wording/", {"wording": "cy",
                                               "next": base + "living_here/"})
    assert response["Location"] == base + "living_here/"
    page = client.get(base + "living_here/").content.decode()
    assert "Oeddech chi&#x27;n hapus yn byw yma?" in page
    client.post(base + "wording/", {"wording": "easy"})
    assert "Were you happy here?" in client.get(base + "living_here/").content.decode()
    english = make_case(cast, State.SCHEDULED)
    assert "Show this wording" not in client.get(
        f"/cases/{english.public_id}/record/living_here/").content.decode()
    response = client.post(f"/cases/{english.public_id}/record/wording/", {"wording": "cy"})
    assert response.status_code == 403
