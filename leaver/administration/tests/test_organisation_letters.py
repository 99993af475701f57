"""Letter details: the organisation's address and contacts, and who a young person can
contact (advocacy, complaints, the Children's Commissioner). Also the area's first page: one
summary card per section."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.events import OrganisationEvent as E
from leaver.administration.organisation import letters
from leaver.administration.tests.organisation_helpers import (
    BASE,
    admin_events,
    closed_home,
    draft_statement,
    state_of,
    text_of,
)
from leaver.core.errors import ActionRefused
from leaver.organisations.models import (
    COMMISSIONER_CONTACTS,
    Commissioner,
    LetterContacts,
    Organisation,
)
from leaver.reviews.letter import contacts as letter_contacts_printed
from leaver.testing import Cast, make_case

pytestmark = pytest.mark.django_db

DETAILS = f"{BASE}letters/organisation/"
CONTACTS = f"{BASE}letters/contacts/"


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def _details(**overrides: str) -> dict[str, str]:
    data = {"address": "Civic Centre\r\nHigh Street\r\nNorthton NT1 1AA",
            "contact_email": "leaver@north.example", "contact_phone": "01632 960 001",
            "data_protection_contact": "dpo@north.example"}
    data.update(overrides)
    return data


def _contacts(**overrides: str) -> dict[str, str]:
    data = {"advocacy": "North Advocacy: 0808 000 0000", "complaints": "complaints@north.example",
            "commissioner": Commissioner.WALES, "commissioner_contact": ""}
    data.update(overrides)
    return data


def test_the_first_page_has_a_card_for_each_section(admin, cast):
    closed_home(cast)
    draft_statement(cast)
    page = text_of(admin.get(BASE))
    for title in ("Homes, placements and schools", "Confidentiality statements",
                  "Who gets a copy of each record", "Letter details"):
        assert title in page
    assert "2 open, 1 closed" in page
    assert "Version 1 in use; version 2 is a draft" in page
    assert "1 rule besides those who always get one" in page


def test_an_admin_changes_the_address_and_contacts(admin, cast):
    assert admin.post(DETAILS, _details())["Location"] == f"{BASE}letters/"
    org = Organisation.objects.get(pk=cast.org.pk)
    assert org.address == "Civic Centre\nHigh Street\nNorthton NT1 1AA"
    assert org.contact_email == "leaver@north.example"
    [event] = admin_events(cast.org, E.ORGANISATION_DETAILS_CHANGED)
    assert event.detail == {"changed": ["address", "contact_email", "contact_phone",
                                        "data_protection_contact"]}
    assert "leaver@north.example" not in str(event.detail)  # names of fields, not values
    page = text_of(admin.get(f"{BASE}letters/"))
    assert "Northton NT1 1AA" in page
    # Saving the same again writes nothing.
    admin.post(DETAILS, _details())
    assert len(admin_events(cast.org, E.ORGANISATION_DETAILS_CHANGED)) == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("contact_email", "not-an-email", "Enter an email address like name@example.com."),
    ("contact_phone", "0" * 41, "The phone number must be 40 characters or fewer."),
    ("address", "x" * 501, "The address must be 500 characters or fewer."),
])
def test_bad_details_are_shown_again_and_nothing_changes(admin, cast, field, value, message):
    before = state_of(cast.org)
    response = admin.post(DETAILS, _details(**{field: value}))
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    assert value in page
    other = "leaver@north.example" if field != "contact_email" else "01632 960 001"
    assert other in page  # the other fields as typed
    assert state_of(cast.org) == before


def test_letter_contacts_are_made_when_the_organisation_has_none(admin, cast):
    LetterContacts.objects.filter(organisation=cast.org).delete()
    page = text_of(admin.get(f"{BASE}letters/"))
    assert "Not filled in" in page
    assert admin.post(CONTACTS, _contacts()).status_code == 302
    row = LetterContacts.objects.get(organisation=cast.org)
    assert row.advocacy == "North Advocacy: 0808 000 0000"
    assert row.commissioner == Commissioner.WALES
    [event] = admin_events(cast.org, E.LETTER_CONTACTS_CHANGED)
    assert event.detail["commissioner"] == "wales"


def test_the_letter_prints_what_the_admin_saved(admin, cast):
    admin.post(CONTACTS, _contacts(commissioner_contact=""))
    interview = make_case(cast)
    _heading, printed = letter_contacts_printed(interview, "en")
    lines = [line for contact in printed for line in contact.lines]
    assert "North Advocacy: 0808 000 0000" in lines
    # Empty: the chosen commissioner's own advice line, not the one stored before (England).
    assert COMMISSIONER_CONTACTS[Commissioner.WALES].splitlines()[0] in lines
    assert COMMISSIONER_CONTACTS[Commissioner.ENGLAND].splitlines()[0] not in lines


def test_the_commissioner_line_starts_empty_when_it_is_the_default(admin, cast):
    # The cast stores England's own line; the form offers it as "leave empty".
    page = text_of(admin.get(CONTACTS))
    assert COMMISSIONER_CONTACTS[Commissioner.ENGLAND].splitlines()[0] not in page
    admin.post(CONTACTS, _contacts(commissioner="england",
                                   commissioner_contact="Our own line: 0800 000 000"))
    row = LetterContacts.objects.get(organisation=cast.org)
    assert row.commissioner_contact == "Our own line: 0800 000 000"
    assert "Our own line: 0800 000 000" in text_of(admin.get(CONTACTS))


@pytest.mark.parametrize(("data", "message"), [
    (_contacts(commissioner=""), "Choose the Children's Commissioner for your nation."),
    (_contacts(commissioner="scotland"), "Select a valid choice"),
    (_contacts(advocacy="a" * 501), "The advocacy contact must be 500 characters or fewer."),
])
def test_bad_contacts_are_shown_again_and_nothing_changes(admin, cast, data, message):
    before = state_of(cast.org)
    response = admin.post(CONTACTS, data)
    assert response.status_code == 400
    page = text_of(response)
    assert message in page
    assert "complaints@north.example" in page
    assert state_of(cast.org) == before


def test_only_an_admin_of_the_organisation_can_change_its_details(cast, other_cast):
    before = state_of(cast.org)
    details = letters.OrganisationDetails(address="X", contact_email="", contact_phone="",
                                          data_protection_contact="")
    for actor in (cast.csm, other_cast.org_admin):
        with pytest.raises(ActionRefused):
            letters.change_organisation_details(actor=actor, organisation=cast.org,
                                                details=details)
        with pytest.raises(ActionRefused):
            letters.change_letter_contacts(actor=actor, organisation=cast.org,
                                           contacts=letters.Contacts(**_contacts()))
    assert state_of(cast.org) == before
