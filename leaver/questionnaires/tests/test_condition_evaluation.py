"""Evaluating conditions against answers the way ODK does, and the questions a condition
depends on."""

from __future__ import annotations

import pytest

from leaver.questionnaires.conditions import (
    Always,
    evaluate,
    keys_in_order,
    parse,
)
from leaver.questionnaires.tests.condition_examples import KNOWN


@pytest.mark.parametrize(("text", "answers", "expected"), [
    ("", {}, True),
    ("${bullying} = 'yes'", {"bullying": "yes"}, True),
    ("${bullying} = 'yes'", {"bullying": "no"}, False),
    ("${bullying} = 'yes'", {}, False),
    ("${bullying} = 'yes'", {"bullying": None}, False),
    # ODK: unanswered is '', and '' != 'yes'
    ("${bullying} != 'yes'", {}, True),
    ("${bullying} != 'yes'", {"bullying": ""}, True),
    ("${bullying} != 'yes'", {"bullying": "yes"}, False),
    ("${bullying} != 'yes'", {"bullying": "not_sure"}, True),
    ("${name} = ''", {}, True),
    ("${name} = ''", {"name": "Sam"}, False),
    ("${name} != ''", {"name": "Sam"}, True),
    ("${name} = 'Sam'", {"name": "sam"}, False),
    ("selected(${reasons}, 'pay')", {"reasons": ["workload", "pay"]}, True),
    ("selected(${reasons}, 'pay')", {"reasons": ["workload"]}, False),
    ("selected(${reasons}, 'pay')", {"reasons": []}, False),
    ("selected(${reasons}, 'pay')", {}, False),
    ("selected(${reasons}, 'pay')", {"reasons": "workload pay"}, True),
    ("selected(${reasons}, 'pa')", {"reasons": ["pay"]}, False),
    ("selected(${colour}, 'red')", {"colour": "red"}, True),
    ("selected(${colour}, 'red')", {"colour": "reddish"}, False),
    ("${reasons} = 'pay'", {"reasons": ["pay"]}, True),
    ("${reasons} = 'pay'", {"reasons": ["pay", "workload"]}, False),
    ("${reasons} = 'pay workload'", {"reasons": ["pay", "workload"]}, True),
    ("${age} >= 16", {"age": "16"}, True),
    ("${age} >= 16", {"age": "15.99"}, False),
    ("${age} >= 16", {"age": " 17 "}, True),
    ("${age} >= 16", {"age": "1.7E+1"}, True),
    ("${age} >= 16", {}, False),
    ("${age} < 16", {}, False),
    ("${age} < 16", {"age": "sixteen"}, False),
    ("${age} < 16", {"age": "nan"}, False),
    ("${age} < 16", {"age": "١"}, False),
    ("${age} > -1", {"age": "0"}, True),
    ("${score} < 2.5", {"score": "2"}, True),
    ("${score} < 2.5", {"score": "3"}, False),
    ("${score} <= 3", {"score": "3"}, True),
    ("${score} > 3", {"score": "3"}, False),
    ("${age} = 16", {"age": "16.0"}, True),
    ("${age} = 16", {"age": "016"}, True),
    ("${age} = '16'", {"age": "16.0"}, False),
    ("${age} = 16", {}, False),
    ("${age} != 16", {}, True),  # XPath: NaN != 16
    ("${age} != 16", {"age": "16"}, False),
    ("${moved} < '2024-01-31'", {"moved": "2024-01-30"}, True),
    ("${moved} < '2024-01-31'", {"moved": "2024-01-31"}, False),
    ("${moved} <= '2024-01-31'", {"moved": "2024-01-31"}, True),
    ("${moved} > '2024-01-31'", {"moved": "2025-01-01"}, True),
    ("${moved} >= '2024-01-31'", {}, False),
    ("${moved} < '2024-01-31'", {"moved": "yesterday"}, False),
    ("${moved} = '2024-01-31'", {"moved": "2024-01-31"}, True),
    ("not(${bullying} = 'yes')", {}, True),
    ("not(${age} < 16)", {}, True),
    ("${bullying} = 'yes' and ${age} >= 16", {"bullying": "yes", "age": "16"}, True),
    ("${bullying} = 'yes' and ${age} >= 16", {"bullying": "yes", "age": "15"}, False),
    ("${bullying} = 'yes' or ${age} >= 16", {"age": "16"}, True),
    ("${bullying} = 'yes' or ${age} >= 16", {"age": "15"}, False),
    ("${bullying} = 'no' or ${bullying} = 'yes' and ${age} > 1", {"bullying": "no"}, True),
    ("(${bullying} = 'no' or ${bullying} = 'yes') and ${age} > 1", {"bullying": "no"}, False),
])
def test_evaluates_like_odk(text, answers, expected):
    assert evaluate(parse(text, KNOWN), answers) is expected


@pytest.mark.parametrize("left", [False, True])
@pytest.mark.parametrize("right", [False, True])
def test_and_or_not_truth_tables(left, right):
    answers = {"bullying": "yes" if left else "no", "age": "20" if right else "10"}
    a, b = "${bullying} = 'yes'", "${age} > 16"
    assert evaluate(parse(f"{a} and {b}", KNOWN), answers) is (left and right)
    assert evaluate(parse(f"{a} or {b}", KNOWN), answers) is (left or right)
    assert evaluate(parse(f"not({a})", KNOWN), answers) is (not left)
    assert evaluate(parse(f"not({a} and {b})", KNOWN), answers) is (not left or not right)


def test_keys_in_order_names_each_question_the_condition_depends_on():
    node = parse("${bullying} = 'yes' and (not(${age} > 3) or selected(${reasons}, 'pay')) "
                 "or ${age} < 1", KNOWN)
    assert set(keys_in_order(node)) == {"bullying", "age", "reasons"}
    assert set(keys_in_order(Always())) == set()
