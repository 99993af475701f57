"""Conditions in plain words, the hint shown on pages without JavaScript."""

from __future__ import annotations

import pytest

from leaver.questionnaires.conditions import (
    parse,
)
from leaver.questionnaires.hints import describe
from leaver.questionnaires.tests.condition_examples import KNOWN, LABELS


@pytest.mark.parametrize(("text", "hint"), [
    ("", ""),
    ("${bullying} = 'yes'",
     "Answer only if you answered “Yes” to “Did you experience any bullying?”"),
    ("${bullying} != 'no'",
     "Answer only if you did not answer “No” to “Did you experience any bullying?”"),
    ("not(${bullying} = 'no')",
     "Answer only if you did not answer “No” to “Did you experience any bullying?”"),
    ("${bullying} = 'yes' or ${bullying} = 'not_sure'",
     "Answer only if you answered “Yes” or “Not sure” to “Did you experience any bullying?”"),
    ("${bullying} != ''", "Answer only if you answered “Did you experience any bullying?”"),
    ("${bullying} = ''", "Answer only if you did not answer “Did you experience any bullying?”"),
    ("selected(${reasons}, 'pay')", "Answer only if you chose “Pay” in answer to “Why are you "
     "leaving?”"),
    ("selected(${reasons}, 'pay') or selected(${reasons}, 'family_or_personal')",
     "Answer only if you chose “Pay” or “Family or personal” in answer to “Why are you leaving?”"),
    ("not(selected(${reasons}, 'pay'))",
     "Answer only if you did not choose “Pay” in answer to “Why are you leaving?”"),
    ("${bullying} = 'yes' and selected(${reasons}, 'pay')",
     "Answer only if you answered “Yes” to “Did you experience any bullying?” and you chose "
     "“Pay” in answer to “Why are you leaving?”"),
    ("${bullying} = 'yes' or ${age} >= 16",
     "Answer only if you answered “Yes” to “Did you experience any bullying?” or your answer to "
     "“How old are you?” is at least 16"),
    ("${age} < 2.5", "Answer only if your answer to “How old are you?” is less than 2.5"),
    ("${age} != 16", "Answer only if your answer to “How old are you?” is not 16"),
    ("not(${age} = 16)", "Answer only if your answer to “How old are you?” is not 16"),
    ("${moved} >= '2024-01-05'",
     "Answer only if your answer to “When did you move in?” is on or after 5 January 2024"),
    ("${name} = 'Sam'", "Answer only if you answered “Sam” to “name”"),
    ("${bullying} = 'yes' and (${age} > 3 or ${age} < 1)",
     "Answer only if it applies to you: it depends on your answers to “Did you experience any "
     "bullying?” and “How old are you?”"),
    ("not(${age} < 16) or selected(${reasons}, 'pay') and ${moved} < '2020-01-01'",
     "Answer only if it applies to you: it depends on your answers to “How old are you?”, “Why "
     "are you leaving?” and “When did you move in?”"),
])
def test_describes_conditions_for_pages_without_javascript(text, hint):
    assert describe(parse(text, KNOWN), LABELS) == hint


def test_describe_uses_choice_wording_when_given():
    node = parse("${bullying} = 'not_sure'", KNOWN)
    hint = describe(node, {"bullying": "Oeddech chi’n cael eich bwlio?"},
                    {"bullying": {"not_sure": "Ddim yn siŵr"}})
    assert hint == "Answer only if you answered “Ddim yn siŵr” to “Oeddech chi’n cael eich bwlio?”"
