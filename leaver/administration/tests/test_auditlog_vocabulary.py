"""The "what happened" filter offers every event any package can write, by its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from leaver.administration.tests.auditlog_rows import LIST
from leaver.audit.vocabulary import labels, vocabularies
from leaver.testing import Cast

LEAVER = Path(__file__).resolve().parents[2]
# A member of a vocabulary, as audited code names it: CaseEvent.VIEWED, ReviewEvent.…
_MEMBER = re.compile(r"\b([A-Z]\w*Event)\.[A-Z][A-Z_]+\b")


def test_every_vocabulary_named_in_the_code_is_found() -> None:
    named = set()
    for path in LEAVER.rglob("*.py"):
        if "tests" not in path.parts and "migrations" not in path.parts:
            named |= set(_MEMBER.findall(path.read_text(encoding="utf-8")))
    found = {vocabulary.__name__ for vocabulary in vocabularies()}
    assert named - {"AuditEvent"} <= found, named - found
    assert {"AccountEvent", "AuditLogEvent", "CaseEvent", "ReviewEvent", "YoungPersonEvent",
            "QuestionnaireEvent"} <= found


def test_each_event_has_one_name_and_distinct_words() -> None:
    words = labels()
    assert len(set(words.values())) == len(words)
    assert words["account.sign_in_failed"] == "Sign-in failed"
    assert words["audit.log_viewed"] == "Audit log viewed"


@pytest.mark.django_db
def test_the_filter_offers_every_event_by_its_words(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    page = client.get(LIST).content.decode()
    for value, words in labels().items():
        assert f'<option value="{value}">{words}</option>' in page.replace("&#x27;", "'")
