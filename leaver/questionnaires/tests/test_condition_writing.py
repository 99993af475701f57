"""Writing conditions back: the canonical XLSForm text and the browser's JSON."""

from __future__ import annotations

import json

import pytest

from leaver.questionnaires.conditions import (
    Always,
    And,
    Compare,
    parse,
    to_json,
    to_text,
)
from leaver.questionnaires.tests.condition_examples import BULLYING_YES, KNOWN


@pytest.mark.parametrize(("text", "canonical"), [
    ("", ""),
    ('${bullying}="yes"', "${bullying} = 'yes'"),
    ("${name} = \"it's\"", "${name} = \"it's\""),
    ("${age}>=16.0", "${age} >= 16"),
    ("${age} < -0.50", "${age} < -0.5"),
    ("${age} > 100000000000000000000", "${age} > 100000000000000000000"),
    ("${age} > 0.000001", "${age} > 0.000001"),
    ("((${bullying} = 'yes'))", "${bullying} = 'yes'"),
    ("selected( ${reasons},'pay' )", "selected(${reasons}, 'pay')"),
    ("(${age} > 1 or ${age} < 0) and ${age} = 3", "(${age} > 1 or ${age} < 0) and ${age} = 3"),
    ("${age} = 3 and (${age} > 1 and ${age} < 0)", "${age} = 3 and (${age} > 1 and ${age} < 0)"),
    ("${age} = 3 or (${age} > 1 or ${age} < 0)", "${age} = 3 or (${age} > 1 or ${age} < 0)"),
    ("(${age} = 3 and ${age} > 1) or ${age} < 0", "${age} = 3 and ${age} > 1 or ${age} < 0"),
    ("not((${age} = 3))", "not(${age} = 3)"),
])
def test_canonical_text(text, canonical):
    assert to_text(parse(text, KNOWN)) == canonical


def test_to_text_refuses_what_xlsform_cannot_write():
    with pytest.raises(ValueError, match="both kinds of quote"):
        to_text(Compare("name", "=", "it's \"x\""))
    with pytest.raises(ValueError, match="stand alone"):
        to_text(And(Always(), BULLYING_YES))


def test_json_for_the_browser():
    node = parse("${bullying} = 'yes' and not(${age} >= 16 or selected(${reasons}, 'pay'))",
                 KNOWN)
    assert to_json(node) == {"op": "and", "args": [
        {"op": "=", "key": "bullying", "value": "yes"},
        {"op": "not", "arg": {"op": "or", "args": [
            {"op": ">=", "key": "age", "value": 16.0},
            {"op": "selected", "key": "reasons", "value": "pay"}]}}]}
    assert to_json(Always()) == {"op": "always"}
    assert json.loads(json.dumps(to_json(node))) == to_json(node)
