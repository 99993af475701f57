"""Repeated wrong passwords pause sign-in for that email from that address, and only that."""

from __future__ import annotations

import pytest

from leaver.testing import PASSWORD


@pytest.fixture
def limit(settings):
    return settings.AXES_FAILURE_LIMIT


def fail(client, email, address="10.0.0.1"):
    return client.post("/accounts/login/", {"username": email, "password": "wrong"},
                       REMOTE_ADDR=address)


def test_locks_after_the_limit_even_with_the_right_password(client, cast, limit):
    for attempt in range(limit - 1):
        # Changing the case of the email does not buy extra guesses.
        email = cast.iro.email.upper() if attempt % 2 else cast.iro.email
        assert fail(client, email).status_code == 200
    assert fail(client, cast.iro.email.upper()).status_code == 429
    response = client.post("/accounts/login/", {"username": cast.iro.email,
                                                "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "Sign-in locked for a while" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lockout_does_not_reach_another_address_or_another_account(client, cast, limit):
    for _ in range(limit):
        fail(client, cast.iro.email)
    other_place = client.post("/accounts/login/", {"username": cast.iro.email,
                                                   "password": PASSWORD},
                              REMOTE_ADDR="10.0.0.2")
    assert other_place.status_code == 302
    client.post("/accounts/logout/")
    colleague = client.post("/accounts/login/", {"username": cast.csm.email,
                                                 "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert colleague.status_code == 302


def test_a_successful_sign_in_resets_the_count(client, cast, limit):
    for _ in range(limit - 1):
        fail(client, cast.iro.email)
    ok = client.post("/accounts/login/", {"username": cast.iro.email, "password": PASSWORD},
                     REMOTE_ADDR="10.0.0.1")
    assert ok.status_code == 302
    client.post("/accounts/logout/")
    assert fail(client, cast.iro.email).status_code == 200
