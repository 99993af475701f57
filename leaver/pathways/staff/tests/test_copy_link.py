"""DEBUG only: the HR lead can copy the leaver's link to try their pages. Without DEBUG the
button is not shown and the address is 404."""

from __future__ import annotations

from django.urls import reverse

from leaver.cases import links
from leaver.cases.models import LinkPurpose
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case


def test_with_debug_the_hr_lead_copies_a_fresh_link(client, staff, settings):
    settings.DEBUG = True
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.hr_lead)
    assert "Copy the leaver" in client.get(reverse("staff:case", args=[case.public_id])
                                           ).content.decode()
    response = client.post(reverse("staff:copy_link", args=[case.public_id]))
    assert response.status_code == 200
    page = response.content.decode()
    token = page.split("/you/", 1)[1].split("/", 1)[0]
    link = links.open_link(token)
    assert link.interview == case
    assert link.purpose == LinkPurpose.OFFER


def test_with_debug_only_the_hr_lead_may_copy_it(client, staff, settings):
    settings.DEBUG = True
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.headteacher)
    assert "Copy the leaver" not in client.get(reverse("staff:case", args=[case.public_id])
                                               ).content.decode()
    assert client.post(reverse("staff:copy_link", args=[case.public_id])).status_code == 404


def test_without_debug_there_is_no_button_and_the_address_is_404(client, staff, settings):
    settings.DEBUG = False
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.hr_lead)
    assert "Copy the leaver" not in client.get(reverse("staff:case", args=[case.public_id])
                                               ).content.decode()
    assert client.post(reverse("staff:copy_link", args=[case.public_id])).status_code == 404


def test_copying_is_a_post(client, staff, settings):
    settings.DEBUG = True
    case = make_staff_case(staff, State.OFFERED)
    client.force_login(staff.hr_lead)
    assert client.get(reverse("staff:copy_link", args=[case.public_id])).status_code == 405
