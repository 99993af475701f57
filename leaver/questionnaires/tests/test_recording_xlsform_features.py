"""A questionnaire imported from a Kobo-style XLSForm, recorded through the staff interview
pages: a note shows and records nothing, a constraint refuses an answer in the user's terms
and shows what was typed again, and `or_other` asks what the other is."""

from __future__ import annotations

import dataclasses

import pytest

from leaver.cases.models import Answer
from leaver.organisations.models import Pathway
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    STAFF_SEED,
    happened,
    make_interview_cast,
    make_staff_case,
    text_of,
)
from leaver.questionnaires import actions
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.tests.xlsform_workbooks import workbook
from leaver.questionnaires.xlsform import read_xlsform

pytestmark = pytest.mark.django_db

EXTRA = read_xlsform(workbook(
    [["type", "name", "label::English", "constraint", "constraint_message::English"],
     ["begin group", "more", "More about you", "", ""],
     ["note", "more_note", "Only ask these if there is time.", "", ""],
     ["integer", "years_here", "How many years did you work here?", ". >= 0 and . <= 60", ""],
     ["integer", "classes", "How many classes?", ". != 0", "Enter at least one class"],
     ["select_one place or_other", "next_place", "Where are you going next?", "", ""],
     ["end group"]],
    [["list name", "name", "label::English"], ["place", "school", "Another school"],
     ["place", "away", "Out of teaching"]]))


def test_note_constraint_and_specify_other_work_on_the_recording_page():
    staff = make_interview_cast()
    base = seed(STAFF_SEED)
    combined = dataclasses.replace(base, sections=(*base.sections, *EXTRA.sections))
    draft = actions.save_draft(actor=None, organisation=staff.org, pathway=Pathway.STAFF,
                               questionnaire=combined)
    actions.publish(actor=None, version=draft)
    case = make_staff_case(staff, State.SCHEDULED)
    happened(case)
    client = staff.login(staff.interviewer)
    url = f"/staff/cases/{case.public_id}/record/answers/more/"

    page = text_of(client.get(url))
    assert "Only ask these if there is time." in page
    assert "Specify other" in page  # the box for "Other", shown when it is chosen

    refused = client.post(url, {"more_note": "sneaky", "years_here": "75", "classes": "0",
                                "next_place": "other", "next_place_other": "A museum",
                                "continue": ""})
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "The answer to “How many years did you work here?” must be at least 0 and at most 60" \
        in text_of(refused)
    assert "Enter at least one class" in text_of(refused)
    assert 'value="75"' in html
    assert 'value="A museum"' in html
    assert not Answer.objects.filter(interview=case).exists()

    saved = client.post(url, {"more_note": "sneaky", "years_here": "12", "classes": "3",
                              "next_place": "other", "next_place_other": "A museum",
                              "continue": ""})
    assert saved.status_code == 302, text_of(saved)[:2000]
    stored = dict(Answer.objects.filter(interview=case).values_list("item_key", "value"))
    assert stored == {"years_here": "12", "classes": "3", "next_place": "other",
                      "next_place_other": "A museum"}
    # The check-answers page lists the answers, and not the note, which records nothing.
    check = text_of(client.get(f"/staff/cases/{case.public_id}/record/check/"))
    assert "A museum" in check
    assert "Only ask these if there is time." not in check
