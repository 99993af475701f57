"""The record pages follow the page: errors in page order, comment boxes told apart."""

from __future__ import annotations

from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import seed
from leaver.testing import make_case


def test_error_summary_lists_the_questions_in_page_order(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    response = client.post(f"/cases/{interview.public_id}/record/living_here/",
                           {"continue": ""})
    assert response.status_code == 400
    page = response.content.decode()
    summary = page[page.index("govuk-error-summary__list"):page.index("</ul>",
                   page.index("govuk-error-summary__list"))]
    section = seed("yp-appendix-1").sections[0]
    required = [i.label["en"].replace("'", "&#x27;") for i in section.items if i.required]
    assert len(required) == 3
    positions = [summary.index(label) for label in required]
    assert positions == sorted(positions)


def test_each_comment_box_names_its_question_for_screen_readers(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    page = client.get(f"/cases/{interview.public_id}/record/care_and_safety/").content.decode()
    assert ('for="id_felt_safe_comment">Comment (optional)<span class="govuk-visually-hidden">'
            " on “Did you feel safe?”</span></label>") in page


def test_recording_opens_on_a_task_list_whose_continue_goes_to_the_first_unfinished(
        client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    base = f"/cases/{interview.public_id}/record/"
    page = client.get(base + "new/").content.decode()
    assert page.count("govuk-task-list__item ") == 15  # facts, 11 sections, 3 after
    assert page.count("Not started") == 15
    assert f'class="govuk-button" data-module="govuk-button" href="{base}about/">Continue' in page
    from leaver.testing import facts_post, section_post
    assert client.post(base + "about/", facts_post()).status_code == 302
    assert client.post(base + "living_here/", section_post("living_here")).status_code == 302
    data = section_post("moving_on", later="")
    del data["want_to_stay_longer"]
    assert client.post(base + "moving_on/", data).status_code == 302
    page = client.get(base + "new/").content.decode()
    assert page.count("Completed") == 2
    assert page.count("In progress") == 1
    assert f'href="{base}moving_on/">Continue' in page
    page = client.get(base + "living_here/").content.decode()
    assert "Section 1 of 11" in page
    assert "Save and continue" in page
    assert "Save and come back later" in page


def test_a_form_sent_empty_says_what_is_missing(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    client.force_login(cast.social_worker)
    response = client.post(f"/cases/{interview.public_id}/consent/", {})
    assert response.status_code == 400
    assert "Choose whether the young person agreed." in response.content.decode()


def test_dates_are_typed_as_day_month_and_year_not_a_browser_widget(client, cast):
    client.force_login(cast.unit_manager)
    page = client.get("/cases/new/").content.decode()
    assert 'type="date"' not in page
    for part, width in (("day", 2), ("month", 2), ("year", 4)):
        box_id = "id_date_of_birth" + ("" if part == "day" else f"-{part}")
        assert (f'govuk-input--width-{width}" id="{box_id}" name="date_of_birth-{part}" '
                'type="text" inputmode="numeric"') in page


def test_the_interview_time_is_a_date_input_with_a_time_box(client, cast):
    interview = make_case(cast, State.INTERVIEWER_ASSIGNED)
    client.force_login(cast.interviewer)
    page = client.get(f"/cases/{interview.public_id}/schedule/").content.decode()
    assert 'type="datetime-local"' not in page
    assert 'name="scheduled_for-day"' in page
    assert 'govuk-input--width-5" id="id_scheduled_for-time" name="scheduled_for-time" ' \
        'type="text" value=""' in page
