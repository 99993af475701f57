"""How much people may type, and how big a questionnaire may be: every limit in one place.

An attack run (issue 9) stored megabytes in a single free-text field and uploaded
questionnaires far bigger than any interview. Each free-text field people type has a limit
below, enforced three times:

1. the form (`leaver.ui.widgets.LimitedTextField`) says "Recommendation must be 2,000
   characters or fewer." in the error summary and by the field, shows what was typed again,
   and long boxes count characters as people type (the GOV.UK character count);
2. the action refuses the same (`refuse_if_too_long`), so no other path stores more;
3. the database refuses more (`at_most`: a check constraint on every limited TextField;
   CharFields are limited by their `max_length` on PostgreSQL; a column encrypted at rest,
   `at_most_sealed`, by the longest token its limit can make: ADR 0027).

A line break counts as one character (browsers send two; the form keeps one).

The young person's case (leaver.cases, leaver.pathways.young_person)
  field(s)                                                   limit
  young person's full name (Interview.leaver_name)             200
  communication needs                                        1,000
  another language's name                                      100
  phone number                                                  40
  email address                                                254
  address line 1                                               200
  address line 2                                               500
  town or city                                                 100
  postcode                                                      12
  a reason: declined, not feasible, withdrawn, unable to
    contact (Interview.outcome_reason), reopening, restricting
    circulation (restriction_reason)                         2,000
  where the interview is or was (location, held_where)         300
  who was present, the interpreting or support used          1,000
  the interviewer's notes on the record                      5,000
  the note that something was left out                       1,000
  one answer to one question (Answer.value)                  5,000
  a referral's reference (complaint, advocacy)                 100
  why a referral was not made                                2,000
The review (leaver.reviews)
  the reason no action is needed                             2,000
  a recommendation, and its words for the young person       2,000
  the reason a recommendation is withdrawn                   2,000
  an owner's response                                        2,000
  the letter to the young person                            10,000
Safeguarding (leaver.safeguarding)
  the young person's own words in a concern                  5,000
  the note of whoever raised it, and each later note         5,000
  a referral's reference                                       100
  the reason for no further action (as any reason)           2,000
  the out-of-hours phone number (as any phone number)           40
Questionnaire upload (leaver.questionnaires, XLSForm)
  the file                                                    2 MB
  questions                                                    300
  sections (groups)                                             50
  choices in one list                                          100
  choices in all lists together                              2,000
  a label, hint or easy-read wording (each language)         1,000
  a choice's label                                             500
  the form's title                                             200
  a condition (relevant, safeguarding_trigger)                 500
  rows of one sheet (read no further)                        5,000
"""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

from leaver.core.crypto import sealed_length
from leaver.core.errors import ActionRefused

# The young person's case ---------------------------------------------------------------------
NAME = 200
COMMUNICATION_NEEDS = 1_000
LANGUAGE_NAME = 100
PHONE = 40
EMAIL = 254
ADDRESS_LINE_1 = 200
ADDRESS_LINE_2 = 500
TOWN = 100
POSTCODE = 12
REASON = 2_000
PLACE = 300
PEOPLE_PRESENT = 1_000
SUPPORT_DETAILS = 1_000
INTERVIEWER_NOTES = 5_000
LEFT_OUT_NOTE = 1_000
ANSWER = 5_000
REFERENCE = 100

# The review ----------------------------------------------------------------------------------
RECOMMENDATION = 2_000
RESPONSE = 2_000
LETTER = 10_000

# Safeguarding ------------------------------------------------------------------------------
CONCERN_WORDS = 5_000
CONCERN_NOTE = 5_000
REFERENCE = 100

# Questionnaire upload ------------------------------------------------------------------------
UPLOAD_BYTES = 2 * 1024 * 1024
QUESTIONS = 300
SECTIONS = 50
CHOICES_PER_LIST = 100
CHOICES = 2_000
WORDING = 1_000
CHOICE_LABEL = 500
TITLE = 200
CONDITION = 500
SHEET_ROWS = 5_000


def too_long(what: str, limit: int) -> str:
    """The GOV.UK message: "Recommendation must be 2,000 characters or fewer."."""
    return f"{what} must be {limit:,} characters or fewer."


def refuse_if_too_long(text: str, limit: int, what: str) -> None:
    """An action's check: ActionRefused with the same words as the form's."""
    if len(text) > limit:
        raise ActionRefused(too_long(what, limit))


def at_most(model: str, field: str, limit: int) -> models.CheckConstraint:
    """The database's check that `field` of `model` (its lowercase name) holds at most
    `limit` characters; SQLite and PostgreSQL both count characters, not bytes."""
    return models.CheckConstraint(condition=LessThanOrEqual(Length(field), limit),
                                  name=f"{model}_{field}_at_most_{limit}")


def at_most_sealed(model: str, field: str, limit: int) -> models.CheckConstraint:
    """`at_most` for a column encrypted at rest (leaver.core.encrypted_fields): the database
    sees the token, so it checks the longest token a text of `limit` characters makes; the
    form and the action check the characters themselves."""
    bound = sealed_length(limit)
    return models.CheckConstraint(condition=LessThanOrEqual(Length(field), bound),
                                  name=f"{model}_{field}_sealed_at_most_{limit}")
