"""The privacy notice and the accessibility statement: linked from every page's footer, filled
in with the organisation's details (the signed-in user's own, or the one named in the public
address), a general version for everyone else, and never another organisation's details."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from leaver.organisations.models import Organisation

PAGES = ["privacy", "accessibility"]


@pytest.fixture
def details(cast, other_cast):
    """Both organisations have published their contact details."""
    for org, town in ((cast.org, "Northtown"), (other_cast.org, "Southtown")):
        Organisation.objects.filter(pk=org.pk).update(
            address=f"Civic Centre\n{town} NT1 1AA", contact_email=f"help@{town.lower()}.example",
            contact_phone="01632 960 001", data_protection_contact=f"DPO, {town} Council")
        org.refresh_from_db()
    return cast.org, other_cast.org


def text(response):
    return html.unescape(response.content.decode())


def assert_shows(response, org: Organisation) -> None:
    body = text(response)
    assert org.name in body
    assert org.contact_email in body
    assert org.address.splitlines()[1] in body


def assert_hides(response, org: Organisation) -> None:
    body = text(response)
    for value in (org.name, org.contact_email, org.address.splitlines()[1],
                  org.data_protection_contact):
        assert value not in body


@pytest.mark.parametrize("page", PAGES)
def test_signed_in_the_page_is_the_users_own_organisations(client, cast, details, page):
    mine, theirs = details
    client.force_login(cast.social_worker)
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert_shows(response, mine)
    assert_hides(response, theirs)
    # The public address to give to people who have no account.
    assert f"/{page}/{mine.slug}/" in text(response)


@pytest.mark.parametrize("page", PAGES)
def test_signed_out_the_page_is_general_and_names_no_organisation(client, details, page):
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert "general version" in text(response)
    for org in details:
        assert_hides(response, org)


@pytest.mark.parametrize("page", PAGES)
def test_the_public_address_shows_that_organisation_only(client, details, page):
    mine, theirs = details
    response = client.get(reverse(f"{page}_for", args=[mine.slug]))
    assert response.status_code == 200
    assert_shows(response, mine)
    assert_hides(response, theirs)


@pytest.mark.parametrize("page", PAGES)
def test_an_unknown_organisation_is_not_found(client, db, page):
    assert client.get(reverse(f"{page}_for", args=["nobody"])).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_only_answer_get_and_head(client, db, page):
    assert client.head(reverse(page)).status_code == 200
    assert client.post(reverse(page)).status_code == 405


def test_the_privacy_notice_says_what_the_law_asks(client, cast, details):
    client.force_login(cast.csm)
    body = text(client.get(reverse("privacy")))
    for needed in (
        f"{cast.org.name} is the data controller",
        "DPO, Northtown Council",  # the data protection officer
        "young people moving on from a children’s home", "staff leaving a school",
        "Article 6(1)(e)", "Article 9(2)(g)", "Article 9(2)(h)",
        "Who can see your information", "retention schedule", "Your rights",
        "Information Commissioner’s Office", "ico.org.uk/make-a-complaint", "0303 123 1113",
    ):
        assert needed in body, needed


def test_the_accessibility_statement_follows_the_model(client, cast, details):
    client.force_login(cast.csm)
    body = text(client.get(reverse("accessibility")))
    for needed in (
        "Accessibility statement for Leaver", "How accessible this website is",
        "Welsh wording", "Feedback and contact information", "help@northtown.example",
        "Reporting accessibility problems", "Enforcement procedure",
        "Equality and Human Rights Commission", "Equality Advisory and Support Service",
        "Equality Commission for Northern Ireland", "Compliance status",
        "Web Content Accessibility Guidelines version 2.2", "Non-accessible content",
        "Preparation of this accessibility statement", "axe-core",
    ):
        assert needed in body, needed


def test_without_contact_details_the_pages_say_so(client, cast):
    client.force_login(cast.csm)
    body = text(client.get(reverse("privacy")))
    assert f"{cast.org.name} has not yet added its contact details" in body


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/no-such-page/"])
def test_every_page_links_to_both_from_the_footer_signed_out(client, url):
    body = client.get(url).content.decode()
    footer = body[body.index('<footer class="govuk-footer">'):]
    assert 'href="/accessibility/">Accessibility statement</a>' in footer
    assert 'href="/privacy/">Privacy notice</a>' in footer


def test_every_page_links_to_both_from_the_footer_signed_in(client, cast):
    client.force_login(cast.iro)
    for url in (reverse("young_person:your_work"), reverse("privacy")):
        body = client.get(url).content.decode()
        footer = body[body.index('<footer class="govuk-footer">'):]
        assert 'href="/accessibility/">Accessibility statement</a>' in footer
        assert 'href="/privacy/">Privacy notice</a>' in footer
