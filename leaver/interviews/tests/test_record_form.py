"""The record form follows the page: errors in page order, comment boxes told apart."""

from __future__ import annotations

from leaver.interviews.models import State
from leaver.interviews.questionnaire import QUESTIONS
from leaver.testing import make_case


def test_error_summary_lists_questions_before_the_agreement(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    response = client.post(f"/cases/{interview.public_id}/record/new/", {})
    assert response.status_code == 400
    page = response.content.decode()
    summary = page[page.index("govuk-error-summary__list"):page.index("</ul>",
                   page.index("govuk-error-summary__list"))]
    first_question = QUESTIONS["happy_living_here"].text
    assert summary.index(first_question) < summary.index("Confirm that the record was agreed")


def test_each_comment_box_names_its_question_for_screen_readers(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    page = client.get(f"/cases/{interview.public_id}/record/new/").content.decode()
    assert ('for="id_felt_safe__text">Comment (optional)<span class="govuk-visually-hidden">'
            " on “Did you feel safe?”</span></label>") in page


def test_a_form_sent_empty_says_what_is_missing(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    client.force_login(cast.social_worker)
    response = client.post(f"/cases/{interview.public_id}/consent/", {})
    assert response.status_code == 400
    assert "Choose whether the young person agreed." in response.content.decode()


def test_date_inputs_are_sized_for_a_date(client, cast):
    client.force_login(cast.unit_manager)
    page = client.get("/cases/new/").content.decode()
    assert 'type="date" name="date_of_birth" class="govuk-input govuk-input--width-10"' in page


def test_the_interview_time_input_is_sized_for_a_date_and_time(client, cast):
    interview = make_case(cast, State.INTERVIEWER_ASSIGNED)
    client.force_login(cast.interviewer)
    page = client.get(f"/cases/{interview.public_id}/schedule/").content.decode()
    assert 'type="datetime-local" name="scheduled_for" class="govuk-input govuk-input--width-20"' \
        in page
