"""Signing in with a second factor: the password, then a code from the app or a recovery code.
A code works once, wrong codes are throttled and audited, and each factor gives a new session id."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from leaver.accounts.tests.factors import app_code, enrol, sign_in_fully, sign_in_with_password
from leaver.audit.models import AuditEvent

CODE_PAGE = "/accounts/two-factor/code/"
RECOVERY_PAGE = "/accounts/two-factor/recovery-code/"

pytestmark = pytest.mark.usefixtures("two_factor_required")


def test_after_the_password_an_enrolled_person_is_asked_for_the_code(client, cast):
    enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    response = client.get("/work/")
    assert response.status_code == 302
    assert response["Location"] == f"{CODE_PAGE}?next=%2Fwork%2F"
    page = client.get(response["Location"]).content.decode()
    assert "Enter the 6-digit code from your authenticator app" in page
    assert 'autocomplete="one-time-code"' in page
    # Until then the header offers nothing but signing out.
    assert "Your recommendations" not in page
    assert "Sign out" in page


def test_the_right_code_opens_the_page_asked_for(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    response = client.post(CODE_PAGE, {"code": app_code(enrolled.secret, 1),
                                       "next": "/cases/"})
    assert response.status_code == 302
    assert response["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200
    assert "Your account" in client.get("/work/").content.decode()


def test_next_never_leads_off_the_site(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    response = client.post(CODE_PAGE, {"code": app_code(enrolled.secret, 1),
                                       "next": "https://evil.example/"})
    assert response["Location"] == "/work/"


def test_a_new_session_id_after_the_password_and_after_the_code(client, cast):
    enrolled = enrol(cast.iro)
    before = client.session.session_key
    sign_in_with_password(client, cast.iro)
    after_password = client.session.session_key
    client.post(CODE_PAGE, {"code": app_code(enrolled.secret, 1)})
    after_code = client.session.session_key
    assert len({before, after_password, after_code}) == 3
    assert client.get("/work/").status_code == 200


def test_a_code_is_never_accepted_twice(client, cast):
    enrolled = enrol(cast.iro)
    code = app_code(enrolled.secret, 1)
    sign_in_with_password(client, cast.iro)
    assert client.post(CODE_PAGE, {"code": code}).status_code == 302
    client.post("/accounts/logout/")
    sign_in_with_password(client, cast.iro)
    response = client.post(CODE_PAGE, {"code": code})
    assert response.status_code == 400
    assert "has been used already" in response.content.decode()
    assert client.get("/work/").status_code == 302
    # django-otp remembers the time step of the last code it accepted (last_t).
    device = TOTPDevice.objects.get(user=cast.iro)
    assert device.last_t >= 0


def test_the_code_that_finished_the_set_up_cannot_sign_in(client, cast):
    enrolled = enrol(cast.iro)  # used the code of this time step
    sign_in_with_password(client, cast.iro)
    assert client.post(CODE_PAGE, {"code": app_code(enrolled.secret)}).status_code == 400


def test_a_code_from_another_persons_app_does_not_work(client, cast):
    enrol(cast.iro)
    other = enrol(cast.csm)
    sign_in_with_password(client, cast.iro)
    assert client.post(CODE_PAGE, {"code": app_code(other.secret, 1)}).status_code == 400


def test_repeated_wrong_codes_are_refused_even_with_the_right_code_then(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    right = app_code(enrolled.secret, 1)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(3):
        client.post(CODE_PAGE, {"code": wrong})
    response = client.post(CODE_PAGE, {"code": right})
    assert response.status_code == 400
    assert "too many wrong codes" in response.content.decode()
    assert client.get("/work/").status_code == 302
    failures = AuditEvent.objects.filter(actor=cast.iro, action="account.second_factor_failed")
    assert failures.count() == 4
    last = failures.order_by("id").last()
    assert last is not None
    assert last.detail == {"method": "authenticator app", "waiting": True}
    # Once the wait (1, 2, 4… seconds) is over, the right code works.
    TOTPDevice.objects.filter(user=cast.iro).update(
        throttling_failure_timestamp=timezone.now() - dt.timedelta(minutes=1))
    assert client.post(CODE_PAGE, {"code": right}).status_code == 302


def test_a_wrong_code_is_audited_without_the_code(client, cast):
    enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    client.post(CODE_PAGE, {"code": "123 456"}, REMOTE_ADDR="192.0.2.9")
    row = AuditEvent.objects.get(action="account.second_factor_failed")
    assert (row.actor, row.object_id, row.ip_address) == (cast.iro, cast.iro.public_id,
                                                          "192.0.2.9")
    assert "123" not in str(row.detail)


def test_something_that_is_not_a_code_is_explained_and_costs_no_try(client, cast):
    enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    response = client.post(CODE_PAGE, {"code": "12345"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter the 6 digits your authenticator app shows" in page
    assert 'value="12345"' in page
    assert not AuditEvent.objects.filter(action="account.second_factor_failed").exists()


def test_a_recovery_code_signs_in_once(client, cast):
    enrolled = enrol(cast.iro)
    code = enrolled.recovery_codes[0]
    sign_in_with_password(client, cast.iro)
    # Typed as shown on the page, in capitals: the same code.
    response = client.post(RECOVERY_PAGE, {"code": f"{code[:4].upper()} {code[4:]}",
                                           "next": "/cases/"})
    assert response.status_code == 302
    assert response["Location"] == "/cases/"
    assert "You have 9 recovery codes left" in client.get("/cases/").content.decode()
    used = AuditEvent.objects.get(action="account.recovery_code_used")
    assert used.detail == {"left": 9}
    client.post("/accounts/logout/")
    sign_in_with_password(client, cast.iro)
    again = client.post(RECOVERY_PAGE, {"code": code})
    assert again.status_code == 400
    assert "has been used already" in again.content.decode()
    # That wrong try costs a second's wait (the throttle); after it another code works.
    StaticDevice.objects.filter(user=cast.iro).update(
        throttling_failure_timestamp=timezone.now() - dt.timedelta(seconds=2))
    assert client.post(RECOVERY_PAGE, {"code": enrolled.recovery_codes[1]}).status_code == 302


def test_wrong_recovery_codes_are_throttled_too(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    for _ in range(3):
        client.post(RECOVERY_PAGE, {"code": "zzzz9999"})
    response = client.post(RECOVERY_PAGE, {"code": enrolled.recovery_codes[0]})
    assert response.status_code == 400
    assert "too many wrong codes" in response.content.decode()
    assert StaticDevice.objects.get(user=cast.iro).token_set.count() == 10


def test_the_recovery_page_gives_a_new_session_id(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    before = client.session.session_key
    client.post(RECOVERY_PAGE, {"code": enrolled.recovery_codes[0]})
    assert client.session.session_key != before


def test_a_signed_in_person_who_needs_it_must_set_it_up_first(client, cast):
    sign_in_with_password(client, cast.csm)
    response = client.get("/cases/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/set-up/?next=%2Fcases%2F"
    # Signing out still works.
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_senior_manager_sees_aggregate_reports_only_and_is_not_asked(client, cast):
    sign_in_with_password(client, cast.senior_manager)
    assert client.get("/work/").status_code == 200


def test_anyone_who_set_it_up_must_use_it(client, cast):
    enrol(cast.senior_manager)
    sign_in_with_password(client, cast.senior_manager)
    response = client.get("/work/")
    assert response["Location"].startswith(CODE_PAGE)


def test_verified_sessions_keep_working_and_code_page_moves_on(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_fully(client, cast.iro, enrolled)
    assert client.get("/cases/").status_code == 200
    assert client.get(CODE_PAGE)["Location"] == "/work/"


def test_pages_open_before_the_second_factor(client, cast):
    enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/password/reset/").status_code == 200
    assert client.get(CODE_PAGE).status_code == 200
    assert client.get(RECOVERY_PAGE).status_code == 200
    assert client.get("/static/leaver/leaver.css").status_code == 200


def test_when_not_required_nobody_is_asked(client, cast, settings):
    settings.TWO_FACTOR_REQUIRED = False
    enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    assert client.get("/cases/").status_code == 200
