"""Attack-run finding: pages with personal data could be kept by a browser or proxy cache.
Every response from a view now says `Cache-Control: no-store`; static files stay cacheable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from leaver.pathways.young_person.states import State
from leaver.testing import make_case


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


@pytest.mark.parametrize("who", ["iro", "csm", "social_worker"])
def test_regression_pages_with_personal_data_are_never_stored(client, cast, who):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(getattr(cast, who))
    pid = interview.public_id
    for url in (reverse("young_person:your_work"), reverse("young_person:case_list"),
                reverse("young_person:case", args=[pid]),
                reverse("young_person:record", args=[pid]),
                reverse("reviews:my_recommendations")):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert {"no-store", "private"} <= directives(response), url


def test_sign_in_page_refusals_and_errors_are_never_stored(client, cast):
    assert "no-store" in directives(client.get("/accounts/login/"))
    client.force_login(cast.csm)
    interview = make_case(cast, State.NOTIFIED)
    refused = client.get(reverse("young_person:consent", args=[interview.public_id]))
    assert refused.status_code == 403
    assert "no-store" in directives(refused)
    assert "no-store" in directives(client.get("/cases/00000000-0000-0000-0000-000000000000/"))


def test_every_page_shuts_the_powerful_browser_features(client, cast):
    client.force_login(cast.iro)
    policy = client.get(reverse("young_person:your_work"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
