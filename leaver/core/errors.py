"""The one refusal every action raises.

An action that will not do what was asked raises `ActionRefused` with a message written for
the person who asked, in their terms. Nothing has changed when it is raised: actions check
before they write, inside one transaction. `leaver.ui` turns it into a form error or the "You
cannot do this" page, in one place, so no view catches it itself.
"""

from __future__ import annotations


class ActionRefused(Exception):
    """A step that cannot be taken now, by this person, or with this input.

    `back_url` and `back_label`, when given, are where the "You cannot do this" page sends
    the reader back to (the case page, for example)."""

    def __init__(self, message: str, *, back_url: str = "", back_label: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.back_url = back_url
        self.back_label = back_label

    def __str__(self) -> str:
        return self.message
