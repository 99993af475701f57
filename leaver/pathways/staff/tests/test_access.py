"""Who can open the staff office pages: 200 for the leads of the leaver's school, 404 for
everyone else (so an id tells nobody what exists), 403 for someone who sees the case but
cannot take the step. An anonymous leaver's case is never listed or opened by the
headteacher; the HR lead lists and opens it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from leaver.audit.models import AuditEvent
from leaver.cases.events import CaseEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case

CASE_PAGES = ("case", "send_offer", "offer_letter", "record_decline", "withdraw", "new_link")
SEES = {"headteacher", "hr_lead"}
NEVER = ("other_headteacher", "school_hr_lead", "interviewer", "staff_interviewer",
         "line_manager", "csm", "unit_manager", "social_worker", "iro", "safeguarding_lead",
         "senior_manager", "org_admin", "outsider")


def status(client: Client, user, name: str, case) -> int:
    client.force_login(user)
    return client.get(reverse(f"staff:{name}", args=[case.public_id])).status_code


@pytest.mark.parametrize("page", CASE_PAGES)
def test_only_the_leads_of_the_school_open_the_pages_of_a_case(client, staff, other_staff,
                                                                 page):
    case = make_staff_case(staff, State.OFFERED)
    people = staff.people()
    for who in SEES:
        assert status(client, people[who], page, case) == 200, who
    for who in NEVER:
        assert status(client, people[who], page, case) == 404, who
    for user in (other_staff.hr_lead, other_staff.headteacher):
        assert status(client, user, page, case) == 404


def test_the_case_page_is_audited_and_shows_the_details(client, staff):
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.headteacher)
    page = client.get(reverse("staff:case", args=[case.public_id])).content.decode()
    for words in ("Teaching assistant", "Key stage 1", staff.line_manager.full_name,
                  "1 September 2019", "31 July 2027", "Workload", "Offer sent",
                  "Not chosen yet", "Send the offer again", "Print the offer letter",
                  "Record that they declined", "What has happened",
                  "Offer of an exit interview sent"):
        assert words in page, words
    assert AuditEvent.objects.filter(action=CaseEvent.VIEWED, actor=staff.headteacher,
                                     object_id=case.public_id).count() == 1


def test_the_assigned_interviewer_sees_the_case_but_not_the_office_steps(client, staff):
    case = make_staff_case(staff, State.SCHEDULED)
    assert status(client, staff.interviewer, "case", case) == 200
    assert status(client, staff.interviewer, "withdraw", case) == 403
    assert status(client, staff.staff_interviewer, "case", case) == 404


def test_an_anonymous_leavers_case_is_never_shown_to_the_headteacher(client, staff):
    case = make_staff_case(staff, State.ACCEPTED, anonymous=True, name="Ana Nonymous")
    named = make_staff_case(staff, State.ACCEPTED, name="Nia Named", email="nia@home.example")
    client.force_login(staff.headteacher)
    listing = client.get(reverse("staff:case_list")).content.decode()
    assert "Nia Named" in listing
    assert "Ana Nonymous" not in listing
    assert status(client, staff.headteacher, "case", case) == 404
    assert status(client, staff.headteacher, "withdraw", case) == 404
    assert status(client, staff.headteacher, "case", named) == 200
    client.force_login(staff.hr_lead)
    listing = client.get(reverse("staff:case_list")).content.decode()
    assert "Nia Named" in listing
    assert "Ana Nonymous" in listing
    assert status(client, staff.hr_lead, "case", case) == 200


def test_the_case_list_shows_each_person_only_their_cases(client, staff, other_staff):
    make_staff_case(staff, name="Hill Leaver")
    make_staff_case(staff, name="Vale Leaver", school=staff.other_school)
    make_staff_case(other_staff, name="South Leaver")
    expected = {
        staff.headteacher: {"Hill Leaver"},
        staff.other_headteacher: {"Vale Leaver"},
        staff.hr_lead: {"Hill Leaver", "Vale Leaver"},
        staff.school_hr_lead: {"Vale Leaver"},
        staff.yp.csm: set(), staff.yp.iro: set(), staff.yp.social_worker: set(),
        staff.interviewer: set(), staff.line_manager: set(), staff.yp.org_admin: set(),
        other_staff.hr_lead: {"South Leaver"},
    }
    # Holding no role that sees staff cases, the list is refused outright (ADR 0021).
    refused = {staff.yp.csm, staff.yp.iro, staff.yp.social_worker, staff.line_manager,
               staff.yp.org_admin}
    for user, names in expected.items():
        client.force_login(user)
        response = client.get(reverse("staff:case_list"))
        assert response.status_code == (403 if user in refused else 200), user.full_name
        page = response.content.decode()
        shown = {n for n in ("Hill Leaver", "Vale Leaver", "South Leaver") if n in page}
        assert shown == names, user.full_name


def test_the_navigation_offers_staff_leavers_to_the_leads_only(client, staff):
    url = reverse("staff:case_list")
    for user, shown in ((staff.headteacher, True), (staff.hr_lead, True),
                        (staff.yp.csm, False), (staff.interviewer, False)):
        client.force_login(user)
        page = client.get(reverse("accounts:your_account")).content.decode()
        assert (f'href="{url}"' in page) == shown, user.full_name


def test_pages_need_signing_in(client, staff):
    case = make_staff_case(staff)
    for url in (reverse("staff:case_list"), reverse("staff:new"), reverse("staff:upload"),
                reverse("staff:case", args=[case.public_id])):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response.url


def test_steps_change_nothing_on_get(client, staff):
    case = make_staff_case(staff)
    client.force_login(staff.hr_lead)
    for name in ("send_offer", "record_decline", "withdraw"):
        client.get(reverse(f"staff:{name}", args=[case.public_id]))
    case.refresh_from_db()
    assert case.state == State.RECORDED
