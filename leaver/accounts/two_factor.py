"""Two-factor sign-in with django-otp: one authenticator app (TOTP) and ten single-use recovery
codes per person (ADR 0012).

Who must use it is a question of roles, answered above this layer
(`leaver.organisations.second_factor`); here are the devices and the steps. Every write is one
transaction and announces itself for the audit log (accounts.signals).

- A code is accepted once: django-otp stores the time step of the last accepted code (`last_t`)
  and accepts only later ones; the enrolment code counts, so it cannot then sign anyone in.
- Wrong codes are throttled by django-otp (after n wrong in a row, the next try waits 2^(n-1)
  seconds: OTP_TOTP_THROTTLE_FACTOR, OTP_STATIC_THROTTLE_FACTOR) and each is audited.
- The device row is locked while a code is checked, so two requests cannot both use one code.
"""

from __future__ import annotations

import time
import unicodedata
from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass

import segno
from django.db import transaction
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from leaver.accounts import signals
from leaver.accounts.models import User
from leaver.accounts.sessions import end_sessions_of
from leaver.core.errors import ActionRefused

RECOVERY_CODE_COUNT = 10
APP = "authenticator app"
RECOVERY = "recovery code"
# Session keys: the secret being set up (not yet a device), and new recovery codes to show once.
SETUP_KEY = "leaver_two_factor_setup_key"
NEW_CODES_KEY = "leaver_new_recovery_codes"
# The accounts pages a signed-in person may open before their second factor: signing out, the
# password reset pages (which never sign anyone in) and the second factor's own pages.
OPEN_BEFORE_SECOND_FACTOR = frozenset({
    "login", "logout", "password_reset", "password_reset_sent", "password_reset_confirm",
    "password_reset_complete", "two_factor_set_up", "two_factor_code", "two_factor_recovery",
})


def has_enrolled(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def is_verified(request: HttpRequest) -> bool:
    """Has this session passed the second factor (django-otp's OTPMiddleware tells)?"""
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


# Setting up -------------------------------------------------------------------------------

def new_secret() -> str:
    """A new TOTP secret (20 random bytes, hex, as django-otp stores it)."""
    return str(random_hex(20))


def secret_for_typing(secret: str) -> str:
    """The secret in base32, as authenticator apps ask for it, in groups of four."""
    letters = b32encode(unhexlify(secret)).decode("ascii").rstrip("=")
    return " ".join(letters[i:i + 4] for i in range(0, len(letters), 4))


def qr_code_svg(user: User, secret: str) -> SafeString:
    """The otpauth:// address as a QR code, drawn here as inline SVG: the secret never leaves
    the server for a QR service. segno's output holds only path data and our own title, no text
    a user typed, so it may be marked safe."""
    address = TOTPDevice(user=user, key=secret).config_url
    svg = segno.make(address, error="m").svg_inline(
        scale=4, border=4, dark="#0b0c0c", light="#ffffff", svgclass="leaver-qr",
        title="QR code for your authenticator app")
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308


def _matching_step(secret: str, code: str) -> int | None:
    """The time step the code belongs to (now, or one step either side for a slow phone)."""
    digits = _digits(code)
    if digits is None:
        return None
    totp = TOTP(unhexlify(secret), step=30, t0=0, digits=6, drift=0)
    totp.time = time.time()
    if totp.verify(digits, tolerance=1):
        return int(totp.t())
    return None


@dataclass(frozen=True)
class Enrolment:
    device: TOTPDevice
    recovery_codes: list[str]


@transaction.atomic
def enrol(user: User, *, secret: str, code: str) -> Enrolment:
    """The code proves the app holds the secret: the app becomes the person's device (replacing
    any earlier one) and ten new recovery codes replace any earlier ones."""
    step = _matching_step(secret, code)
    if step is None:
        raise ActionRefused("The code is not right. Enter the 6-digit code your authenticator "
                            "app shows now for Leaver.")
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", key=secret,
                                       confirmed=True, last_t=step)
    signals.second_factor_enrolled.send(sender=TOTPDevice, user=user, actor=user)
    return Enrolment(device=device, recovery_codes=make_recovery_codes(user))


@transaction.atomic
def make_recovery_codes(user: User) -> list[str]:
    """Ten new single-use recovery codes; every earlier one stops working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes: set[str] = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    signals.recovery_codes_made.send(sender=StaticDevice, user=user, actor=user)
    return sorted(codes)


def show_recovery_code(code: str) -> str:
    """"abcd2efg" as "abcd 2efg": easier to copy by hand; the space is ignored when typed."""
    return f"{code[:4]} {code[4:]}"


# Signing in -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """What a code did: let the person in, or not (and whether they must wait first)."""

    accepted: bool
    waiting: bool = False
    left: int | None = None  # recovery codes only: how many are left unused


def check_app_code(request: HttpRequest, user: User, code: str) -> Outcome:
    with transaction.atomic():
        device = (TOTPDevice.objects.select_for_update()
                  .filter(user=user, confirmed=True).first())
        if device is None:
            return Outcome(accepted=False)
        outcome = _check(device, user, app_code(code), APP)
    if outcome.accepted:
        mark_verified(request, device)
    return outcome


def check_recovery_code(request: HttpRequest, user: User, code: str) -> Outcome:
    with transaction.atomic():
        device = (StaticDevice.objects.select_for_update()
                  .filter(user=user, confirmed=True).first())
        if device is None:
            return Outcome(accepted=False)
        outcome = _check(device, user, recovery_code(code), RECOVERY)
        if outcome.accepted:
            left = device.token_set.count()
            signals.recovery_code_used.send(sender=StaticDevice, user=user, actor=user,
                                            left=left)
            outcome = Outcome(accepted=True, left=left)
    if outcome.accepted:
        mark_verified(request, device)
    return outcome


def _check(device: TOTPDevice | StaticDevice, user: User, code: str, method: str) -> Outcome:
    allowed, _ = device.verify_is_allowed()
    # verify_token counts a wrong code for the throttle itself (an empty one is never right).
    if allowed and device.verify_token(code):
        return Outcome(accepted=True)
    signals.second_factor_failed.send(sender=type(device), user=user, actor=user,
                                      method=method, waiting=not allowed)
    return Outcome(accepted=False, waiting=not allowed)


def mark_verified(request: HttpRequest, device: TOTPDevice | StaticDevice) -> None:
    """The session has passed both factors: mark it so, under a new session id."""
    otp_login(request, device)
    request.session.cycle_key()


def _digits(code: str) -> int | None:
    text = app_code(code)
    return int(text) if text else None


def _squeezed(code: str) -> str:
    return "".join(unicodedata.normalize("NFKC", code or "").split()).replace("-", "")


def app_code(code: str) -> str:
    """"123 456", "123-456" and "１２３４５６" are "123456"; anything else is "" (no code)."""
    text = _squeezed(code)
    return text if len(text) == 6 and text.isascii() and text.isdigit() else ""


def recovery_code(code: str) -> str:
    """"ABCD 2EFG" is "abcd2efg"; anything that cannot be a recovery code is ""."""
    text = _squeezed(code).casefold()
    return text if len(text) == 8 and text.isascii() and text.isalnum() else ""


# An admin's reset ---------------------------------------------------------------------------

@transaction.atomic
def reset_second_factor(user: User, *, by: User) -> None:
    """For someone who lost their phone and their recovery codes: their app and recovery codes
    are deleted and every session of theirs ends, so their next sign-in asks them to set up
    two-factor sign-in again. Audited as `account.second_factor_reset` with the admin as actor.
    Who may do this (an organisation admin) is the admin page's access helper's question; this
    refuses only a reset across organisations."""
    if by.organisation_id is None or by.organisation_id != user.organisation_id:
        raise ActionRefused("You can reset two-factor sign-in only for people in your "
                            "organisation.")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    end_sessions_of(user)
    signals.second_factor_reset.send(sender=TOTPDevice, user=user, actor=by)
