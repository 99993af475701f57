"""Reading conditions: the XLSForm subset parsed to a tree, every problem reported with its
position, and the bounds on length and nesting."""

from __future__ import annotations

import ast
import inspect

import pytest

from leaver.questionnaires import condition_tokens, conditions
from leaver.questionnaires.conditions import (
    MAX_DEPTH,
    MAX_LENGTH,
    Always,
    And,
    Compare,
    ConditionError,
    Not,
    Or,
    Selected,
    evaluate,
    parse,
    to_text,
)
from leaver.questionnaires.hints import describe
from leaver.questionnaires.tests.condition_examples import AGE_16, BULLYING_YES, KNOWN, LABELS, PAY


@pytest.mark.parametrize(("text", "node"), [
    ("", Always()),
    ("  \n", Always()),
    ("${bullying} = 'yes'", BULLYING_YES),
    ('${bullying}="yes"', BULLYING_YES),
    ("${bullying} != 'yes'", Compare("bullying", "!=", "yes")),
    ("${name} = ''", Compare("name", "=", "")),
    ("${name} = \"it's\"", Compare("name", "=", "it's")),
    ("${age} >= 16", AGE_16),
    ("${age}>=16.0", AGE_16),
    ("${age} < -2.5", Compare("age", "<", -2.5)),
    ("${age} = 16", Compare("age", "=", 16.0)),
    ("${age} = '16'", Compare("age", "=", "16")),
    ("${score} <= 2", Compare("score", "<=", 2.0)),
    ("${moved} > '2024-01-31'", Compare("moved", ">", "2024-01-31")),
    ("selected(${reasons}, 'pay')", PAY),
    ("selected ( ${colour} , \"red\" )", Selected("colour", "red")),
    ("selected(${bullying}, 'yes')", Selected("bullying", "yes")),
    ("not(${bullying} = 'yes')", Not(BULLYING_YES)),
    ("((${bullying} = 'yes'))", BULLYING_YES),
    ("${bullying} = 'yes' and ${age} >= 16", And(BULLYING_YES, AGE_16)),
    ("${bullying} = 'yes' and ${age} >= 16 and selected(${reasons}, 'pay')",
     And(And(BULLYING_YES, AGE_16), PAY)),
    ("${bullying} = 'yes' or ${age} >= 16 or selected(${reasons}, 'pay')",
     Or(Or(BULLYING_YES, AGE_16), PAY)),
    ("${bullying} = 'yes' or ${age} >= 16 and selected(${reasons}, 'pay')",
     Or(BULLYING_YES, And(AGE_16, PAY))),
    ("${bullying} = 'yes' and ${age} >= 16 or selected(${reasons}, 'pay')",
     Or(And(BULLYING_YES, AGE_16), PAY)),
    ("${bullying} = 'yes' and (${age} >= 16 or selected(${reasons}, 'pay'))",
     And(BULLYING_YES, Or(AGE_16, PAY))),
    ("not(${bullying} = 'yes') and not(selected(${reasons}, 'pay') or ${age} >= 16)",
     And(Not(BULLYING_YES), Not(Or(PAY, AGE_16)))),
    ("${bullying}='yes'and${age}>=16", And(BULLYING_YES, AGE_16)),
])
def test_parses_the_xlsform_subset(text, node):
    assert parse(text, KNOWN) == node


@pytest.mark.parametrize(("text", "message", "position"), [
    ("${bullied} = 'yes'", "Unknown question ${bullied}", 0),
    ("${bullying} = 'yes' and ${agee} > 3", "Unknown question ${agee}", 24),
    ("selected(${reason}, 'pay')", "Unknown question ${reason}", 9),
    ("${bullying} = 'yes", "Unterminated text: no closing ' for this quote", 14),
    ('${bullying} = "yes', 'Unterminated text: no closing " for this quote', 14),
    ("${bullying} = 'yes' & ${age} > 3", "Unexpected character '&': write 'and'", 20),
    ("${bullying} = ‘yes’", "Unexpected character '‘': use straight quotes", 14),
    ("${age} > 3 # comment", "Unexpected character '#'", 11),
    ("${bullying} == 'yes'", "Write '=' rather than '=='", 12),
    ("${} = 'yes'", "Expected a question name after '${'", 2),
    ("${bullying = 'yes'", "Expected '}' to close '${'", 10),
    ("$bullying = 'yes'", "Unexpected character '$'", 0),
    ("${bullying} = 'yes' ${age} > 3",
     "Expected 'and', 'or' or the end of the condition, found ${age}", 20),
    ("${bullying} = 'yes')", "Unmatched ')'", 19),
    ("()", "Empty parentheses", 0),
    ("${age} > 3 and ( )", "Empty parentheses", 15),
    ("not()", "Empty parentheses", 3),
    ("(${age} > 3", "Expected ')' to close the '(' at character 1, found the end", 11),
    ("(${age} > 3 'x'", "Expected ')' to close the '(' at character 1, found 'x'", 12),
    ("${bullying} = 'yes' and", "Expected a condition after 'and', found the end", 23),
    ("${bullying} = 'yes' or or", "Expected a condition after 'or', found 'or'", 23),
    ("and ${age} > 3", "Expected a condition, found 'and'", 0),
    ("'yes' = ${bullying}", "Expected a condition, found 'yes'", 0),
    ("${bullying}", "Expected a comparison such as = or != after ${bullying}, found the end", 11),
    ("${bullying} 'yes'", "Expected a comparison such as = or != after ${bullying}", 12),
    ("${bullying} =", "Expected a value in quotes or a number after '=', found the end", 13),
    ("${bullying} = yes", "Expected a value in quotes or a number after '=', found 'yes'", 14),
    ("${bullying} = ${name}", "Comparing two questions is not supported", 14),
    ("${name} > 3", "'>' works only on number, scale and date questions, and ${name} is a short "
     "text question", 8),
    ("${bullying} <= 1", "and ${bullying} is a yes / no / not sure question", 12),
    ("${age} > '3'", "Expected a number without quotes after '>'", 9),
    ("${moved} > 2024", "Expected a date in quotes like '2024-01-31' after '>'", 11),
    ("${moved} > '2024-02-30'", "Expected a date in quotes like '2024-01-31'", 11),
    ("${moved} > '31/01/2024'", "Expected a date in quotes like '2024-01-31'", 11),
    ("selected(${age}, '3')", "selected() works only on choice questions, and ${age} is a number "
     "question", 9),
    ("selected(${dealt}, 'x')", "and ${dealt} is a long text question", 9),
    ("selected 'pay'", "Expected '(' after 'selected', found 'pay'", 9),
    ("selected('pay', ${reasons})", "Expected a question like ${name} in selected(", 9),
    ("selected(${reasons} 'pay')", "Expected ',' after the question in selected(", 20),
    ("selected(${reasons}, pay)", "Expected a choice value in quotes in selected(", 21),
    ("selected(${reasons}, 3)", "Expected a choice value in quotes in selected(, found '3'", 21),
    ("selected(${reasons}, 'pay'", "Expected ')' to close selected(", 26),
    ("not ${age} > 3", "Expected '(' after 'not', found ${age}", 4),
    ("NOT(${age} > 3)", "Write 'not' in lowercase", 0),
    ("${age} > 3 AND ${age} < 9", "Expected 'and', 'or' or the end of the condition", 11),
    ("AND", "Write 'and' in lowercase", 0),
    ("count(${reasons}) > 1", "Unsupported function count()", 0),
    ("true", "Unexpected word 'true'", 0),
    ("${age} > 1e5", "Expected 'and', 'or' or the end of the condition, found 'e5'", 10),
    ("${age} > 1.", "Unexpected character '.'", 10),
    ("${age} > " + "9" * 400, "Number too large", 9),
])
def test_reports_the_problem_and_where_it_is(text, message, position):
    with pytest.raises(ConditionError) as raised:
        parse(text, KNOWN)
    assert message in raised.value.message
    assert raised.value.position == position
    assert str(raised.value) == f"{raised.value.message} (at character {position + 1})"


def test_condition_error_is_a_value_error_with_plain_words():
    with pytest.raises(ValueError, match=r"^Unknown question \$\{bullied\} \(at character 4\)$"):
        parse("   ${bullied} = 'yes'", KNOWN)


def test_nesting_is_bounded():
    inner = "${age} > 3"
    deepest = "(" * MAX_DEPTH + inner + ")" * MAX_DEPTH
    assert parse(deepest, KNOWN) == Compare("age", ">", 3.0)
    assert parse("not(" * MAX_DEPTH + inner + ")" * MAX_DEPTH, KNOWN) is not None
    with pytest.raises(ConditionError, match="Too deeply nested") as raised:
        parse("(" * (MAX_DEPTH + 1) + inner + ")" * (MAX_DEPTH + 1), KNOWN)
    assert raised.value.position == MAX_DEPTH
    with pytest.raises(ConditionError, match="Too deeply nested") as raised:
        parse("not(" * 30 + "(" * 30 + inner + ")" * 60, KNOWN)
    assert raised.value.position == 30 * 4 + 20
    with pytest.raises(ConditionError, match="Too deeply nested"):
        parse("(" * 1000, KNOWN)


def test_length_is_bounded():
    longest = " " * (MAX_LENGTH - 10) + "${age} > 3"
    assert parse(longest, KNOWN) == Compare("age", ">", 3.0)
    with pytest.raises(ConditionError, match="Too long") as raised:
        parse(" " + longest, KNOWN)
    assert raised.value.position == MAX_LENGTH


def test_a_long_chain_within_the_length_limit_parses_and_evaluates():
    text = "or".join(["${age}=1"] * 200)
    assert len(text) <= MAX_LENGTH
    node = parse(text, KNOWN)
    assert evaluate(node, {"age": "1"})
    assert not evaluate(node, {"age": "2"})
    assert describe(node, LABELS).startswith("Answer only if your answer to “How old are you?”")
    # The canonical text has spaces, so near the limit it can be too long to read back.
    with pytest.raises(ConditionError, match="Too long"):
        parse(to_text(node), KNOWN)


def test_never_evaluates_python():
    for module in (conditions, condition_tokens):
        tree = ast.parse(inspect.getsource(module))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert not names & {"eval", "exec", "compile", "__import__", "getattr"}
