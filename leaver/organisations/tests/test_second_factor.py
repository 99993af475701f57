"""Who must sign in with a second factor (every role but senior manager), and that, until they
have, no page with personal data or administration opens for them: every representative page
sends them to set it up, or to enter their code if they have an app."""

from __future__ import annotations

import pytest
from django.urls import reverse

from leaver.accounts.tests.factors import app_code, enrol
from leaver.audit.models import AuditEvent
from leaver.organisations.models import Membership, Role
from leaver.organisations.second_factor import needs_second_factor
from leaver.pathways.young_person.states import State
from leaver.reviews.models import Letter
from leaver.testing import PEOPLE, make_case, make_user

NOT_ASKED = {"senior_manager", "outsider"}  # aggregate reports only; no role at all


def test_everyone_who_can_read_a_record_or_administer_needs_it(cast):
    for name in PEOPLE:
        assert needs_second_factor(getattr(cast, name)) == (name not in NOT_ASKED), name


def test_any_other_role_beside_senior_manager_needs_it(cast):
    Membership.objects.create(user=cast.senior_manager, role=Role.SAFEGUARDING_LEAD)
    assert needs_second_factor(cast.senior_manager)


def test_a_platform_superuser_needs_it(db):
    from leaver.accounts.models import User

    admin = User.objects.create_superuser("root@leaver.example", "x" * 16, full_name="Root")
    assert needs_second_factor(admin)


def protected_urls(cast) -> list[str]:
    recorded = make_case(cast, State.RESPONSES_COMPLETE)
    Letter.objects.create(interview=recorded, text="Dear Jordan, thank you.")
    version = recorded.questionnaire_version
    assert version is not None
    return [
        reverse("young_person:your_work"),
        reverse("young_person:case_list"),
        reverse("young_person:case", args=[recorded.public_id]),
        reverse("young_person:record", args=[recorded.public_id]),
        reverse("reviews:letter_pdf", args=[recorded.public_id]),
        reverse("reviews:my_recommendations"),
        reverse("questionnaires:list"),
        reverse("questionnaires:preview", args=[version.public_id]),
        reverse("administration:index"),
        reverse("accounts:your_account"),
        reverse("accounts:password_change"),
        reverse("accounts:recovery_codes"),
    ]


@pytest.mark.usefixtures("two_factor_required")
def test_without_the_second_factor_no_protected_page_opens_for_any_role(client, cast):
    urls = protected_urls(cast)
    checked = 0
    for name in PEOPLE:
        if name in NOT_ASKED:
            continue
        client.force_login(getattr(cast, name))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 302, (name, url)
            assert response["Location"].startswith("/accounts/two-factor/set-up/?next="), \
                (name, url)
            checked += 1
        # Nothing was read: no "viewed" row.
        assert not AuditEvent.objects.filter(action__endswith="viewed").exists()
        client.post("/accounts/logout/")
    assert checked == (len(PEOPLE) - len(NOT_ASKED)) * len(urls)


@pytest.mark.usefixtures("two_factor_required")
def test_with_an_app_but_no_code_yet_every_page_asks_for_the_code(client, cast):
    urls = protected_urls(cast)
    enrolled = enrol(cast.iro)
    client.force_login(cast.iro)
    for url in urls:
        assert client.get(url)["Location"].startswith("/accounts/two-factor/code/?next="), url
    # A form sent before the code changes nothing and leads to the code page.
    interview = make_case(cast, State.WITH_IRO)
    response = client.post(reverse("reviews:no_action", args=[interview.public_id]),
                           {"reason": "Nothing to do."})
    assert response["Location"] == "/accounts/two-factor/code/?next=%2F"
    assert client.post("/accounts/two-factor/code/",
                       {"code": app_code(enrolled.secret, 1)}).status_code == 302
    # Then the IRO's pages open (the questionnaire and admin pages are not theirs: 404).
    for url in urls[:6] + urls[9:]:
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("administration:index")).status_code == 404


@pytest.mark.usefixtures("two_factor_required")
def test_those_not_asked_open_their_pages_with_a_password_only(client, cast):
    for name in NOT_ASKED:
        client.force_login(getattr(cast, name))
        assert client.get(reverse("young_person:your_work")).status_code == 200, name
        assert client.get(reverse("accounts:your_account")).status_code == 200, name


@pytest.mark.usefixtures("two_factor_required")
def test_a_new_user_with_a_role_is_asked_on_first_sign_in(client, cast):
    newcomer = make_user(cast.org, "New Csm", Role.CSM)
    client.force_login(newcomer)
    assert client.get("/work/")["Location"].startswith("/accounts/two-factor/set-up/")


@pytest.mark.usefixtures("two_factor_required")
def test_the_footer_notices_and_health_check_open_before_the_code(client, cast):
    client.force_login(cast.iro)
    for url in ["/privacy/", "/accessibility/", f"/privacy/{cast.org.slug}/",
                f"/accessibility/{cast.org.slug}/", "/healthz"]:
        assert client.get(url).status_code == 200, url
    # The case pages still ask for it.
    assert client.get(reverse("young_person:your_work")).status_code == 302
