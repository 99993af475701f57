"""Subject access (issue 14): an organisation admin finds one person and exports everything
held about them as a PDF and a JSON file, after reviewing the other people named in it; each
review and export is audited; nobody else, and no other organisation, gets any of it."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import amendment_agreement
from leaver.cases.models import Interview
from leaver.notifications import outbox
from leaver.organisations.models import Role
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.interview_cast import make_interview_cast, make_staff_case
from leaver.pathways.young_person import amending as yp_amending
from leaver.pathways.young_person.states import State as S
from leaver.questionnaires.seeding import seed
from leaver.subject_access.events import SubjectAccessEvent
from leaver.testing import Cast, full_answers, make_case, make_user, record_details

pytestmark = pytest.mark.django_db

SAID = "Sam Taylor and North Una Manager decided, and I wanted to go to Elm House."


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def jordan(cast: Cast) -> Interview:
    """Jordan's closed case: free text naming another young person, a manager, a home; a
    concern (bullying); a recommendation, its response and the letter; an email; and an
    amendment, so the record has two versions."""
    make_case(cast, S.NOTIFIED, leaver_name="Sam Taylor")
    case = make_case(cast, S.CLOSED, email="jordan@example.org", record=record_details(
        answers=full_answers(who_decided=SAID, experienced_bullying="yes"),
        interviewer_notes="Jordan was calm."))
    outbox.queue([outbox.Draft(to="jordan@example.org", subject="Your exit interview",
                               body="Hello Jordan, here is what happens next.",
                               organisation_id=cast.org.pk)])
    amendment_agreement.ask(actor=cast.interviewer, case=case, reason="A word was wrong.")
    amendment_agreement.decide(actor=cast.iro, case=case, agree=True)
    section = next(s for s in seed("yp-appendix-1").sections if s.key == "moving_on")
    given = full_answers(who_decided=SAID + " Amended.")
    yp_amending.save_section(actor=cast.interviewer, case=case, section_key="moving_on",
                             answers={i.key: given[i.key] for i in section.items
                                      if i.key in given})
    yp_amending.amend(actor=cast.interviewer, case=case, reason="The IRO agreed.")
    return case


def url(kind: str, public_id: object, tail: str = "") -> str:
    return f"/admin/subject-access/{kind}/{public_id}/{tail}"


def pdf_text(response: Any) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def titles(part: dict[str, Any]) -> list[str]:
    return [part["title"], *(t for p in part["parts"] for t in titles(p))]


def values(part: dict[str, Any]) -> list[str]:
    return [*(r["value"] for r in part["rows"]), *(v for p in part["parts"] for v in values(p))]


def test_the_pdf_holds_everything_about_the_young_person(cast):
    case = jordan(cast)
    response = login(cast.org_admin).get(url("young_person", case.public_id, "export.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    for expected in ("Information held about Jordan Ellis", "Record version 1",
                     "Record version 2", "The IRO agreed.", SAID, "Jordan was calm.",
                     "10 Example Road", "Recommendation 1",
                     "Dear Jordan, thank you.", "Safeguarding concern 1",
                     "Your exit interview", "Hello Jordan, here is what happens next.",
                     "Request to amend the record", "A word was wrong.",
                     "Audit: what was done with this case", "Other people named",
                     "Sam Taylor (Another young person)"):
        assert expected in text, expected
    exported = AuditEvent.objects.get(action=SubjectAccessEvent.EXPORTED)
    assert (exported.actor, exported.object_id, exported.detail["format"]) == (
        cast.org_admin, case.public_id, "pdf")
    assert SAID not in json.dumps(exported.detail)


def test_the_json_holds_the_same_and_every_case_of_the_young_person(cast):
    case = jordan(cast)
    second = make_case(cast, S.WITH_IRO)  # Jordan Ellis again, the same date of birth
    response = login(cast.org_admin).get(url("young_person", second.public_id, "export.json"))
    assert response.status_code == 200
    content = json.loads(response.content)
    assert content["subject"] == {"kind": "young_person", "name": "Jordan Ellis"}
    assert content["produced_by"] == cast.org_admin.full_name
    tops = [p["title"] for p in content["parts"]]
    assert len(tops) == 2
    first = content["parts"][0]
    assert first["title"].startswith("Case 1: Young person")
    everything = titles(first)
    for part in ("Personal details", "Interview record", "Record version 1",
                 "Record version 2", "Recommendation 1", "Letter", "Safeguarding concern 1",
                 "Emails sent to them"):
        assert part in everything, part
    said = values(first)
    assert SAID in said
    assert SAID + " Amended." in said
    assert "jordan@example.org" in said
    named = {n["name"]: n for n in content["other_people_named"]}
    assert set(named) >= {"Sam Taylor", cast.unit_manager.full_name, "Elm House"}
    assert "Jordan Ellis" not in named
    assert AuditEvent.objects.get(action=SubjectAccessEvent.EXPORTED).detail["cases"] == [
        str(case.public_id), str(second.public_id)]


def test_the_review_page_lists_each_name_and_where_it_appears(cast):
    case = jordan(cast)
    page = login(cast.org_admin).get(url("young_person", case.public_id)).content.decode()
    assert "Other people named" in page
    for name, kind in (("Sam Taylor", "Another young person"),
                       (cast.unit_manager.full_name, "User of Leaver"),
                       ("Elm House", "Home, placement or school")):
        row = page[page.index(f">{name}<"):]
        assert kind in row[:300], name
    assert "Record version 1 › " in page
    assert "Download as PDF" in page
    reviewed = AuditEvent.objects.get(action=SubjectAccessEvent.REVIEWED)
    assert reviewed.object_id == case.public_id
    assert reviewed.detail["names_found"] >= 3


def test_a_staff_leaver_is_exported_with_their_record(cast):
    staff = make_interview_cast()
    admin = make_user(staff.org, "Trust Ada Admin", Role.ORG_ADMIN)
    case = make_staff_case(staff, StaffState.AWAITING_CONFIRMATION)  # a link sent to check
    response = login(admin).get(url("staff_leaver", case.public_id, "export.json"))
    content = json.loads(response.content)
    assert content["subject"]["name"] == "Sam Taylor"
    said = values(content["parts"][0])
    assert "Teacher of maths" in said
    assert "Links sent to them" in titles(content["parts"][0])
    assert any("Retirement" in v for v in said)
    text = pdf_text(login(admin).get(url("staff_leaver", case.public_id, "export.pdf")))
    assert "Information held about Sam Taylor" in text
    assert "Teacher of maths" in text


def test_a_user_is_exported_with_their_account_roles_and_what_they_did(cast):
    jordan(cast)
    response = login(cast.org_admin).get(url("user", cast.interviewer.public_id,
                                             "export.json"))
    content = json.loads(response.content)
    assert [p["title"] for p in content["parts"]] == [
        "Account", "Roles", "Messages", "Audit: what was done about their account",
        "Audit: what they did in Leaver"]
    assert cast.interviewer.email in values(content["parts"][0])
    assert [r["label"] for r in content["parts"][1]["rows"]] == [Role.INTERVIEWER.label]
    did = values(content["parts"][4])
    assert any(v.startswith("The interviewer asked the IRO to agree") for v in did)
    text = pdf_text(login(cast.org_admin).get(url("user", cast.interviewer.public_id,
                                                  "export.pdf")))
    assert "Audit: what they did in Leaver" in text


def test_search_finds_each_person_once_in_the_admins_organisation(cast, other_cast):
    jordan(cast)
    make_case(cast, S.WITH_IRO)
    make_case(other_cast, S.WITH_IRO)  # another Jordan Ellis, in another organisation
    page = login(cast.org_admin).get("/admin/subject-access/?q=jordan").content.decode()
    assert page.count(">Jordan Ellis</a>") == 1
    assert "(2 cases found)" in page
    page = login(cast.org_admin).get("/admin/subject-access/?q=Iris").content.decode()
    assert cast.iro.full_name in page
    assert other_cast.iro.full_name not in page
    assert AuditEvent.objects.filter(action=SubjectAccessEvent.SEARCHED).count() == 2


@pytest.mark.parametrize("who", ["csm", "iro", "interviewer", "social_worker",
                                 "safeguarding_lead", "senior_manager", "outsider"])
def test_nobody_but_an_org_admin_gets_anything(cast, who):
    case = jordan(cast)
    client = login(getattr(cast, who))
    for path in ("/admin/subject-access/?q=jordan", url("young_person", case.public_id),
                 url("young_person", case.public_id, "export.pdf"),
                 url("young_person", case.public_id, "export.json"),
                 url("user", cast.iro.public_id, "export.json")):
        assert client.get(path).status_code == 404, path
    assert not AuditEvent.objects.filter(action__startswith="subject_access.").exists()


def test_another_organisations_admin_gets_nothing(cast, other_cast):
    case = jordan(cast)
    client = login(other_cast.org_admin)
    for path in (url("young_person", case.public_id),
                 url("young_person", case.public_id, "export.pdf"),
                 url("young_person", case.public_id, "export.json"),
                 url("user", cast.iro.public_id, "export.json"),
                 url("staff_leaver", case.public_id, "export.json")):
        assert client.get(path).status_code == 404, path
    assert "Jordan Ellis" not in client.get("/admin/subject-access/?q=jordan").content.decode()
    assert not AuditEvent.objects.filter(action__in=[SubjectAccessEvent.EXPORTED,
                                                     SubjectAccessEvent.REVIEWED]).exists()


def test_the_admin_hub_links_to_subject_access(cast):
    page = login(cast.org_admin).get("/admin/").content.decode()
    assert 'href="/admin/subject-access/"' in page


def test_a_users_export_lists_the_people_named_in_what_they_did(cast):
    """The audit rows of what a user did can name others (a case they opened, a detail they
    corrected): those names are listed for review like names in typed words."""
    from leaver.audit import log as audit
    from leaver.cases.events import CaseEvent

    make_case(cast, S.NOTIFIED, leaver_name="Sam Taylor")
    audit.record(actor=cast.csm, action=CaseEvent.VIEWED, object_type="interview",
                 object_id=None, organisation_id=cast.org.pk,
                 detail={"searched_for": "Sam Taylor"})
    page = login(cast.org_admin).get(url("user", cast.csm.public_id)).content.decode()
    assert "Other people named" in page
    assert ">Sam Taylor<" in page
