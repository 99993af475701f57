"""Erasing a case in place: what goes, what stays, the audit, and the refusals."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Answer, Interview, InterviewRecord, RecordVersion, SignOff
from leaver.core.errors import ActionRefused
from leaver.notifications.models import Message
from leaver.pathways.young_person.models import YoungPerson
from leaver.questionnaires.spec import CHOICE_TYPES
from leaver.retention import actions
from leaver.retention.erasing import ERASED_NAME, erase_case
from leaver.retention.events import RetentionEvent
from leaver.retention.models import Erasure, Kind
from leaver.retention.tests.conftest import NAME, OWN_WORDS, full_case
from leaver.reviews.models import Letter, Recommendation
from leaver.safeguarding.models import Concern, Note
from leaver.testing import snapshot

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def _everything_about(case: Interview) -> str:
    """Every value stored about the case, as text, to look for the person in."""
    pk = case.pk
    found = {
        **snapshot(case), "concerns": list(Concern.objects.filter(interview_id=pk).values()),
        "notes": list(Note.objects.filter(concern__interview_id=pk).values()),
        "versions": list(RecordVersion.objects.filter(interview_id=pk).values()),
        "sign_offs": list(SignOff.objects.filter(interview_id=pk).values()),
        "audit": list(AuditEvent.objects.filter(object_id=case.public_id).values("detail")),
        "messages": list(Message.objects.filter(path__contains=str(case.public_id)).values(
            "subject", "body", "to")),
    }
    return json.dumps(found, default=str)


def test_erasing_on_request_removes_the_person_and_keeps_a_statistical_row(cast):
    case = full_case(cast)
    assert NAME in _everything_about(case)
    assert OWN_WORDS in _everything_about(case)
    # The choice answers (free-text answers are sealed at rest: compared here, not in SQL).
    assert case.questionnaire_version is not None
    choice = {i.key for i in case.questionnaire_version.questionnaire.items()
              if i.type in CHOICE_TYPES}
    closed_before = sorted((key, value) for key, value in Answer.objects.filter(
        interview=case).values_list("item_key", "value") if key in choice)
    erasure = erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin,
                         reason="They asked us to.", now=NOW)
    text = _everything_about(case)
    for personal in (NAME, "Jamie", "Rivers", OWN_WORDS, "jamie.rivers@example.org",
                     "07700 900123", "AB1 2CD", "Someone took my phone", "calm and chatty"):
        assert personal not in text, personal
    case.refresh_from_db()
    assert case.leaver_name == ERASED_NAME
    assert case.state == "closed"
    assert case.setting_id == cast.home.pk
    # The statistical row: the record exists, its choice answers are all still there.
    assert InterviewRecord.objects.filter(interview=case).exists()
    kept = sorted(Answer.objects.filter(interview=case).values_list("item_key", "value"))
    assert kept == closed_before
    assert kept
    version = case.questionnaire_version
    assert version is not None
    types = {i.key: i.type for i in version.questionnaire.items()}
    assert all(types[key] in CHOICE_TYPES for key, _ in kept)
    assert YoungPerson.objects.get(interview=case).date_of_birth == dt.date(2010, 1, 1)
    assert Letter.objects.get(interview=case).text == ""
    assert Concern.objects.filter(interview=case).count() == 1
    assert not Note.objects.filter(concern__interview=case).exists()
    assert all(r.text == "[erased]" for r in Recommendation.objects.filter(interview=case))
    assert erasure.by == cast.org_admin
    assert erasure.reason == "They asked us to."


def test_the_audit_keeps_that_the_erasure_happened_and_by_whom(cast):
    case = full_case(cast)
    viewed = AuditEvent.objects.get(object_id=case.public_id, action="interview.viewed",
                                    actor=cast.csm)
    erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin, reason="Asked.",
               now=NOW)
    row = AuditEvent.objects.get(action=RetentionEvent.CASE_ERASED)
    assert row.actor == cast.org_admin
    assert row.object_id == case.public_id
    assert row.detail["kind"] == "request"
    assert "Asked" not in json.dumps(row.detail)
    # Who read the case stays; the value that named the person does not.
    viewed.refresh_from_db()
    assert viewed.actor == cast.csm
    assert viewed.detail == {"searched_for": "[erased]", "state": "closed"}


def test_a_legal_hold_stops_erasure_on_request_until_it_is_lifted(cast):
    case = full_case(cast)
    actions.place_hold(actor=cast.org_admin, interview=case, reason="A claim is open.",
                       now=NOW)
    before = _everything_about(case)
    with pytest.raises(ActionRefused, match="legal hold"):
        erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin, reason="Asked.",
                   now=NOW)
    assert _everything_about(case) == before
    assert not Erasure.objects.exists()
    actions.lift_hold(actor=cast.org_admin, interview=case, reason="Settled.", now=NOW)
    erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin, reason="Asked.",
               now=NOW)
    assert Erasure.objects.filter(interview=case).exists()
    assert list(AuditEvent.objects.filter(object_id=case.public_id, action__startswith=(
        "retention.hold")).order_by("pk").values_list("action", "actor")) == [
        (RetentionEvent.HOLD_PLACED.value, cast.org_admin.pk),
        (RetentionEvent.HOLD_LIFTED.value, cast.org_admin.pk)]


def test_only_an_admin_of_the_organisation_may_erase_on_request_with_a_reason(
        cast, other_cast):
    case = full_case(cast)
    for actor, reason in ((cast.csm, "Asked."), (other_cast.org_admin, "Asked."),
                          (cast.org_admin, "  ")):
        with pytest.raises(ActionRefused):
            erase_case(interview=case, kind=Kind.REQUEST, actor=actor, reason=reason, now=NOW)
    assert not Erasure.objects.exists()
    case.refresh_from_db()
    assert case.leaver_name == NAME


def test_a_case_is_erased_once(cast):
    case = full_case(cast)
    erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin, reason="Asked.",
               now=NOW)
    with pytest.raises(ActionRefused, match="already been erased"):
        erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin, reason="Again.",
                   now=NOW)


def test_an_erased_case_still_opens_for_those_who_read_it_and_names_nobody(client, cast):
    from django.urls import reverse

    case = full_case(cast)
    erase_case(interview=case, kind=Kind.SCHEDULE, actor=None, reason="", now=NOW)
    client.force_login(cast.iro)
    for name in ("young_person:case", "young_person:record"):
        response = client.get(reverse(name, args=[case.public_id]))
        assert response.status_code == 200, name
        assert NAME not in response.content.decode()
        assert OWN_WORDS not in (
            response.content.decode())


def test_the_hash_check_counts_an_erased_record_apart_and_still_passes(cast):
    import io

    from django.core.management import call_command

    from leaver.cases.integrity import verify_all

    case = full_case(cast)
    other = full_case(cast, name="Sam Other")
    before = verify_all()
    assert (before.records, before.erased, before.failures) == (2, 0, [])
    erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin,
               reason="They asked us to.", now=NOW)
    after = verify_all(erased={case.pk})
    assert (after.records, after.erased, after.failures) == (1, 1, [])
    out = io.StringIO()
    call_command("verify_records", stdout=out)
    assert "Not checked: 1 erased records" in out.getvalue()
    # A hash blanked by hand, on a case nobody erased, is not taken for an erasure.
    InterviewRecord.objects.filter(interview=other).update(content_sha256="")
    with pytest.raises(CommandError, match="1 records do not match"):
        call_command("verify_records", stdout=io.StringIO())


def test_erasure_reaches_corrected_details_typed_reasons_and_amendment_requests(cast):
    from leaver.audit import log as audit
    from leaver.cases.models import AmendmentAgreement
    from leaver.pathways.young_person.events import YoungPersonEvent

    case = full_case(cast)
    audit.record(actor=cast.csm, action=YoungPersonEvent.CORRECT_ADDRESS, object_type="interview",
                 object_id=case.public_id, organisation_id=cast.org.pk, detail={
                     "changes": {"address_line_1": ["1 Old Road", "9 Hidden Lane"]},
                     "reason": "Moved to her aunt's in Leeds"})
    AmendmentAgreement.objects.create(
        interview=case, asked_by=cast.interviewer, asked_at=NOW,
        reason="She said the bit about Leeds was wrong", status="refused",
        decided_by=cast.iro, decided_at=NOW, refusal_reason="Leeds is right, she told me.")
    text = _everything_about(case) + json.dumps(list(AmendmentAgreement.objects.filter(
        interview=case).values("reason", "refusal_reason")))
    assert "9 Hidden Lane" in text
    assert "Leeds" in text
    erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin,
               reason="They asked us to.", now=NOW)
    text = _everything_about(case) + json.dumps(list(AmendmentAgreement.objects.filter(
        interview=case).values("reason", "refusal_reason")))
    for personal in ("1 Old Road", "9 Hidden Lane", "Leeds"):
        assert personal not in text, personal


def test_erased_cases_are_nobodys_in_subject_access(cast):
    """Erased young people all read "Erased", born 1 January: subject access never gathers
    them into one person's export, nor finds them."""
    from django.http import Http404

    from leaver.subject_access import subjects

    kept = full_case(cast, name="Alex Kept")
    gone = [full_case(cast, name=f"Gone Person{i}") for i in range(2)]
    for case in gone:
        erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin,
                   reason="They asked us to.", now=NOW)
    assert subjects.search(cast.org, ERASED_NAME) == []
    with pytest.raises(Http404):
        subjects.get_subject(cast.org, subjects.Kind.YOUNG_PERSON, gone[0].public_id)
    found = subjects.get_subject(cast.org, subjects.Kind.YOUNG_PERSON, kept.public_id)
    assert [c.pk for c in found.cases] == [kept.pk]


def test_typed_reasons_that_name_the_person_lose_it_on_erasure(cast):
    case = full_case(cast)
    hold = actions.place_hold(actor=cast.org_admin, interview=case,
                              reason=f"{NAME}'s family are suing the council.", now=NOW)
    actions.lift_hold(actor=cast.org_admin, interview=case, reason="The claim was settled.",
                      now=NOW)
    erasure = erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin,
                         reason=f"{NAME} asked us to.", now=NOW)
    hold.refresh_from_db()
    assert NAME not in hold.reason
    assert hold.lift_reason == "The claim was settled."
    assert NAME not in erasure.reason
