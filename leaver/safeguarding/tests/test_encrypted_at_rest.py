"""A concern's details are encrypted at rest (issue 14, ADR 0027): the young person's words,
the raiser's note, later notes, and the answer and comment that met a trigger are tokens in
the database and read back as written; nothing of them reaches a log or the audit."""

from __future__ import annotations

import importlib
import json
import logging

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.pathways.young_person.models import (
    Referral,
    ReferralKind,
    ReferralOutcome,
    YoungPerson,
)
from leaver.reviews.models import DraftRecommendation, Recommendation, Review
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


def column_of(obj: Model, field: str) -> str:
    """One row's stored value, read past the ORM."""
    table = obj._meta.db_table
    column = next(f.column for f in obj._meta.concrete_fields if f.name == field)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [obj.pk])  # noqa: S608
        [(value,)] = cursor.fetchall()
    return str(value)


def assert_sealed(obj: Model, **typed: str) -> None:
    """Each field holds a token naming none of its words; the ORM reads back what was typed."""
    for field, words in typed.items():
        stored_value = column_of(obj, field)
        assert stored_value.startswith("enc:dev:"), field
        assert not [w for w in words.split() if len(w) > 3 and w in stored_value], field
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    assert {field: getattr(fresh, field) for field in typed} == typed


def test_why_no_further_action_and_why_no_referral_are_tokens_in_the_database(cast):
    case = recording_case(cast)
    concern = raise_one(cast, case)
    concern.no_action_reason = "The platypus story was a dream she had."
    concern.save(update_fields=["no_action_reason"])
    assert_sealed(concern, no_action_reason="The platypus story was a dream she had.")
    referral = Referral.objects.create(
        interview=case, kind=ReferralKind.COMPLAINT, outcome=ReferralOutcome.NOT_MADE,
        reason="She chose to talk to the echidna manager first.",
        recorded_by=cast.social_worker, recorded_at=timezone.now())
    assert_sealed(referral, reason="She chose to talk to the echidna manager first.")
    # A referral made keeps no reason: the empty column stays empty, which the check needs.
    assert column_of(Referral.objects.create(
        interview=case, kind=ReferralKind.ADVOCACY, outcome=ReferralOutcome.MADE,
        made_on=timezone.localdate(), recorded_by=cast.social_worker,
        recorded_at=timezone.now()), "reason") == ""


def test_recommendations_responses_and_review_reasons_are_tokens_in_the_database(cast):
    case = recording_case(cast)
    due = timezone.localdate()
    draft = DraftRecommendation.objects.create(
        interview=case, text="A dingo-proof bike shed.", young_person_text="Somewhere safe "
        "for your wallaby bike.", owner=cast.csm, due_date=due, created_by=cast.iro)
    assert_sealed(draft, text="A dingo-proof bike shed.",
                  young_person_text="Somewhere safe for your wallaby bike.")
    rec = Recommendation.objects.create(
        interview=case, text="Weekly cassowary club.", young_person_text="A club each week "
        "about kookaburras.", owner=cast.csm, due_date=due, created_by=cast.iro,
        response_kind="will_act", response_text="Booked the bilby room.",
        withdrawal_reason="Superseded by the goanna plan.")
    assert_sealed(rec, text="Weekly cassowary club.",
                  young_person_text="A club each week about kookaburras.",
                  response_text="Booked the bilby room.",
                  withdrawal_reason="Superseded by the goanna plan.")
    review = Review.objects.create(interview=case, no_action_reason="All fine, said the emu.")
    assert_sealed(review, no_action_reason="All fine, said the emu.")


def test_a_young_persons_communication_needs_are_a_token_in_the_database(cast):
    case = recording_case(cast)
    person = YoungPerson.objects.get(interview=case)
    person.communication_needs = "Easy read, and the quoll picture cards."
    person.save(update_fields=["communication_needs"])
    assert_sealed(person, communication_needs="Easy read, and the quoll picture cards.")


@pytest.mark.parametrize("migration", [
    "leaver.safeguarding.migrations.0003_no_action_reason_encrypted_at_rest",
    "leaver.pathways.young_person.migrations.0007_communication_needs_encrypted_at_rest"])
def test_the_migrations_encrypt_text_stored_before_them(cast, migration):
    case = recording_case(cast)
    concern = raise_one(cast, case)
    person = YoungPerson.objects.get(interview=case)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE safeguarding_concern SET no_action_reason = %s",
                       ["plain wombat reason"])
        cursor.execute("UPDATE young_person_youngperson SET communication_needs = %s",
                       ["plain wombat needs"])
    field, obj, text = (("no_action_reason", concern, "plain wombat reason")
                        if "safeguarding" in migration
                        else ("communication_needs", person, "plain wombat needs"))
    assert column_of(obj, field) == text
    importlib.import_module(migration).Migration.operations[-1].code(apps, None)
    assert_sealed(obj, **{field: text})
