"""Answering a version: conditions on the server, required only when shown, languages,
easy read, and a page whose query count does not grow with the number of questions."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from leaver.organisations.models import Pathway
from leaver.questionnaires import actions
from leaver.questionnaires.answering import AnswerForm
from leaver.questionnaires.spec import (
    YES_NO_NOT_SURE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
)

BULLYING = Questionnaire(
    key="bullying-questions", title={"en": "Exit", "cy": "Ymadael"}, version="1", sections=(
    Section(key="safety", title={"en": "Safety", "cy": "Diogelwch"}, items=(
        Item(key="experienced_bullying", type=ItemType.YES_NO_NOT_SURE, required=True,
             label={"en": "Did you experience any bullying?",
                    "cy": "Wnaethoch chi brofi unrhyw fwlio?"},
             easy_read={"en": "Did anyone bully you?"}, choices=YES_NO_NOT_SURE),
        Item(key="bullying_dealt_with", type=ItemType.LONG_TEXT, required=True,
             label={"en": "How was this dealt with?"},
             relevant="${experienced_bullying} = 'yes'"),
    )),
))


def test_a_hidden_question_is_not_required_and_its_answer_is_discarded():
    form = AnswerForm({"experienced_bullying": "no", "bullying_dealt_with": "Sneaky text"},
                      questionnaire=BULLYING)
    assert form.is_valid(), form.errors
    assert form.visible_answers == {"experienced_bullying": "no"}
    assert "bullying_dealt_with" not in form.cleaned_data


def test_a_shown_required_question_must_be_answered():
    form = AnswerForm({"experienced_bullying": "yes"}, questionnaire=BULLYING)
    assert not form.is_valid()
    assert form.errors["bullying_dealt_with"] == ["Answer “How was this dealt with?”"]
    form = AnswerForm({"experienced_bullying": "yes", "bullying_dealt_with": "Staff helped."},
                      questionnaire=BULLYING)
    assert form.is_valid()
    assert form.visible_answers["bullying_dealt_with"] == "Staff helped."


def test_required_question_unanswered_says_so():
    form = AnswerForm({}, questionnaire=BULLYING)
    assert not form.is_valid()
    assert form.errors["experienced_bullying"] == [
        "Record an answer to “Did you experience any bullying?”: if they did not answer, "
        "choose “Did not want to answer” or “Not asked”"]


def test_without_javascript_a_conditional_question_says_when_to_answer_it():
    form = AnswerForm(questionnaire=BULLYING)
    hint = form.fields["bullying_dealt_with"].help_text
    assert "Did you experience any bullying?" in hint
    assert "Yes" in hint
    assert "data-relevant" in str(form["bullying_dealt_with"])


def test_welsh_and_easy_read_wording():
    welsh = AnswerForm(questionnaire=BULLYING, language="cy")
    assert welsh.fields["experienced_bullying"].label == "Wnaethoch chi brofi unrhyw fwlio?"
    # No Welsh wording yet: English rather than nothing.
    assert welsh.fields["bullying_dealt_with"].label == "How was this dealt with?"
    easy = AnswerForm(questionnaire=BULLYING, easy_read=True)
    assert easy.fields["experienced_bullying"].label == "Did anyone bully you?"


def big_questionnaire(items: int) -> Questionnaire:
    return Questionnaire(key="big", title={"en": "Big"}, version="1", sections=tuple(
        Section(key=f"s{s}", title={"en": f"Section {s}"}, items=tuple(
            Item(key=f"q{s}_{i}", type=ItemType.YES_NO_NOT_SURE, label={"en": f"Q {s} {i}"},
                 choices=YES_NO_NOT_SURE,
                 relevant=f"${{q{s}_0}} = 'yes'" if i else "")
            for i in range(items // 10)))
        for s in range(10)))


def preview_queries(client, cast, items: int) -> int:
    draft = actions.save_draft(actor=None, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON,
                               questionnaire=big_questionnaire(items))
    client.force_login(cast.org_admin)
    # The first request after signing in starts the session's idle clock (one write).
    client.get("/questionnaires/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/questionnaires/versions/{draft.public_id}/preview/")
    assert response.status_code == 200
    assert response.content.decode().count('type="radio"') == items * 5  # 3 + 2 not answered
    return len(queries)


def test_preview_queries_do_not_grow_with_the_number_of_items(client, cast):
    assert preview_queries(client, cast, 10) == preview_queries(client, cast, 150)


def test_preview_and_publish_are_for_the_organisations_admins_only(client, cast, other_cast):
    draft = actions.save_draft(actor=None, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON, questionnaire=BULLYING)
    url = f"/questionnaires/versions/{draft.public_id}/"
    for outsider in (cast.iro, cast.csm, other_cast.org_admin):
        client.force_login(outsider)
        assert client.get(url + "preview/").status_code == 404
        assert client.post(url + "publish/").status_code == 404
        listing = client.get("/questionnaires/")
        # Another organisation's admin has a list of their own, without ours.
        assert listing.status_code == (200 if outsider == other_cast.org_admin else 404)
        assert draft.template.key not in listing.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"
    client.force_login(cast.org_admin)
    page = client.get(url + "preview/?language=cy").content.decode()
    assert "Wnaethoch chi brofi unrhyw fwlio?" in page
    assert client.post(url + "publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"


SCALE = Questionnaire(key="scale", title={"en": "Scale"}, version="1", sections=(
    Section(key="s", title={"en": "S"}, items=(
        Item(key="happy", type=ItemType.SCALE, label={"en": "How happy were you?"},
             choices=tuple(Choice(str(n), {"en": text}) for n, text in enumerate(
                 ["Very unhappy", "Unhappy", "Okay", "Happy", "Very happy"], start=1))),
    )),
))


def test_a_scale_shows_faces_for_young_people_only():
    young = dict(AnswerForm(questionnaire=SCALE, faces=True).fields["happy"].choices)  # type: ignore[attr-defined]
    assert young["1"] == "😞 Very unhappy"
    assert young["5"] == "😀 Very happy"
    staff = dict(AnswerForm(questionnaire=SCALE).fields["happy"].choices)  # type: ignore[attr-defined]
    assert staff["1"] == "Very unhappy"


FEATURES = Questionnaire(key="features", title={"en": "F"}, version="1", sections=(
    Section(key="only", title={"en": "Only"}, items=(
        Item(key="intro", type=ItemType.NOTE, label={"en": "Read this first."}, required=True),
        Item(key="colour", type=ItemType.SINGLE_CHOICE, label={"en": "Colour?"},
             appearance="horizontal", default="blue", required=True,
             required_message={"en": "Ask about the colour", "cy": "Gofynnwch"},
             guidance_hint={"en": "Point at the card"},
             choices=(Choice("red", {"en": "Red"}), Choice("blue", {"en": "Blue"}))),
        Item(key="when", type=ItemType.DATE, label={"en": "When?"},
             constraint=". >= '2020-01-01'"),
    )),
))


def test_a_note_records_nothing_even_when_required_or_sent():
    form = AnswerForm({"intro": "typed", "colour": "red"}, questionnaire=FEATURES)
    assert form.is_valid(), form.errors
    assert form.visible_answers == {"colour": "red"}


def test_default_appearance_guidance_and_required_message():
    from leaver.ui.widgets import InlineRadioSelect

    form = AnswerForm(questionnaire=FEATURES)
    assert form["colour"].value() == "blue"
    assert isinstance(form.fields["colour"].widget, InlineRadioSelect)
    assert "Point at the card" in form.fields["colour"].help_text
    missing = AnswerForm({}, questionnaire=FEATURES, language="cy")
    assert not missing.is_valid()
    assert missing.errors["colour"] == ["Gofynnwch"]


def test_a_constraint_without_a_message_says_the_rule_in_plain_words():
    form = AnswerForm({"colour": "red", "when": "2019-05-01"}, questionnaire=FEATURES)
    assert not form.is_valid()
    assert form.errors["when"] == ["The answer to “When?” must be on or after 1 January 2020"]
    assert AnswerForm({"colour": "red", "when": "2021-05-01"}, questionnaire=FEATURES).is_valid()
