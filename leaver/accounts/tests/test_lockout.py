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


def fullwidth(text: str) -> str:
    """Each printable ASCII character as its fullwidth compatibility form (ａ, ＠, …)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def variants(email: str) -> list[str]:
    """Spellings that Django's sign-in treats as this email (NFKC, any case, spaces)."""
    return [
        fullwidth(email),
        f"  {email.upper()}  ",
        email.replace("i", "\u2170"),  # SMALL ROMAN NUMERAL ONE, NFKC "i"
        email.replace("@", "\uff20"),  # FULLWIDTH COMMERCIAL AT
        fullwidth(email).upper(),
    ]


@pytest.mark.parametrize("spelling", range(5))
def test_regression_lockout_bypass_with_unicode_compatibility_forms(client, cast, limit,
                                                                     spelling):
    """Attack-run finding: a fullwidth (or other compatibility) spelling of the email was
    counted under another lockout key while Django still signed the user in with it."""
    email = cast.iro.email
    tried = variants(email)
    for attempt in range(limit - 1):
        assert fail(client, tried[(spelling + attempt) % len(tried)]).status_code == 200
    assert fail(client, tried[spelling]).status_code == 429
    for other in [email, *tried]:
        response = client.post("/accounts/login/", {"username": other, "password": PASSWORD},
                               REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 429, other
    assert "_auth_user_id" not in client.session


def test_every_compatibility_spelling_is_the_same_account(client, cast):
    for spelling in variants(cast.iro.email):
        response = client.post("/accounts/login/", {"username": spelling, "password": PASSWORD},
                               REMOTE_ADDR="10.0.0.9")
        assert response.status_code == 302, spelling
        assert client.session["_auth_user_id"] == str(cast.iro.pk)
        client.post("/accounts/logout/")
