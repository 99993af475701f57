"""Every closed question may be recorded as "Did not want to answer" or "Not asked", kept
apart from "Not sure"; "required" means something is recorded; a multiple choice's
"stand alone" answers cannot be mixed with others; the record shows them in words."""

from __future__ import annotations

from leaver.questionnaires.answering import AnswerForm
from leaver.questionnaires.queries import answer_words, from_text, to_text
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import (
    YES_NO_NOT_SURE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
)

SAY = Item(key="say", type=ItemType.MULTIPLE_CHOICE, required=True,
           label={"en": "Menus? Bedtimes? Activities?"},
           choices=(Choice("menus", {"en": "Menus"}), Choice("none", {"en": "None of these"})))
SAFE = Item(key="felt_safe", type=ItemType.YES_NO_NOT_SURE, required=True,
            label={"en": "Did you feel safe?"}, choices=YES_NO_NOT_SURE)
OPEN = Item(key="good", type=ItemType.LONG_TEXT, label={"en": "What was good?"})
FORM = Questionnaire(key="q", title={"en": "Q"}, version="1", sections=(
    Section(key="s", title={"en": "S"}, items=(SAFE, SAY, OPEN)),))


def test_every_closed_question_offers_did_not_want_to_answer_and_not_asked():
    form = AnswerForm(questionnaire=FORM)
    assert [v for v, _ in form.fields["felt_safe"].choices] == [  # type: ignore[attr-defined]
        "yes", "no", "not_sure", "did_not_answer", "not_asked"]
    assert [v for v, _ in form.fields["say"].choices][-2:] == [  # type: ignore[attr-defined]
        "did_not_answer", "not_asked"]
    assert "choices" not in vars(form.fields["good"])


def test_did_not_want_to_answer_is_stored_apart_from_not_sure_and_shown_in_words():
    form = AnswerForm({"felt_safe": "did_not_answer", "say": ["not_asked"]}, questionnaire=FORM)
    assert form.is_valid(), form.errors
    assert form.visible_answers == {"felt_safe": "did_not_answer", "say": ["not_asked"]}
    assert answer_words(SAFE, "did_not_answer") == "Did not want to answer"
    assert answer_words(SAFE, "not_sure") == "Not sure"
    assert answer_words(SAY, from_text(ItemType.MULTIPLE_CHOICE, to_text(["not_asked"]))) == (
        "Not asked")
    assert answer_words(SAFE, "not_asked", "cy") == "Heb ofyn"


def test_required_means_record_something_and_the_message_says_how():
    form = AnswerForm({}, questionnaire=FORM)
    assert not form.is_valid()
    assert form.errors["felt_safe"] == [
        "Record an answer to “Did you feel safe?”: if they did not answer, choose “Did not "
        "want to answer” or “Not asked”"]
    assert "good" not in form.errors


def test_a_stand_alone_answer_cannot_be_mixed_with_others():
    for mixed in (["menus", "did_not_answer"], ["menus", "none"], ["not_asked", "none"]):
        form = AnswerForm({"felt_safe": "yes", "say": mixed}, questionnaire=FORM)
        assert not form.is_valid()
        assert "on its own" in form.errors["say"][0]
    assert AnswerForm({"felt_safe": "yes", "say": ["menus"]}, questionnaire=FORM).is_valid()


def test_menus_bedtimes_activities_are_checkboxes_asked_only_after_yes():
    questionnaire = seed("yp-appendix-1")
    having = next(s for s in questionnaire.sections if s.key == "having_a_say")
    base = {"say_in_home": "no", "encouraged_bring_friends": "yes"}
    form = AnswerForm(base, questionnaire=questionnaire, sections=["having_a_say"])
    assert form.is_valid(), form.errors  # not demanded after "No"
    assert "say_menus_bedtimes_activities" not in form.visible_answers
    for answer in ("not_sure", "did_not_answer", "not_asked"):
        form = AnswerForm({**base, "say_in_home": answer}, questionnaire=questionnaire,
                          sections=["having_a_say"])
        assert form.is_valid(), (answer, form.errors)
    form = AnswerForm({**base, "say_in_home": "yes"}, questionnaire=questionnaire,
                      sections=["having_a_say"])
    assert not form.is_valid()
    assert "say_menus_bedtimes_activities" in form.errors
    item = next(i for i in having.items if i.key == "say_menus_bedtimes_activities")
    assert item.type == ItemType.MULTIPLE_CHOICE
    assert 'type="checkbox"' in str(form["say_menus_bedtimes_activities"])
