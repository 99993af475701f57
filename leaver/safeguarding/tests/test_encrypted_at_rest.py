"""A concern's details are encrypted at rest (issue 14, ADR 0027): the young person's words,
the raiser's note, later notes, and the answer and comment that met a trigger are tokens in
the database and read back as written; nothing of them reaches a log or the audit."""

from __future__ import annotations

import json
import logging

from django.db import connection

from leaver.audit.models import AuditEvent
from leaver.safeguarding import actions
from leaver.safeguarding.models import Concern, Note, Trigger
from leaver.safeguarding.tests.helpers import UNSAFE, raise_one, recording_case, save_section

WORDS = "I fell over the wombat."
NOTE = "A bruise she will not talk about, quokka."
LATER = "Rang the social worker, numbat."


def stored(table: str, *columns: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608
        return [value for row in cursor.fetchall() for value in row]


def test_a_concern_raised_by_hand_and_its_notes_are_tokens_in_the_database(cast, caplog):
    caplog.set_level(logging.DEBUG)
    concern = raise_one(cast, recording_case(cast), words=WORDS, note=NOTE)
    actions.add_note(actor=cast.safeguarding_lead, concern=concern, text=LATER)

    held = stored("safeguarding_concern", "words", "note") + stored("safeguarding_note", "text")
    assert len(held) == 3
    assert all(value.startswith("enc:dev:") for value in held)
    assert not [value for value in held if "wombat" in value or "quokka" in value
                or "numbat" in value]
    concern = Concern.objects.get(pk=concern.pk)
    assert (concern.words, concern.note) == (WORDS, NOTE)
    assert Note.objects.get(concern=concern).text == LATER

    said = " ".join([*(r.getMessage() for r in caplog.records),
                     json.dumps(list(AuditEvent.objects.values_list("detail", flat=True)),
                                default=str)])
    assert "wombat" not in said
    assert "quokka" not in said
    assert "numbat" not in said


def test_the_answer_that_met_a_trigger_is_a_token_in_the_database(cast):
    save_section(cast, recording_case(cast), **UNSAFE)
    held = stored("safeguarding_trigger", "answer", "comment")
    assert held
    assert all(value.startswith("enc:dev:") for value in held)
    assert not [value for value in held if "Another resident" in value]
    trigger = Trigger.objects.get()
    assert trigger.comment == UNSAFE["felt_safe_comment"]
