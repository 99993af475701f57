"""Encryption at rest (issue 14, ADR 0027): free-text answers, notes, record versions, letters
and outbox messages are stored as AES-GCM tokens and read back as text; closed answers stay
plain for the reports; a missing or wrong key is named; `rotate_keys` moves every row to the
active key in batches and carries on after an interruption; nothing logs the text."""

from __future__ import annotations

import base64
import importlib
import io
import json
import logging
import os
from typing import Any

import pytest
from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldError
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from leaver import env
from leaver.audit.models import AuditEvent
from leaver.cases import records, versions
from leaver.cases.models import (
    AmendmentAgreement,
    Answer,
    CorrectionRequest,
    Interview,
    InterviewRecord,
    RecordDraft,
    RecordVersion,
)
from leaver.core import crypto, key_rotation
from leaver.core.encrypted_fields import SealableTextField
from leaver.notifications.models import Message
from leaver.notifications.outbox import Attachment, Draft, queue
from leaver.pathways.young_person.states import State
from leaver.reviews.models import Letter
from leaver.testing import held, make_case, record_through_pages

K1 = ("k1", os.urandom(32))
K2 = ("k2", os.urandom(32))
COMMENT = "typed comment "  # what leaver.testing.section_post types in every comment box
NOTES = "secret notes kestrel"


def raw(table: str, column: str, **where: Any) -> list[str]:
    """What the database holds, read past the ORM."""
    condition = " AND ".join(f"{name} = %s" for name in where) or "1 = 1"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE {condition} ORDER BY id",  # noqa: S608
                       list(where.values()))
        return [row[0] if isinstance(row[0], str) else json.dumps(row[0])
                for row in cursor.fetchall()]


def submitted(client: Any, cast: Any) -> InterviewRecord:
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    response = record_through_pages(client, interview, interviewer_notes=NOTES,
                                    left_out_note="left out heron")
    assert response.status_code == 302, response.content.decode()[:2000]
    record = InterviewRecord.objects.get(interview=interview)
    # Version 1, as the staff pathway, self-completion and amendments keep it.
    versions.take_version(record, actor=cast.interviewer)
    return record


def test_a_submitted_record_holds_no_free_text_in_the_database_and_reads_back(client, cast,
                                                                               caplog):
    caplog.set_level(logging.DEBUG)
    record = submitted(client, cast)
    case = record.interview_id

    stored = dict(zip(raw("interviews_answer", "item_key", interview_id=case),
                      raw("interviews_answer", "value", interview_id=case), strict=True))
    comments = {key: value for key, value in stored.items() if key.endswith("_comment")}
    assert comments
    assert all(value.startswith("enc:dev:") for value in comments.values())
    assert not any(COMMENT in value for value in stored.values())
    # Closed answers stay plain: the reports count them in SQL.
    assert {"yes", "no"} & set(stored.values())
    read = {a.item_key: a.value for a in Answer.objects.filter(interview_id=case)}
    assert read[next(iter(comments))] == f"{COMMENT}{next(iter(comments))}"

    for table, column in (("interviews_interviewrecord", "interviewer_notes"),
                          ("interviews_interviewrecord", "left_out_note"),
                          ("interviews_recordversion", "content")):
        [value] = raw(table, column, interview_id=case)
        assert "enc:dev:" in value
        assert "kestrel" not in value
        assert "heron" not in value
        assert COMMENT not in value
    record = InterviewRecord.objects.get(pk=record.pk)
    assert (record.interviewer_notes, record.left_out_note) == (NOTES, "left out heron")

    # The hash is over the plaintext content, as before: still verifiable.
    version = RecordVersion.objects.get(interview_id=case)
    assert version.content["interviewer_notes"] == NOTES
    assert records.hash_of(version.content) == version.content_sha256 == record.content_sha256
    assert records.content_hash(record) == record.content_sha256

    # Nothing the young person said, nor the notes, went to a log or the audit.
    logged = [r.getMessage() for r in caplog.records]
    assert logged  # the capture worked: requests log
    assert not [m for m in logged if COMMENT in m or "kestrel" in m or "heron" in m]
    audit = json.dumps(list(AuditEvent.objects.values_list("detail", flat=True)), default=str)
    assert COMMENT not in audit
    assert "kestrel" not in audit
    assert "heron" not in audit


def test_drafts_letters_and_messages_are_encrypted_at_rest(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    response = client.post(f"/cases/{interview.public_id}/record/agreement/", {
        "agreed_with_young_person": "on", "interviewer_notes": NOTES})
    assert response.status_code == 302
    [value] = raw("interviews_recorddraft", "interviewer_notes", interview_id=interview.pk)
    assert value.startswith("enc:dev:")
    assert "kestrel" not in value
    assert RecordDraft.objects.get(interview=interview).interviewer_notes == NOTES

    Letter.objects.create(interview=interview, text="Dear Sam, thank you ptarmigan")
    [value] = raw("reviews_letter", "text", interview_id=interview.pk)
    assert "ptarmigan" not in value
    assert Letter.objects.get(interview=interview).text == "Dear Sam, thank you ptarmigan"
    # SQL cannot look inside: refused rather than silently finding nothing.
    with pytest.raises(FieldError, match="Unsupported lookup 'contains'"):
        Letter.objects.filter(text__contains="ptarmigan").exists()

    [message] = queue([Draft(to="sam@example.org", subject="Your letter",
                             body="Your letter says ptarmigan",
                             attachment=Attachment("a.txt", "text/plain", "ptarmigan too"))])
    body, attachment = (raw("notifications_message", column, public_id=message.public_id.hex)
                        for column in ("body", "attachment_text"))
    assert "ptarmigan" not in body[0] + attachment[0]
    saved = Message.objects.get(public_id=message.public_id)
    assert (saved.body, saved.attachment_text) == ("Your letter says ptarmigan", "ptarmigan too")


def test_a_value_under_a_key_no_longer_configured_is_named(client, cast):
    record = submitted(client, cast)
    with override_settings(FIELD_ENCRYPTION_KEYS=(K1,)):
        with pytest.raises(crypto.UnknownKey, match=r"'dev'.*FIELD_ENCRYPTION_KEYS"):
            InterviewRecord.objects.get(pk=record.pk)
        found = checks.run_checks(tags=[checks.Tags.database], databases=["default"])
        named = [m.msg for m in found if m.id == "leaver.E001"]
        assert any("interviews.InterviewRecord.interviewer_notes" in m and "'dev'" in m
                   for m in named), named
    # The wrong key under the right id: refused, naming it, never garbage.
    with override_settings(FIELD_ENCRYPTION_KEYS=(("dev", os.urandom(32)),)), \
            pytest.raises(crypto.Undecryptable, match="'dev'"):
        InterviewRecord.objects.get(pk=record.pk)
    assert not [m for m in checks.run_checks(tags=[checks.Tags.database],
                                             databases=["default"]) if m.id == "leaver.E001"]


def test_a_token_with_its_key_id_changed_does_not_open():
    token = crypto.encrypt("hello")
    key = crypto.keyring()[0][1]
    with override_settings(FIELD_ENCRYPTION_KEYS=(("dev", key), ("dev2", key))), \
            pytest.raises(crypto.Undecryptable):
        crypto.decrypt(token.replace("enc:dev:", "enc:dev2:"))
    assert crypto.decrypt(token) == "hello"


def on_key(key_id: str) -> dict[str, list[bool]]:
    """For each encrypted column (every app's): whether each encrypted value is on `key_id`;
    plain text left in an always-encrypted column counts as not."""
    found = {}
    for column in key_rotation.columns(apps.get_models()):
        values = [value.removeprefix('"') for value in raw(
            column.model._meta.db_table, column.field.column) if value not in ("", '""')]
        if isinstance(column.field, SealableTextField):
            values = [value for value in values if value.startswith("enc:")]
        found[column.label] = [value.startswith(f"enc:{key_id}:") for value in values]
    return found


def test_rotate_keys_moves_every_row_to_the_new_key_and_resumes_after_an_interruption(
        client, cast):
    with override_settings(FIELD_ENCRYPTION_KEYS=(K1,)):
        records_ = [submitted(client, cast) for _ in range(2)]
        Letter.objects.create(interview=records_[0].interview, text="letter ptarmigan")
        before = {r.pk: (r.interviewer_notes, RecordVersion.objects.get(
            interview_id=r.interview_id).content) for r in InterviewRecord.objects.all()}
        answers = dict(Answer.objects.values_list("pk", "value"))
    assert all(all(flags) for flags in on_key("k1").values())
    pending = sum(len(flags) for flags in on_key("k1").values())
    assert pending > 30  # answers, notes, versions, a letter

    with override_settings(FIELD_ENCRYPTION_KEYS=(K2, K1)):
        # Interrupted: three batches of five, then stopped.
        call_command("rotate_keys", batch_size=5, batches=3, stdout=io.StringIO())
        moved = sum(sum(flags) for flags in on_key("k2").values())
        assert moved == 15
        # Run again: carries on with what is left, and only that.
        call_command("rotate_keys", batch_size=5, stdout=io.StringIO())
    assert all(all(flags) for flags in on_key("k2").values())
    assert sum(len(flags) for flags in on_key("k2").values()) == pending

    with override_settings(FIELD_ENCRYPTION_KEYS=(K2,)):  # k1 removed: nothing needs it
        after = {r.pk: (r.interviewer_notes, RecordVersion.objects.get(
            interview_id=r.interview_id).content) for r in InterviewRecord.objects.all()}
        assert after == before
        assert dict(Answer.objects.values_list("pk", "value")) == answers
        assert Letter.objects.get().text == "letter ptarmigan"
        for record in InterviewRecord.objects.all():
            assert records.content_hash(record) == record.content_sha256


def test_rotate_keys_encrypts_text_stored_before_encryption(client, cast):
    """What the migration does to rows written before: plaintext becomes a token."""
    record = submitted(client, cast)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE interviews_interviewrecord SET interviewer_notes = %s "
                       "WHERE id = %s", ["plain kestrel", record.pk])
    assert InterviewRecord.objects.get(pk=record.pk).interviewer_notes == "plain kestrel"
    call_command("rotate_keys", stdout=io.StringIO())
    [value] = raw("interviews_interviewrecord", "interviewer_notes", id=record.pk)
    assert value.startswith("enc:dev:")
    assert InterviewRecord.objects.get(pk=record.pk).interviewer_notes == "plain kestrel"


KEY = base64.b64encode(b"k" * 32).decode()


@pytest.mark.parametrize(("value", "message"), [
    (None, "FIELD_ENCRYPTION_KEYS must be set"),
    ("", "FIELD_ENCRYPTION_KEYS must be set"),
    (KEY, "FIELD_ENCRYPTION_KEYS must list keys as id:base64"),
    (f"k1:{KEY},", "FIELD_ENCRYPTION_KEYS must list keys as id:base64"),
    ("k1:not base64!", "FIELD_ENCRYPTION_KEYS has a key 'k1' that is not base64"),
    (f"k1:{base64.b64encode(b'short').decode()}", "FIELD_ENCRYPTION_KEYS has a key 'k1' of 5"),
    (f"k1:{KEY},k1:{KEY}", "FIELD_ENCRYPTION_KEYS lists the key id 'k1' twice"),
])
def test_a_missing_or_malformed_key_list_is_refused_naming_it(monkeypatch, value, message):
    if value is None:
        monkeypatch.delenv("FIELD_ENCRYPTION_KEYS", raising=False)
    else:
        monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", value)
    with pytest.raises(env.ConfigurationError, match=message):
        env.field_keys("FIELD_ENCRYPTION_KEYS")


def test_the_key_list_is_read_in_order_the_first_active(monkeypatch):
    other = base64.b64encode(b"o" * 32).decode()
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", f" k2:{KEY} , old-1:{other}")
    assert env.field_keys("FIELD_ENCRYPTION_KEYS") == (("k2", b"k" * 32), ("old-1", b"o" * 32))


def test_the_migration_encrypts_free_text_answers_stored_before_and_leaves_codes_plain(
        client, cast):
    """leaver/cases/migrations/0010_encrypt_at_rest: answers written in plain before it."""
    record = submitted(client, cast)
    case = record.interview_id
    with connection.cursor() as cursor:
        cursor.execute("UPDATE interviews_answer SET value = %s WHERE interview_id = %s AND "
                       "item_key LIKE %s", ["plain comment", case, "%comment"])
    plain = dict(zip(raw("interviews_answer", "item_key", interview_id=case),
                     raw("interviews_answer", "value", interview_id=case), strict=True))
    assert "plain comment" in plain.values()
    migration = importlib.import_module("leaver.cases.migrations.0010_encrypt_at_rest")
    migration.encrypt_free_text_answers(apps, None)
    after = dict(zip(raw("interviews_answer", "item_key", interview_id=case),
                     raw("interviews_answer", "value", interview_id=case), strict=True))
    for key, value in plain.items():
        if value == "plain comment":
            assert after[key].startswith("enc:dev:")
        elif not value.startswith("enc:"):
            assert after[key] == value  # a choice code: plain, as before
    assert {a.value for a in Answer.objects.filter(interview_id=case,
                                                  item_key__endswith="_comment")} == {
        "plain comment"}


def test_case_reasons_correction_comments_and_amendment_reasons_are_encrypted(client, cast):
    record = submitted(client, cast)
    case = record.interview
    typed = {"outcome_reason": "Moved to the axolotl flat.",
             "people_present": "The young person and the narwhal keyworker",
             "support_details": "A pangolin sign interpreter"}
    Interview.objects.filter(pk=case.pk).update(**typed)
    asked = CorrectionRequest.objects.create(
        interview=case, version=RecordVersion.objects.get(interview=case),
        comment="The okapi answer is wrong.", requested_at=timezone.now())
    agreement = AmendmentAgreement.objects.create(
        interview=case, asked_by=cast.interviewer, asked_at=timezone.now(),
        reason="Correct the tapir detail.", refusal_reason="The tapir detail is right.")
    held_values = [*(raw("interviews_interview", c, id=case.pk)[0] for c in typed),
                   *raw("interviews_correctionrequest", "comment", id=asked.pk),
                   *raw("interviews_amendmentagreement", "reason", id=agreement.pk),
                   *raw("interviews_amendmentagreement", "refusal_reason", id=agreement.pk)]
    assert all(value.startswith("enc:dev:") for value in held_values)
    assert not [v for v in held_values for word in ("axolotl", "narwhal", "pangolin",
                                                    "okapi", "tapir") if word in v]
    fresh = Interview.objects.get(pk=case.pk)
    assert {name: getattr(fresh, name) for name in typed} == typed
    assert CorrectionRequest.objects.get(pk=asked.pk).comment == "The okapi answer is wrong."
    agreement = AmendmentAgreement.objects.get(pk=agreement.pk)
    assert (agreement.reason, agreement.refusal_reason) == (
        "Correct the tapir detail.", "The tapir detail is right.")
