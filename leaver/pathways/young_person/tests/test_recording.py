"""Recording the interview on the questionnaire engine: the version is pinned when the case
opens, answers are drafts section by section until the record locks, conditions hold on the
server, and answers to one item compare across versions."""

from __future__ import annotations

import dataclasses
import html

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from leaver.audit.models import AuditEvent
from leaver.cases import records
from leaver.cases.answers import answers_to
from leaver.cases.models import Answer, Interview, InterviewRecord
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Pathway
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.questionnaires import actions as qa
from leaver.questionnaires.models import Template, Version
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import (
    YES_NO_NOT_SURE,
    Item,
    ItemType,
    Questionnaire,
    Section,
)
from leaver.testing import (
    ANSWER,
    Cast,
    answer_sections,
    full_answers,
    held,
    make_case,
    record_details,
    record_parts,
    section_post,
    snapshot,
)

NEW_WORDING = "Were you happy living in this Home?"


def page_of(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def publish_new_wording(cast: Cast) -> Version:
    """Version 2 of Appendix 1: the first question reworded, its key unchanged."""
    old = seed("yp-appendix-1")
    first = old.sections[0]
    item = dataclasses.replace(first.items[0], label={"en": NEW_WORDING})
    changed = dataclasses.replace(old, sections=(
        dataclasses.replace(first, items=(item, *first.items[1:])), *old.sections[1:]))
    draft = qa.save_draft(actor=cast.org_admin, organisation=cast.org,
                          pathway=Pathway.YOUNG_PERSON, questionnaire=changed)
    return qa.publish(actor=cast.org_admin, version=draft)


def test_an_interview_keeps_its_version_after_a_newer_one_is_published(client, cast):
    first = Version.objects.get(template__organisation=cast.org, number=1)
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    assert interview.questionnaire_version == first
    second = publish_new_wording(cast)
    client.force_login(cast.interviewer)
    page = page_of(client.get(f"/cases/{interview.public_id}/record/living_here/"))
    assert "Were you happy living here?" in page
    assert NEW_WORDING not in page
    recording.submit_record(actor=cast.interviewer, interview=interview,
                                details=record_details())
    interview.refresh_from_db()
    assert interview.questionnaire_version == first
    assert set(Answer.objects.filter(interview=interview).values_list("version", flat=True)) \
        == {first.pk}
    # A case opened now uses the new version, and its pages its wording.
    newer = make_case(cast, State.SCHEDULED)
    held(cast, newer)
    assert newer.questionnaire_version == second
    assert NEW_WORDING in page_of(client.get(f"/cases/{newer.public_id}/record/living_here/"))


def test_recording_is_refused_without_a_published_questionnaire(client, cast):
    Template.objects.filter(organisation=cast.org).update(pathway=Pathway.STAFF)
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    assert interview.questionnaire_version is None
    before = snapshot(interview)
    client.force_login(cast.interviewer)
    for tail in ("new", "living_here", "check"):
        response = client.get(f"/cases/{interview.public_id}/record/{tail}/")
        assert response.status_code == 403
        assert "Your organisation has no published questionnaire for this pathway" \
            in page_of(response)
    with pytest.raises(ActionRefused, match="no published questionnaire for this pathway"):
        recording.submit_record(actor=cast.interviewer, interview=interview,
                                details=record_details())
    assert snapshot(interview) == before


def test_a_draft_is_saved_audited_without_its_words_and_shown_again(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    url = f"/cases/{interview.public_id}/record/moving_on/"
    data = section_post("moving_on", later="", who_decided="My nan decided with me.")
    del data["want_to_stay_longer"]  # a draft saved for later may have gaps
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{interview.public_id}/record/new/"
    case_page = page_of(client.get(f"/cases/{interview.public_id}/"))
    assert "Continue recording the interview" in case_page
    assert "Check and submit the record" in case_page
    saved = AuditEvent.objects.filter(action="interview.record_draft_saved").get()
    assert saved.detail["section"] == "moving_on"
    assert "My nan" not in str(saved.detail)
    page = page_of(client.get(url))
    assert "My nan decided with me.</textarea>" in page
    assert 'name="happy_leaving_now" type="radio" value="yes" checked' in page
    assert 'name="want_to_stay_longer" type="radio" value="yes" checked' not in page
    # Not locked: the draft can change.
    client.post(url, {**data, "who_decided": "I decided."})
    assert Answer.objects.get(interview=interview, item_key="who_decided").value == "I decided."
    assert interview.state == State.SCHEDULED
    assert not InterviewRecord.objects.exists()


def test_save_and_continue_goes_on_to_the_next_section_then_to_check(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    base = f"/cases/{interview.public_id}/record/"
    response = client.post(base + "living_here/", section_post("living_here"))
    assert response["Location"] == base + "moving_on/"
    page = page_of(client.get(base + "moving_on/"))
    assert "Section 2 of 11" in page
    response = client.post(base + "in_charge/", section_post("in_charge"))
    assert response["Location"] == base + "new/"  # the last section: back to the task list
    response = client.post(base + "in_charge/?from=check", section_post("in_charge"))
    assert response["Location"] == base + "check/"  # a "Change" link comes back
    assert client.get(base + "no_such_section/").status_code == 404


def test_answers_to_hidden_questions_are_discarded(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    response = client.post(f"/cases/{interview.public_id}/record/care_and_safety/",
                           section_post("care_and_safety", experienced_bullying="no",
                                        bullying_dealt_with="Sent by a browser anyway."))
    assert response.status_code == 302
    assert not Answer.objects.filter(item_key="bullying_dealt_with").exists()
    # …and at submission, whatever the caller sent.
    answers = {**full_answers(), "experienced_bullying": "no",
               "bullying_dealt_with": "Sent anyway."}
    recording.submit_record(actor=cast.interviewer, interview=interview,
                     details=record_details(answers=answers))
    assert not Answer.objects.filter(item_key="bullying_dealt_with").exists()
    client.force_login(cast.iro)
    page = page_of(client.get(f"/cases/{interview.public_id}/record/"))
    assert "How was this dealt with?" not in page
    assert "Did you experience any bullying?" in page


def test_a_multiple_choice_answer_is_stored_as_its_values_separated_by_spaces(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    client.post(f"/cases/{interview.public_id}/record/having_a_say/",
                section_post("having_a_say", say_menus_bedtimes_activities=["menus", "bedtimes"]))
    answer = Answer.objects.get(interview=interview, item_key="say_menus_bedtimes_activities")
    assert answer.value == "menus bedtimes"
    page = page_of(client.get(f"/cases/{interview.public_id}/record/having_a_say/"))
    assert 'value="menus" checked' in page
    assert 'value="bedtimes" checked' in page
    assert 'value="activities" checked' not in page


def test_the_record_page_shows_the_answers_in_the_versions_wording(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    answer_sections(client, interview)
    record_parts(client, interview)
    assert client.post(f"/cases/{interview.public_id}/record/check/", {}).status_code == 302
    client.force_login(cast.iro)
    page = page_of(client.get(f"/cases/{interview.public_id}/record/"))
    assert "Care and safety" in page
    assert "Did you feel safe?" in page
    assert "typed comment felt_safe_comment" in page
    assert "Menus" in page  # the choice's label, not its value
    assert ANSWER in page


def test_the_hash_covers_the_version_and_the_answers(cast):
    interview = make_case(cast, State.WITH_IRO)
    record = InterviewRecord.objects.get(interview=interview)
    content = records.canonical_content(record)
    assert interview.questionnaire_version is not None
    assert content["questionnaire_version"] == str(interview.questionnaire_version.public_id)
    assert ["felt_safe", "yes"] in content["answers"]
    assert records.is_intact(record)
    Answer.objects.filter(interview=interview, item_key="felt_safe").update(value="no")
    assert not records.is_intact(InterviewRecord.objects.get(pk=record.pk))


def test_answers_to_one_item_come_from_every_version(cast, other_cast):
    first = make_case(cast, State.WITH_IRO)
    publish_new_wording(cast)
    second = make_case(cast, State.WITH_IRO)
    make_case(other_cast, State.WITH_IRO)  # another organisation's answers stay out
    found = list(answers_to("happy_living_here", cast.org.pk))
    assert [(a.interview, a.version.number, a.value) for a in found] == [
        (first, 1, "yes"), (second, 2, "yes")]


def section_of(items: int) -> Questionnaire:
    return Questionnaire(key="wide", title={"en": "Wide"}, version="1", sections=(
        Section(key="only", title={"en": "Only"}, items=tuple(
            Item(key=f"q{i}", type=ItemType.YES_NO_NOT_SURE, label={"en": f"Question {i}"},
                 choices=YES_NO_NOT_SURE, required=True,
                 relevant="${q0} = 'yes'" if i else "")
            for i in range(items))),))


def section_queries(client: object, cast: Cast, items: int) -> tuple[int, int]:
    draft = qa.save_draft(actor=None, organisation=cast.org, pathway=Pathway.YOUNG_PERSON,
                          questionnaire=section_of(items))
    qa.publish(actor=None, version=draft)
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    assert interview.questionnaire_version == Version.objects.get(pk=draft.pk)
    url = f"/cases/{interview.public_id}/record/only/"
    client.force_login(cast.interviewer)  # type: ignore[attr-defined]
    # The first request after signing in starts the session's idle clock (one write);
    # what is compared is the section's own cost.
    client.get(url)  # type: ignore[attr-defined]
    with CaptureQueriesContext(connection) as shown:
        response = client.get(url)  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert response.content.decode().count('type="radio"') == items * 5  # 3 + 2 not answered
    with CaptureQueriesContext(connection) as saved:
        response = client.post(url, {f"q{i}": "yes" for i in range(items)}  # type: ignore
                               | {"continue": ""})
    assert response.status_code == 302
    assert Answer.objects.filter(interview=interview).count() == items
    Interview.objects.filter(pk=interview.pk).delete()
    return len(shown), len(saved)


def test_recording_a_section_takes_queries_that_do_not_grow_with_its_items(client, cast):
    assert section_queries(client, cast, 5) == section_queries(client, cast, 60)
