"""The "Your work" page lists what waits for each person, with counts."""

from __future__ import annotations

from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.work import work_for
from leaver.reviews.models import Letter
from leaver.testing import add_recommendation, make_case


def titles(user):
    return {group.title: group.count for group in work_for(user)}


def test_each_person_sees_the_step_that_waits_for_them(cast):
    make_case(cast, State.NOTIFIED, leaver_name="Ava Notified")
    make_case(cast, State.NOTIFIED, leaver_name="Ben Notified")
    make_case(cast, State.CONSENTED)
    make_case(cast, State.SCHEDULED)
    make_case(cast, State.WITH_IRO)
    assert titles(cast.social_worker) == {"Record the young person's consent decision": 2}
    assert titles(cast.other_social_worker) == {}
    assert titles(cast.csm) == {"Choose an independent interviewer": 1}
    assert titles(cast.interviewer) == {"Record the interview": 1}
    assert titles(cast.other_interviewer) == {}
    assert titles(cast.iro) == {"Review the interview record": 1}
    assert titles(cast.unit_manager) == {}


def test_the_letter_waits_until_sent(cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    assert titles(cast.iro) == {"Write to the young person and send the letter": 1}
    make_case(cast, State.CLOSED)
    assert titles(cast.iro) == {"Write to the young person and send the letter": 1}
    assert not Letter.objects.filter(interview=interview, sent_at__isnull=False).exists()


def test_page_shows_counts_and_recommendations_waiting(client, cast, other_cast):
    interview = make_case(cast, State.WITH_IRO)
    add_recommendation(cast, interview, owner=cast.other_social_worker)
    make_case(other_cast, State.NOTIFIED, leaver_name="Zed Elsewhere")
    client.force_login(cast.other_social_worker)
    page = client.get("/work/").content.decode()
    assert "Recommendations waiting for your response" in page
    assert "Help with homework every evening." in page
    client.force_login(cast.social_worker)
    make_case(cast, State.NOTIFIED, leaver_name="Ava Notified")
    page = client.get("/work/").content.decode()
    assert "Ava Notified" in page
    assert "Zed Elsewhere" not in page
    assert 'govuk-tag--blue">1<' in page
