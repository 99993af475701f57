"""The "Safeguarding" section of the organisation settings: the out-of-hours number, the time
to acknowledge, the pattern, the deputies. For the organisation's admins only; bad input is
refused with status 400 and what was typed kept; every change is audited."""

from __future__ import annotations

import html

import pytest

from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Role
from leaver.safeguarding import config
from leaver.safeguarding.models import SafeguardingSettings
from leaver.testing import PEOPLE, make_user

PAGE = "/admin/organisation/safeguarding/"
CHANGE = f"{PAGE}change/"


def form(**overrides):
    data = {"out_of_hours_phone": "0300 123 4567", "acknowledge_hours": "2",
            "pattern_count": "3", "pattern_months": "6"}
    data.update(overrides)
    return data


def text(response):
    return html.unescape(response.content.decode())


def test_defaults_until_saved(cast, client):
    client.force_login(cast.org_admin)
    page = text(client.get(PAGE))
    assert "4 working hours" in page
    assert "2 concerns about one place within 12 months" in page
    assert "Not filled in" in page
    # Its card in the organisation settings area.
    index = text(client.get("/admin/organisation/"))
    assert f'href="{PAGE}"' in index
    assert "4 working hours" in index


def test_the_admin_changes_them(cast, client):
    deputy = make_user(cast.org, "North Dee Deputy", Role.SAFEGUARDING_LEAD)
    client.force_login(cast.org_admin)
    page = text(client.get(CHANGE))
    assert "North Dee Deputy" in page
    assert cast.safeguarding_lead.full_name in page
    response = client.post(CHANGE, form(deputies=[str(deputy.pk)]))
    assert response.status_code == 302
    found = SafeguardingSettings.objects.get(organisation=cast.org)
    assert (found.out_of_hours_phone, found.acknowledge_hours, found.pattern_count,
            found.pattern_months) == ("0300 123 4567", 2, 3, 6)
    assert config.deputies(cast.org.pk) == [deputy]
    row = AuditEvent.objects.get(action="safeguarding.settings_changed")
    assert row.detail["changed"] == ["acknowledge_hours", "deputies", "out_of_hours_phone",
                                     "pattern_count", "pattern_months"]
    assert "0300 123 4567" in text(client.get(PAGE))


@pytest.mark.parametrize(("overrides", "message"), [
    ({"acknowledge_hours": "0"}, "The working hours must be a whole number between 1 and 40"),
    ({"acknowledge_hours": "four"}, "The working hours must be a whole number between 1 and 40"),
    ({"pattern_count": "1"}, "The number of concerns must be a whole number between 2 and 50"),
    ({"pattern_months": ""}, "Enter the number of months"),
    ({"out_of_hours_phone": "0" * 41},
     "The out-of-hours phone number must be 40 characters or fewer."),
])
def test_bad_input_is_refused(cast, client, overrides, message):
    client.force_login(cast.org_admin)
    response = client.post(CHANGE, form(**overrides))
    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "0300 123 4567" in page or "0" * 41 in page
    assert not SafeguardingSettings.objects.exists()


def test_a_deputy_must_be_a_lead(cast, client):
    client.force_login(cast.org_admin)
    response = client.post(CHANGE, form(deputies=[str(cast.csm.pk)]))
    assert response.status_code == 400
    with pytest.raises(ActionRefused, match="must be one of your organisation's safeguarding"):
        config.change_settings(actor=cast.org_admin, organisation=cast.org,
                               choices=config.Choices("", 4, 2, 12, [cast.csm]))
    assert not SafeguardingSettings.objects.exists()


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "org_admin"])
def test_everyone_else_gets_404(cast, client, person):
    client.force_login(getattr(cast, person))
    assert client.get(PAGE).status_code == 404
    assert client.get(CHANGE).status_code == 404
    assert client.post(CHANGE, form()).status_code == 404
    assert not SafeguardingSettings.objects.exists()


def test_another_organisations_admin_changes_only_their_own(cast, other_cast, client):
    client.force_login(other_cast.org_admin)
    client.post(CHANGE, form())
    assert SafeguardingSettings.objects.get().organisation == other_cast.org
    assert config.settings_for(cast.org.pk).pk is None
