"""Helpers for tests of two-factor sign-in: set a person up through the real action, work out
the code an authenticator app would show, and sign in step by step with a test client."""

from __future__ import annotations

import time
from binascii import unhexlify
from dataclasses import dataclass

from django.test import Client
from django_otp.oath import TOTP

from leaver.accounts import two_factor
from leaver.accounts.models import User
from leaver.testing import PASSWORD


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What the app shows now (or `steps_ahead` 30-second steps from now: the server accepts one
    step either side, so a test need not wait for a fresh code)."""
    totp = TOTP(unhexlify(secret))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


@dataclass
class Enrolled:
    secret: str
    recovery_codes: list[str]


def enrol(user: User) -> Enrolled:
    """Set up an app for this person through the real action, as the set-up page does (the code
    shown now is then used up)."""
    secret = two_factor.new_secret()
    enrolment = two_factor.enrol(user, secret=secret, code=app_code(secret))
    return Enrolled(secret=secret, recovery_codes=enrolment.recovery_codes)


def sign_in_with_password(client: Client, user: User, password: str = PASSWORD) -> None:
    response = client.post("/accounts/login/", {"username": user.email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]


def sign_in_fully(client: Client, user: User, enrolled: Enrolled, steps_ahead: int = 1) -> None:
    sign_in_with_password(client, user)
    response = client.post("/accounts/two-factor/code/",
                           {"code": app_code(enrolled.secret, steps_ahead)})
    assert response.status_code == 302, response.content.decode()[:500]
