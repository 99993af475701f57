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


def test_each_group_shows_the_oldest_five_and_links_to_all_of_them(client, cast):
    from leaver.pathways.young_person.tests.test_late_work import late
    for waited in range(8):  # 0 to 7 working days ago: 5 allowed, so 6 and 7 are overdue
        late(cast, f"Person {waited} Waited", waited=waited)
    make_case(cast, State.NOTIFIED, leaver_name="Not Mine",
              social_worker=cast.other_social_worker)
    client.force_login(cast.social_worker)
    page = client.get("/work/").content.decode()
    assert 'govuk-tag--blue">8<' in page
    assert "2 overdue" in page  # counted by the database...
    assert page.count('govuk-tag--red">Overdue<') == 2  # ...as each case's deadline says
    assert "The oldest has waited 7 working days." in page
    shown = [n for n in range(8) if f"Person {n} Waited" in page]
    assert shown == [3, 4, 5, 6, 7]  # the five that waited longest
    assert "View all 8" in page
    assert "/cases/?waiting=consent_given&amp;overdue=yes" in page
    listed = client.get("/cases/?waiting=consent_given").content.decode()
    assert all(f"Person {n} Waited" in listed for n in range(8))
    assert "Not Mine" not in listed
    overdue = client.get("/cases/?waiting=consent_given&overdue=yes").content.decode()
    assert [n for n in range(8) if f"Person {n} Waited" in overdue] == [6, 7]
