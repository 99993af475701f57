"""The tokens of a condition (see `leaver.questionnaires.conditions`), and `ConditionError`,
which reading a condition raises with the position of the problem."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass


class ConditionError(ValueError):
    """A condition that cannot be used; `position` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message, position)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return f"{self.message} (at character {self.position + 1})"


_TOKEN = re.compile(r"""(?P<space>\s+)
    | (?P<ref>\$\{[A-Za-z_][A-Za-z0-9_.-]*\})
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<number>-?[0-9]+(?:\.[0-9]+)?)
    | (?P<op>==|!=|<=|>=|[=<>])
    | (?P<punct>[(),])
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<dot>(?<![0-9])\.(?![0-9]))""", re.VERBOSE)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_STRAIGHT = ": use straight quotes ' or \""
_HINTS = {"&": ": write 'and'", "|": ": write 'or'", "!": ": write not(...) or '!='",
          "‘": _STRAIGHT, "’": _STRAIGHT, "“": _STRAIGHT, "”": _STRAIGHT}


@dataclass(frozen=True)
class Token:
    kind: str  # ref, string, number, op, word, "(", ")", ",", end
    text: str  # as written
    position: int
    value: str | float = ""  # the key of a ref, the words of a string, the number


def tokens(text: str) -> Iterator[Token]:
    i = 0
    while match := _TOKEN.match(text, i):
        kind, written, start, i = str(match.lastgroup), match.group(), i, match.end()
        if kind == "ref":
            yield Token(kind, written, start, written[2:-1])
        elif kind == "dot":  # the answer itself, in a constraint
            yield Token("ref", written, start, ".")
        elif kind == "string":
            yield Token(kind, written, start, written[1:-1])
        elif kind == "number":
            if not math.isfinite(value := float(written)):
                raise ConditionError("Number too large", start)
            yield Token(kind, written, start, value)
        elif written == "==":
            raise ConditionError("Write '=' rather than '=='", start)
        elif kind != "space":
            yield Token(written if kind == "punct" else kind, written, start)
    if i >= len(text):
        yield Token("end", "", len(text))
        return
    char = text[i]
    if char in "'\"":
        raise ConditionError(f"Unterminated text: no closing {char} for this quote", i)
    if text.startswith("${", i):
        if not (name := _NAME.match(text, i + 2)):
            raise ConditionError("Expected a question name after '${'", i + 2)
        raise ConditionError("Expected '}' to close '${'", name.end())
    raise ConditionError(f"Unexpected character {char!r}{_HINTS.get(char, '')}", i)


def show(token: Token) -> str:
    if token.kind == "end":
        return "the end of the condition"
    text = token.text if len(token.text) <= 30 else token.text[:27] + "…"
    return text if token.kind in ("ref", "string") else f"'{text}'"
