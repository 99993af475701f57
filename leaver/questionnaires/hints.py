"""Conditions in plain words, for pages without JavaScript: "Answer only if you answered
“Yes” to “Did you experience any bullying?”". (The conditions themselves: conditions.py.)"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from leaver.questionnaires.conditions import (
    Always,
    And,
    Binary,
    Compare,
    Node,
    Not,
    Or,
    Selected,
    format_number,
    keys_in_order,
    parse_date,
)

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_NUMBER_WORDS = {"=": "", "!=": "not ", "<": "less than ", "<=": "at most ", ">": "more than ",
                 ">=": "at least "}
_DATE_WORDS = {"<": "before", "<=": "on or before", ">": "after", ">=": "on or after"}


Label = Callable[[str], str]
Value = Callable[[str, str], str]


def _join(parts: list[str], word: str) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def _chain(node: Node, kind: type[Binary]) -> list[Node]:
    if isinstance(node, kind):
        return _chain(node.left, kind) + _chain(node.right, kind)
    return [node]


def _alike(part: Node, first: Compare | Selected) -> bool:
    """Both selected() on the same question, or both `= 'words'` on the same question."""
    if isinstance(part, Selected):
        return isinstance(first, Selected) and part.key == first.key
    return (isinstance(part, Compare) and isinstance(first, Compare) and part.key == first.key
            and part.op == "=" and isinstance(part.value, str) and part.value != "")


def describe(node: Node, labels: Mapping[str, str],
             choices: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """A hint for pages without JavaScript, e.g. "Answer only if you answered “Yes” to “…”".

    `labels` maps question keys to their wording; `choices`, optional, maps a key to the
    wording of its choice values (otherwise a value like 'not_sure' is shown as “Not sure”).
    Simple conditions get a sentence of their own, others a general one naming the questions.
    """
    if isinstance(node, Always):
        return ""

    def label(key: str) -> str:
        return f"“{(labels.get(key) or key).strip()}”"

    def value(key: str, value: str) -> str:
        words = (choices or {}).get(key, {}).get(value) or value.replace("_", " ").strip()
        return f"“{words[:1].upper()}{words[1:]}”"

    clause = _clause(node, label, value)
    if clause is not None:
        return f"Answer only if {clause}"
    questions = _join([label(key) for key in dict.fromkeys(keys_in_order(node))], "and")
    return f"Answer only if it applies to you: it depends on your answers to {questions}"


def _clause(node: Node, label: Label, value: Value) -> str | None:
    for kind, word in ((Or, "or"), (And, "and")):
        parts = _chain(node, kind)
        if len(parts) == 1:
            continue
        first = parts[0]
        if kind is Or and isinstance(first, Compare | Selected) and all(
                _alike(part, first) for part in parts):  # you answered “Yes” or “Not sure” to …
            given = [value(p.key, str(p.value)) for p in parts if isinstance(p, Compare | Selected)]
            return _leaf(first, label, value, _join(given, "or"))
        clauses = [_leaf(part, label, value) for part in parts]
        return _join([c for c in clauses if c], word) if all(clauses) else None
    return _leaf(node, label, value)


def _leaf(node: Node, label: Label, value: Value, given: str | None = None) -> str | None:
    """A clause for one comparison, or its negation; None when it has no simple wording."""
    negated = isinstance(node, Not)
    if isinstance(node, Not):
        node = node.operand
    if not isinstance(node, Compare | Selected):
        return None
    question = label(node.key)
    if isinstance(node, Selected):
        given = given or value(node.key, node.value)
        return f"you {'did not choose' if negated else 'chose'} {given} in answer to {question}"
    if negated and node.op not in ("=", "!="):
        return None
    op = {"=": "!=", "!=": "="}[node.op] if negated else node.op
    if not isinstance(node.value, str):
        return f"your answer to {question} is {_NUMBER_WORDS[op]}{format_number(node.value)}"
    if op in _DATE_WORDS:
        day = parse_date(node.value)
        when = f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else node.value
        return f"your answer to {question} is {_DATE_WORDS[op]} {when}"
    if node.value == "":
        return f"you {'did not answer' if op == '=' else 'answered'} {question}"
    given = given or value(node.key, node.value)
    return f"you {'answered' if op == '=' else 'did not answer'} {given} to {question}"
