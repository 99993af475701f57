"""Amending the young person's locked record with the IRO's agreement (issue 14): the
interviewer asks with a reason, the IRO agrees or refuses by POST, only then may the
interviewer amend; each amendment is a new version with who, when and why, the old version
kept, its hash verifiable and the difference shown."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import versions
from leaver.cases.models import AgreementStatus, AmendmentAgreement, Interview, RecordVersion
from leaver.pathways.young_person.events import YoungPersonEvent as E
from leaver.pathways.young_person.states import State as S
from leaver.testing import Cast, make_case, section_post

pytestmark = pytest.mark.django_db

WHO_DECIDED = "who_decided"  # an open question of the "moving_on" section


def page(case: Interview, tail: str) -> str:
    return f"/cases/{case.public_id}/record/{tail}"


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ask(cast: Cast, case: Interview, reason: str = "I wrote the wrong name of who decided."
        ) -> None:
    response = login(cast.interviewer).post(page(case, "amendment/ask/"), {"reason": reason})
    assert response.status_code == 302, response.content.decode()[:3000]


def agree(cast: Cast, case: Interview) -> None:
    response = login(cast.iro).post(page(case, "amendment/decide/"), {"decision": "agree"})
    assert response.status_code == 302, response.content.decode()[:3000]


def amend(cast: Cast, case: Interview, said: str = "My social worker and me.") -> Client:
    client = login(cast.interviewer)
    response = client.post(page(case, "amend/moving_on/"),
                           section_post("moving_on", **{WHO_DECIDED: said}))
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(page(case, "amend/"), {"reason": "Corrected who decided."})
    assert response.status_code == 302, response.content.decode()[:3000]
    return client


def actions(case: Interview) -> list[str]:
    return list(AuditEvent.objects.filter(object_id=case.public_id).order_by("id")
                .values_list("action", flat=True))


def test_ask_agree_amend_makes_a_new_version_and_keeps_the_old(cast):
    case = make_case(cast, S.WITH_IRO)
    # Without agreement, the amendment pages refuse the interviewer.
    assert login(cast.interviewer).get(page(case, "amend/")).status_code == 403
    record_page = login(cast.interviewer).get(page(case, "")).content.decode()
    assert "Ask to amend the record" in record_page
    ask(cast, case)
    iro_page = login(cast.iro).get(page(case, "")).content.decode()
    assert "Agree or refuse the amendment" in iro_page
    decide_page = login(cast.iro).get(page(case, "amendment/decide/")).content.decode()
    assert "I wrote the wrong name of who decided." in decide_page
    agree(cast, case)
    client = amend(cast, case)
    case.refresh_from_db()
    assert case.state == S.WITH_IRO  # the state stays
    first, second = RecordVersion.objects.filter(interview=case).order_by("number")
    assert (second.number, second.made_by, second.reason) == (
        2, cast.interviewer, "Corrected who decided.")
    assert dict(second.content["answers"])[WHO_DECIDED] == "My social worker and me."
    assert dict(first.content["answers"])[WHO_DECIDED] != "My social worker and me."
    assert first.content_sha256 != second.content_sha256
    assert versions.broken_versions(case) == []
    agreement = AmendmentAgreement.objects.get(interview=case)
    assert (agreement.status, agreement.decided_by, agreement.version) == (
        AgreementStatus.USED, cast.iro, second)
    assert [a for a in actions(case) if a in {E.AMENDMENT_ASKED, E.AMENDMENT_AGREED,
                                               E.AMENDED}] == [
        E.AMENDMENT_ASKED, E.AMENDMENT_AGREED, E.AMENDED]
    # The difference is shown to the record's readers.
    compared = login(cast.iro).get(page(case, "versions/?from=1&to=2")).content.decode()
    assert "What changed from version 1 to version 2" in compared
    assert "My social worker and me." in compared
    assert "Corrected who decided." in compared
    shown = client.get(page(case, "")).content.decode()
    assert "Versions" in shown
    assert "Corrected who decided." in shown
    assert "Unchanged since it was locked" in shown
    # One agreement, one amendment: another needs another agreement.
    assert login(cast.interviewer).get(page(case, "amend/")).status_code == 403


def test_a_tampered_version_is_found(cast):
    case = make_case(cast, S.WITH_IRO)
    ask(cast, case)
    agree(cast, case)
    amend(cast, case)
    first = RecordVersion.objects.get(interview=case, number=1)
    first.content = {**first.content, "interviewer_notes": "changed behind Leaver's back"}
    first.save()
    assert versions.broken_versions(case) == [1]


def test_the_iro_refuses_with_a_reason(cast):
    case = make_case(cast, S.WITH_IRO)
    ask(cast, case)
    iro = login(cast.iro)
    response = iro.post(page(case, "amendment/decide/"), {"decision": "refuse"})
    assert response.status_code == 400
    assert "Say why you refuse the amendment." in response.content.decode()
    response = iro.post(page(case, "amendment/decide/"),
                        {"decision": "refuse", "refusal_reason": "The record is right."})
    assert response.status_code == 302
    agreement = AmendmentAgreement.objects.get(interview=case)
    assert (agreement.status, agreement.refusal_reason) == (AgreementStatus.REFUSED,
                                                            "The record is right.")
    assert login(cast.interviewer).get(page(case, "amend/")).status_code == 403
    assert login(cast.interviewer).post(
        page(case, "amend/moving_on/"), section_post("moving_on")).status_code == 403
    assert "The record is right." in login(cast.interviewer).get(page(case, "")).content.decode()
    assert E.AMENDMENT_REFUSED in actions(case)
    assert RecordVersion.objects.filter(interview=case, number=2).count() == 0


def test_asking_needs_a_reason(cast):
    case = make_case(cast, S.WITH_IRO)
    response = login(cast.interviewer).post(page(case, "amendment/ask/"), {"reason": " "})
    assert response.status_code == 400
    assert "Say why the record needs to be amended." in response.content.decode()
    assert not AmendmentAgreement.objects.filter(interview=case).exists()


@pytest.mark.parametrize("who", ["other_interviewer", "iro", "csm", "social_worker"])
def test_only_the_assigned_interviewer_asks(cast, who):
    case = make_case(cast, S.WITH_IRO)
    response = login(getattr(cast, who)).post(page(case, "amendment/ask/"), {"reason": "x"})
    assert response.status_code in (403, 404)
    assert not AmendmentAgreement.objects.filter(interview=case).exists()


@pytest.mark.parametrize("who", ["other_iro", "interviewer", "csm", "unit_manager"])
def test_only_the_allocated_iro_decides(cast, who):
    case = make_case(cast, S.WITH_IRO)
    ask(cast, case)
    response = login(getattr(cast, who)).post(page(case, "amendment/decide/"),
                                              {"decision": "agree"})
    assert response.status_code in (403, 404)
    assert AmendmentAgreement.objects.get(interview=case).status == AgreementStatus.ASKED


def test_another_interviewer_cannot_use_the_agreement(cast):
    case = make_case(cast, S.WITH_IRO)
    ask(cast, case)
    agree(cast, case)
    other = login(cast.other_interviewer)
    assert other.get(page(case, "amend/")).status_code == 404
    assert other.post(page(case, "amend/"), {"reason": "x"}).status_code == 404


def test_another_organisation_sees_nothing(cast, other_cast):
    case = make_case(cast, S.WITH_IRO)
    ask(cast, case)
    for user in (other_cast.iro, other_cast.interviewer, other_cast.org_admin):
        client = login(user)
        assert client.post(page(case, "amendment/decide/"),
                           {"decision": "agree"}).status_code == 404
        assert client.post(page(case, "amendment/ask/"), {"reason": "x"}).status_code == 404
        assert client.get(page(case, "amend/")).status_code == 404
    assert AmendmentAgreement.objects.get(interview=case).status == AgreementStatus.ASKED


def test_no_amendment_before_the_record_is_locked(cast):
    case = make_case(cast, S.SCHEDULED)
    response = login(cast.interviewer).post(page(case, "amendment/ask/"), {"reason": "x"})
    assert response.status_code == 404  # there is no record to read yet
