"""Issue 12, who sees what: senior managers and governors see only aggregate reports, never an
individual record. Every case list refuses them, every case and record page is "not found"
(as for anyone outside the case), and their home page names nobody."""

from __future__ import annotations

import pytest

from leaver.accounts.models import User
from leaver.organisations.models import Role
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.cast import StaffCast, make_staff_case, make_staff_cast
from leaver.pathways.young_person.states import State
from leaver.testing import make_case, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db: None) -> StaffCast:
    return make_staff_cast("north")


def aggregate_only(staff: StaffCast) -> dict[str, User]:
    return {"senior manager": staff.yp.senior_manager,
            "governor": make_user(staff.yp.org, "North Gail Governor", Role.GOVERNOR)}


def test_senior_managers_and_governors_open_no_case_and_no_list(client, staff):
    young = [make_case(staff.yp, state, leaver_name=f"Young {state}")
             for state in (State.NOTIFIED, State.WITH_IRO, State.CLOSED)]
    school = [make_staff_case(staff, state, name=f"Staff {state}",
                              email=f"{state}@school.example")
              for state in (StaffState.OFFERED, StaffState.CONFIRMED)]
    names = [case.leaver_name for case in young + school]
    forbidden = ["/cases/", "/cases/?overdue=yes", "/cases/?waiting=consent_given",
                 "/staff/cases/", "/staff/cases/?overdue=yes"]
    not_found = [address for case in young for address in (
        f"/cases/{case.public_id}/", f"/cases/{case.public_id}/record/")]
    not_found += [address for case in school for address in (
        f"/staff/cases/{case.public_id}/", f"/staff/cases/{case.public_id}/record/")]
    for who, person in aggregate_only(staff).items():
        client.force_login(person)
        for address in forbidden:
            response = client.get(address)
            assert response.status_code == 403, (who, address)
            assert not any(name in response.content.decode() for name in names)
        for address in not_found:
            assert client.get(address).status_code == 404, (who, address)
        home = client.get("/work/")
        assert home.status_code == 200
        text = home.content.decode()
        assert "Nothing is waiting for you" in text, who
        assert not any(name in text for name in names), who
        assert "/cases/" not in text.replace("/staff/cases/", ""), who


def test_the_people_who_act_still_see_their_lists(client, staff):
    make_case(staff.yp, State.NOTIFIED, leaver_name="Young Waiting")
    make_staff_case(staff, StaffState.OFFERED, name="Staff Waiting")
    for person, address, name in ((staff.yp.csm, "/cases/", "Young Waiting"),
                                  (staff.yp.iro, "/cases/", "Young Waiting"),
                                  (staff.headteacher, "/staff/cases/", "Staff Waiting"),
                                  (staff.hr_lead, "/staff/cases/", "Staff Waiting")):
        client.force_login(person)
        response = client.get(address)
        assert response.status_code == 200
        assert name in response.content.decode()
        assert "Open cases by stage" in response.content.decode()
