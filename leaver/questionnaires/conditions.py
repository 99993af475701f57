"""Conditions in the XLSForm subset, read by a small recursive-descent parser (never `eval`).

    condition := and_expr ("or" and_expr)*          -- and, or: left-associative, lowercase
    and_expr  := primary ("and" primary)*
    primary   := "(" condition ")" | "not" "(" condition ")" | "selected" "(" ${key} "," STRING ")"
               | ${key} ("=" | "!=" | "<" | "<=" | ">" | ">=") (STRING | NUMBER)

In a constraint, `.` may stand where `${key}` does: the answer to the question itself.

Strings are in single or double quotes (no escapes, as in XPath); numbers are `16`, `-1`,
`2.5`; an empty condition means "always". Checked at parse time against the questionnaire's
keys and item types: every `${key}` exists; `selected()` is on a choice question; `<` … `>=`
compare a number or scale question with a number, or a date question with a date in quotes
('2024-01-31'). At most 2000 characters and 50 levels of brackets.

Evaluation follows ODK / XPath 1.0:
* An unanswered question is the empty string ''. So when x is unanswered `${x} = 'yes'` is
  false, `${x} != 'yes'` is true, and `${x} = ''` tests for it.
* A multiple-choice answer (a list) compares as its values joined by spaces, as ODK stores it.
* `selected(${k}, 'v')` is true when 'v' is one of the chosen values; a single answer is split
  on spaces the ODK way, so for one value it is equality.
* Against a number literal the answer is read as a number (`16`, `-2.5`, `1E+1`); an empty or
  non-numeric answer is NaN, which makes `=`, `<`, `<=`, `>`, `>=` false and `!=` true.
* Against a date literal the answer must be a date 'YYYY-MM-DD', or the comparison is false.
* `!=` is always the negation of `=`.
`to_json` gives the browser the same tree; `leaver.questionnaires.hints.describe` words it
for pages without JavaScript. The text is split into tokens by `condition_tokens`.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeAlias, assert_never

# ConditionError is raised here too, and imported from here by callers.
from leaver.questionnaires.condition_tokens import ConditionError as ConditionError
from leaver.questionnaires.condition_tokens import Token, show, tokens
from leaver.questionnaires.spec import CHOICE_TYPES, ItemType

MAX_LENGTH = 2000
MAX_DEPTH = 50

Op = Literal["=", "!=", "<", "<=", ">", ">="]
OPS: dict[str, Op] = {"=": "=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
ORDERING: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
ORDERED_TYPES = frozenset({ItemType.NUMBER, ItemType.SCALE, ItemType.DATE})
Answers = Mapping[str, "str | list[str] | None"]


@dataclass(frozen=True)
class Always:
    pass


@dataclass(frozen=True)
class Compare:
    key: str
    op: Op
    value: str | float  # a str was written in quotes, a float as a number


@dataclass(frozen=True)
class Selected:
    key: str
    value: str


@dataclass(frozen=True)
class Binary:
    left: Node
    right: Node


@dataclass(frozen=True)
class And(Binary):
    pass


@dataclass(frozen=True)
class Or(Binary):
    pass


@dataclass(frozen=True)
class Not:
    operand: Node


Node: TypeAlias = Always | Compare | Selected | And | Or | Not

# --- reading ---------------------------------------------------------------------------------

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ANSWER_NUMBER = re.compile(r"\s*(-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s*")


def _type_name(item_type: ItemType) -> str:
    if item_type == ItemType.YES_NO_NOT_SURE:
        return "yes / no / not sure"
    return item_type.value.replace("_", " ")


def parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if _DATE.fullmatch(text) else None
    except ValueError:
        return None


class _Parser:
    def __init__(self, text: str, known: Mapping[str, ItemType], current: str | None) -> None:
        self.known = known
        self.current = current
        self.tokens = tokens(text)
        self.token = next(self.tokens)
        self.previous: Token | None = None
        self.depth = 0

    def advance(self) -> Token:
        token = self.previous = self.token
        if token.kind != "end":
            self.token = next(self.tokens)
        return token

    def expect(self, kind: str, message: str) -> Token:
        if self.token.kind != kind:
            raise ConditionError(f"{message}, found {show(self.token)}", self.token.position)
        return self.advance()

    def is_word(self, word: str) -> bool:
        return self.token.kind == "word" and self.token.text == word

    def condition(self) -> Node:
        node = self.and_expr()
        while self.is_word("or"):
            self.advance()
            node = Or(node, self.and_expr())
        return node

    def and_expr(self) -> Node:
        node = self.primary()
        while self.is_word("and"):
            self.advance()
            node = And(node, self.primary())
        return node

    def primary(self) -> Node:
        token = self.token
        if token.kind == "(":
            return self.group(self.advance())
        if token.kind == "ref":
            return self.comparison()
        if self.is_word("not"):
            self.advance()
            return Not(self.group(self.expect("(", "Expected '(' after 'not'")))
        if self.is_word("selected"):
            return self.selected()
        if token.kind == "word" and token.text not in ("and", "or"):
            raise self.unexpected_word()
        after = f" after '{self.previous.text}'" if self.previous else ""
        raise ConditionError(f"Expected a condition{after}, found {show(token)}", token.position)

    def group(self, opening: Token) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ConditionError(f"Too deeply nested: at most {MAX_DEPTH} levels of brackets",
                                 opening.position)
        if self.token.kind == ")":
            raise ConditionError("Empty parentheses", opening.position)
        node = self.condition()
        self.expect(")", f"Expected ')' to close the '(' at character {opening.position + 1}")
        self.depth -= 1
        return node

    def reference(self, token: Token) -> tuple[str, ItemType]:
        key = str(token.value)
        if key == ".":
            if self.current is None:
                raise ConditionError("'.' (the answer itself) can be used only in a constraint",
                                     token.position)
            key = self.current
        if key not in self.known:
            raise ConditionError(f"Unknown question {token.text}", token.position)
        return key, self.known[key]

    def comparison(self) -> Node:
        ref = self.advance()
        key, item_type = self.reference(ref)
        op = self.expect("op", f"Expected a comparison such as = or != after {ref.text}")
        literal = self.token
        if literal.kind == "ref":
            raise ConditionError("Comparing two questions is not supported: compare with a value",
                                 literal.position)
        if literal.kind != "number":
            self.expect("string", f"Expected a value in quotes or a number after '{op.text}'")
        else:
            self.advance()
        if op.text in ORDERING:
            if item_type not in ORDERED_TYPES:
                raise ConditionError(f"'{op.text}' works only on number, scale and date "
                                     f"questions, and {ref.text} is a {_type_name(item_type)} "
                                     "question", op.position)
            if item_type == ItemType.DATE:
                if literal.kind != "string" or parse_date(str(literal.value)) is None:
                    raise ConditionError("Expected a date in quotes like '2024-01-31' after "
                                         f"'{op.text}'", literal.position)
            elif literal.kind != "number":
                raise ConditionError(f"Expected a number without quotes after '{op.text}'",
                                     literal.position)
        return Compare(key, OPS[op.text], literal.value)

    def selected(self) -> Node:
        self.advance()
        self.expect("(", "Expected '(' after 'selected'")
        ref = self.expect("ref", "Expected a question like ${name} in selected(")
        key, item_type = self.reference(ref)
        if item_type not in CHOICE_TYPES:
            raise ConditionError(f"selected() works only on choice questions, and {ref.text} is "
                                 f"a {_type_name(item_type)} question", ref.position)
        self.expect(",", "Expected ',' after the question in selected(")
        value = self.expect("string", "Expected a choice value in quotes in selected(")
        self.expect(")", "Expected ')' to close selected(")
        return Selected(key, str(value.value))

    def unexpected_word(self) -> ConditionError:
        token = self.advance()
        if token.text.lower() in ("and", "or", "not", "selected"):
            return ConditionError(f"Write '{token.text.lower()}' in lowercase", token.position)
        if self.token.kind == "(":
            return ConditionError(f"Unsupported function {token.text}()", token.position)
        return ConditionError(f"Unexpected word '{token.text}'", token.position)


def parse(text: str, known: Mapping[str, ItemType], current: str | None = None) -> Node:
    """The condition `text` as a tree, checked against `known` (key -> item type).

    In a constraint, `current` is the key of the question it is on, and `.` stands for its
    answer: `. > 3` is read as `${current} > 3`."""
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"Too long: a condition may have at most {MAX_LENGTH} characters",
                             MAX_LENGTH)
    if not text.strip():
        return Always()
    parser = _Parser(text, known, current)
    node = parser.condition()
    if parser.token.kind == ")":
        raise ConditionError("Unmatched ')'", parser.token.position)
    if parser.token.kind != "end":
        raise ConditionError("Expected 'and', 'or' or the end of the condition, found "
                             f"{show(parser.token)}", parser.token.position)
    return node


# --- using -----------------------------------------------------------------------------------


def keys_in_order(node: Node) -> Iterator[str]:
    if isinstance(node, Compare | Selected):
        yield node.key
    elif isinstance(node, Binary):
        yield from keys_in_order(node.left)
        yield from keys_in_order(node.right)
    elif isinstance(node, Not):
        yield from keys_in_order(node.operand)


def _answer_number(text: str) -> float:
    match = _ANSWER_NUMBER.fullmatch(text)
    return float(match.group(1)) if match else math.nan


def evaluate(node: Node, answers: Answers) -> bool:
    """Whether the condition holds for `answers` (key -> answer; missing or None: unanswered)."""
    if isinstance(node, Always):
        return True
    if isinstance(node, And):
        return evaluate(node.left, answers) and evaluate(node.right, answers)
    if isinstance(node, Or):
        return evaluate(node.left, answers) or evaluate(node.right, answers)
    if isinstance(node, Not):
        return not evaluate(node.operand, answers)
    answer = answers.get(node.key) or ""
    if isinstance(node, Selected):
        return node.value in (answer.split() if isinstance(answer, str) else answer)
    text = answer if isinstance(answer, str) else " ".join(answer)
    if node.op in ("=", "!="):
        if isinstance(node.value, str):
            equal = text == node.value
        else:
            equal = _answer_number(text) == node.value  # NaN equals nothing
        return equal if node.op == "=" else not equal
    if isinstance(node.value, str):
        given, wanted = parse_date(text.strip()), parse_date(node.value)
        return given is not None and wanted is not None and ORDERING[node.op](given, wanted)
    return ORDERING[node.op](_answer_number(text), node.value)  # NaN: always false


def format_number(value: float) -> str:
    return format(Decimal(repr(float(value))).normalize(), "f") if value else "0"


def _quote(value: str) -> str:
    if "'" not in value:
        return f"'{value}'"
    if '"' not in value:
        return f'"{value}"'
    raise ValueError(f"XLSForm cannot write a value with both kinds of quote: {value!r}")


def to_text(node: Node) -> str:
    """Canonical XLSForm text, with only the brackets needed: parse(to_text(n)) == n.

    (Unless the spaces it puts around operators take it over the length limit.)
    """
    return "" if isinstance(node, Always) else _text(node)


def _text(node: Node) -> str:
    if isinstance(node, Compare):
        value = _quote(node.value) if isinstance(node.value, str) else format_number(node.value)
        return f"${{{node.key}}} {node.op} {value}"
    if isinstance(node, Selected):
        return f"selected(${{{node.key}}}, {_quote(node.value)})"
    if isinstance(node, Not):
        return f"not({_text(node.operand)})"
    if isinstance(node, And):
        left = f"({_text(node.left)})" if isinstance(node.left, Or) else _text(node.left)
        right = _text(node.right)
        return f"{left} and {f'({right})' if isinstance(node.right, Binary) else right}"
    if isinstance(node, Or):
        right = _text(node.right)
        return f"{_text(node.left)} or {f'({right})' if isinstance(node.right, Or) else right}"
    if isinstance(node, Always):
        raise ValueError("Always() can only stand alone")
    assert_never(node)


def to_json(node: Node) -> dict[str, Any]:
    """The tree for the browser, to evaluate with the semantics of this module's docstring:

    {"op": "always"} · {"op": "and" | "or", "args": [a, b]} · {"op": "not", "arg": a} ·
    {"op": "selected", "key": k, "value": "v"} ·
    {"op": "=" | "!=" | "<" | "<=" | ">" | ">=", "key": k, "value": "v" or 2.5}
    A number value compares numerically; a string value with <, <=, >, >= is a date.
    """
    if isinstance(node, Always):
        return {"op": "always"}
    if isinstance(node, Compare | Selected):
        return {"op": node.op if isinstance(node, Compare) else "selected",
                "key": node.key, "value": node.value}
    if isinstance(node, Not):
        return {"op": "not", "arg": to_json(node.operand)}
    return {"op": "and" if isinstance(node, And) else "or",
            "args": [to_json(node.left), to_json(node.right)]}
