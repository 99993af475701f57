"""Bad input on the record's pages: a required answer left empty, a gap saved for later, no
agreement with the young person. Each is refused with a clear message and nothing locks."""
from __future__ import annotations

import pytest

from leaver.cases import records
from leaver.cases.models import InterviewRecord
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.tests.test_bad_input import text_of, url
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import ItemType
from leaver.testing import (
    answer_sections,
    full_answers,
    held,
    make_case,
    record_details,
    record_parts,
    record_through_pages,
    section_post,
    snapshot,
)

# An empty required answer in the record form ------------------------------------------------

def required_items(section_key: str) -> list[tuple[str, str]]:
    """(key, English label) of each required yes/no question of a section of Appendix 1."""
    section = next(s for s in seed("yp-appendix-1").sections if s.key == section_key)
    return [(i.key, i.label["en"]) for i in section.items
            if i.required and i.type == ItemType.YES_NO_NOT_SURE]


def test_the_record_needs_every_required_answer(cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    key, label = required_items("living_here")[0]
    answers = {**full_answers(), key: "", f"{key}_comment": "A comment only."}
    before = snapshot(interview)
    with pytest.raises(ActionRefused) as refused:
        recording.submit_record(actor=cast.interviewer, interview=interview,
                         details=record_details(answers=answers))
    assert str(refused.value) == (f"Record an answer to “{label}”: if they did not answer, "
                                  "choose “Did not want to answer” or “Not asked”.")
    assert snapshot(interview) == before


def test_a_section_page_refuses_an_empty_answer_and_keeps_what_was_typed(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    missing, label = required_items("care_and_safety")[3]
    data = section_post("care_and_safety")
    del data[missing]
    before = snapshot(interview)
    client.force_login(cast.interviewer)
    response = client.post(url(interview, "record/care_and_safety/"), data)
    assert response.status_code == 400
    page = text_of(response)
    assert f"Record an answer to “{label}”" in page
    for key, value in data.items():
        if key.endswith("_comment"):
            assert f"{value}</textarea>" in page
        elif value == "yes":
            assert f'name="{key}" type="radio" value="yes" checked' in page
    assert f'name="{missing}" type="radio" value="yes" checked' not in page
    assert snapshot(interview) == before
    assert not InterviewRecord.objects.exists()


def test_a_gap_saved_for_later_is_refused_at_submission_and_nothing_locks(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    answer_sections(client, interview)
    missing, label = required_items("school")[1]
    data = section_post("school", later="")
    del data[missing]
    response = client.post(url(interview, "record/school/"), data)
    assert response.status_code == 302  # a draft may have gaps
    record_parts(client, interview)
    before = snapshot(interview)
    response = client.post(url(interview, "record/check/"), {})
    assert response.status_code == 400
    page = text_of(response)
    assert f"Record an answer to “{label}”" in page
    assert f'/record/school/#id_{missing}_0">School: record an answer to “{label}”' in (
        response.content.decode())  # listed with every other gap, linked to its place
    assert snapshot(interview) == before
    assert not InterviewRecord.objects.exists()


def test_the_check_page_needs_the_young_persons_agreement(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    answer_sections(client, interview)
    before = snapshot(interview)
    response = client.post(url(interview, "record/agreement/"), {"interviewer_notes": "x"})
    assert response.status_code == 400
    assert "Confirm that the record was agreed with the young person." in text_of(response)
    assert snapshot(interview) == before
    response = client.post(url(interview, "record/check/"), {})
    assert response.status_code == 400
    assert "Confirm that the record was agreed with the young person" in text_of(response)


def test_a_valid_record_is_saved_through_the_pages(client, cast):
    """The control for the refusals above: the same data, complete, is accepted."""
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    response = record_through_pages(client, interview)
    assert response.status_code == 302
    record = InterviewRecord.objects.get(interview=interview)
    comments = {f"{k}_comment" for k in full_answers()} & set(seed("yp-appendix-1").keys())
    assert record.answers.count() == len(full_answers()) + len(comments)
    assert record.answers.get(item_key="felt_safe_comment").value == \
        "typed comment felt_safe_comment"
    assert record.advocacy_discussed
    assert record.interviewer_notes == "typed notes heron"
    assert records.is_intact(record)


