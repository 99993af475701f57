"""A questionnaire as plain data: what XLSForm files, the database models and the pages
all translate to and from. Equality of two specs is what the round-trip tests compare.

Text that exists in several languages is a `Text`: a mapping from language code ("en",
"cy", …) to words. English is always present.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

Text = dict[str, str]

DEFAULT_LANGUAGE = "en"
LANGUAGES = {"en": "English", "cy": "Welsh"}  # more can be added; XLSForm names them


class ItemType(StrEnum):
    YES_NO_NOT_SURE = "yes_no_not_sure"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SCALE = "scale"  # 1–5, with face labels for young people
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"
    NUMBER = "number"
    NOTE = "note"  # text shown to the interviewer; nothing is recorded


CHOICE_TYPES = frozenset({ItemType.YES_NO_NOT_SURE, ItemType.SINGLE_CHOICE,
                          ItemType.MULTIPLE_CHOICE, ItemType.SCALE})


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class Item:
    key: str  # stable across versions: reports compare answers by it
    type: ItemType
    label: Text
    hint: Text = field(default_factory=dict)
    easy_read: Text = field(default_factory=dict)
    required: bool = False
    relevant: str = ""  # condition in the XLSForm subset (leaver.questionnaires.conditions)
    safeguarding_trigger: str = ""  # condition that raises a safeguarding concern
    choices: tuple[Choice, ...] = ()
    # The answer must meet this condition, where `.` is the answer itself (XLSForm constraint).
    constraint: str = ""
    constraint_message: Text = field(default_factory=dict)
    required_message: Text = field(default_factory=dict)
    guidance_hint: Text = field(default_factory=dict)
    default: str = ""  # the answer filled in at first (values separated by spaces, as XLSForm)
    appearance: str = ""  # one of APPEARANCES; "multiline" is the type LONG_TEXT instead
    # A choice question with an "Other" choice; the next item, `<key>_other`, asks what.
    or_other: bool = False


# Appearances that change how a question is shown here (other XLSForm appearances are ignored).
APPEARANCES = frozenset({"horizontal", "horizontal-compact", "likert"})
OTHER = "other"  # the value of the choice an `or_other` question adds
OTHER_CHOICE = Choice(OTHER, {"en": "Other", "cy": "Arall"})
OTHER_LABEL = {"en": "Specify other", "cy": "Nodwch arall"}


@dataclass(frozen=True)
class Section:
    key: str
    title: Text
    intro: Text = field(default_factory=dict)
    relevant: str = ""
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    key: str  # the template key (XLSForm settings form_id)
    title: Text
    version: str  # XLSForm settings version, as written by the author
    sections: tuple[Section, ...] = ()

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def keys(self) -> dict[str, ItemType]:
        return {item.key: item.type for item in self.items()}


# Welsh yes/no depends on the verb of the question; "Ie"/"Na" are the neutral forms.
# A Welsh speaker should review all Welsh wording before use.
YES_NO_NOT_SURE = (
    Choice("yes", {"en": "Yes", "cy": "Ie"}),
    Choice("no", {"en": "No", "cy": "Na"}),
    Choice("not_sure", {"en": "Not sure", "cy": "Ddim yn siŵr"}),
)

# An interview is a conversation: the leaver may not want to answer, or the interviewer may not
# get to a question. Every closed question of an interview may be recorded either way, kept
# apart from "not sure" (leaver.questionnaires.answering adds them; authors never write them).
# "Required" means the interviewer records something, not that the leaver answers.
DID_NOT_ANSWER = "did_not_answer"
NOT_ASKED = "not_asked"
NOT_ANSWERED = (
    Choice(DID_NOT_ANSWER, {"en": "Did not want to answer", "cy": "Ddim eisiau ateb"}),
    Choice(NOT_ASKED, {"en": "Not asked", "cy": "Heb ofyn"}),
)
NOT_ANSWERED_VALUES = frozenset(c.value for c in NOT_ANSWERED)
