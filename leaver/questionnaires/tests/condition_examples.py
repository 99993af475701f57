"""Questions and conditions shared by the condition tests (test_condition_*.py)."""

from __future__ import annotations

from leaver.questionnaires.conditions import Compare, Selected
from leaver.questionnaires.spec import ItemType

T = ItemType
KNOWN = {"bullying": T.YES_NO_NOT_SURE, "dealt": T.LONG_TEXT, "name": T.SHORT_TEXT,
         "colour": T.SINGLE_CHOICE, "reasons": T.MULTIPLE_CHOICE, "score": T.SCALE,
         "age": T.NUMBER, "moved": T.DATE}
BULLYING_YES = Compare("bullying", "=", "yes")
AGE_16 = Compare("age", ">=", 16.0)
PAY = Selected("reasons", "pay")

LABELS = {"bullying": "Did you experience any bullying?", "age": "How old are you?",
          "reasons": "Why are you leaving?", "moved": "When did you move in?"}
