"""Setting up an authenticator app: a QR code drawn on the server, the key as text, a code
before the app counts, ten recovery codes shown once, and new codes voiding the old."""

from __future__ import annotations

import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from leaver.accounts import two_factor
from leaver.accounts.tests.factors import app_code, enrol, sign_in_fully, sign_in_with_password
from leaver.audit.models import AuditEvent

SET_UP = "/accounts/two-factor/set-up/"
CODES = "/accounts/two-factor/recovery-codes/"
SECRET = re.compile(r'id="secret">([A-Z2-7 ]+)<')

pytestmark = pytest.mark.usefixtures("two_factor_required")


def secret_on(page: str) -> str:
    """The key the page shows for typing, back as the hex the server keeps."""
    found = SECRET.search(page)
    assert found, "no key on the page"
    return hexlify(b32decode(found.group(1).replace(" ", ""))).decode()


def test_the_page_draws_the_qr_code_itself_and_shows_the_key(client, cast):
    sign_in_with_password(client, cast.csm)
    page = client.get(SET_UP).content.decode()
    assert "Set up two-factor sign-in" in page
    svg = re.search(r"<svg [^>]*>", page)
    assert svg
    assert 'role="img"' in svg.group(0)
    assert "<title>QR code for your authenticator app</title>" in page
    # Nothing is fetched from elsewhere: no image address at all, no script.
    assert "<img" not in page
    assert "chart.googleapis" not in page
    key = SECRET.search(page)
    assert key
    assert len(key.group(1).split()) == 8  # 32 letters in groups of four
    # Nothing is stored until a code proves the app has the key; reloading keeps the key.
    assert not TOTPDevice.objects.filter(user=cast.csm).exists()
    assert secret_on(client.get(SET_UP).content.decode()) == secret_on(page)


def test_a_wrong_code_sets_up_nothing(client, cast):
    sign_in_with_password(client, cast.csm)
    secret = secret_on(client.get(SET_UP).content.decode())
    right = app_code(secret)
    response = client.post(SET_UP, {"code": "000000" if right != "000000" else "111111"})
    assert response.status_code == 400
    assert "The code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=cast.csm).exists()
    assert client.get("/cases/")["Location"].startswith(SET_UP)


def test_the_right_code_sets_it_up_and_shows_ten_recovery_codes_once(client, cast):
    sign_in_with_password(client, cast.csm)
    secret = secret_on(client.get(f"{SET_UP}?next=/cases/").content.decode())
    before = client.session.session_key
    response = client.post(SET_UP, {"code": app_code(secret), "next": "/cases/"})
    assert response.status_code == 302
    assert response["Location"] == f"{CODES}?next=%2Fcases%2F"
    assert client.session.session_key != before
    device = TOTPDevice.objects.get(user=cast.csm)
    assert device.confirmed
    assert device.key == secret
    page = client.get(response["Location"]).content.decode()
    assert "Save your recovery codes" in page
    shown = re.findall(r"<code>([a-z2-7]{4} [a-z2-7]{4})</code>", page)
    stored = set(StaticToken.objects.filter(device__user=cast.csm)
                 .values_list("token", flat=True))
    assert len(shown) == 10
    assert {code.replace(" ", "") for code in shown} == stored
    assert 'href="/cases/">I have saved my recovery codes' in page
    # Shown once: the next visit says how many are left, not what they are.
    again = client.get(CODES).content.decode()
    assert "You have 10 unused recovery codes" in again
    assert shown[0] not in again
    assert client.get("/cases/").status_code == 200
    actions = list(AuditEvent.objects.filter(actor=cast.csm).exclude(
        action="account.signed_in").order_by("id").values_list("action", flat=True))
    assert actions == ["account.two_factor_enrolled", "account.recovery_codes_made"]


def test_a_password_alone_never_replaces_an_app(client, cast):
    enrol(cast.iro)
    sign_in_with_password(client, cast.iro)
    response = client.get(SET_UP)
    assert response["Location"].startswith("/accounts/two-factor/code/")
    client.post(SET_UP, {"code": "123456"})
    assert TOTPDevice.objects.filter(user=cast.iro).count() == 1


def test_after_signing_in_fully_a_new_app_replaces_the_old_one(client, cast):
    old = enrol(cast.iro)
    sign_in_fully(client, cast.iro, old)
    page = client.get(SET_UP).content.decode()
    assert "Set up a new authenticator app" in page
    assert "the app you use now and your recovery codes stop working" in page
    secret = secret_on(page)
    assert client.post(SET_UP, {"code": app_code(secret)}).status_code == 302
    assert list(TOTPDevice.objects.filter(user=cast.iro).values_list("key", flat=True)) \
        == [secret]
    assert not StaticToken.objects.filter(token__in=old.recovery_codes).exists()


def test_new_recovery_codes_void_the_old_ones(client, cast):
    enrolled = enrol(cast.iro)
    sign_in_fully(client, cast.iro, enrolled)
    page = client.get(CODES).content.decode()
    assert "Your old recovery codes will stop working" in page
    assert client.get(f"{CODES}new/").status_code == 405
    response = client.post(f"{CODES}new/")
    assert response["Location"] == f"{CODES}?next=%2Faccounts%2F"
    shown = re.findall(r"<code>([a-z2-7]{4} [a-z2-7]{4})</code>",
                       client.get(response["Location"]).content.decode())
    assert len(shown) == 10
    assert not set(enrolled.recovery_codes) & {code.replace(" ", "") for code in shown}
    assert StaticDevice.objects.filter(user=cast.iro).count() == 1
    other = Client()
    sign_in_with_password(other, cast.iro)
    old = other.post("/accounts/two-factor/recovery-code/", {"code": enrolled.recovery_codes[0]})
    assert old.status_code == 400
    assert AuditEvent.objects.filter(action="account.recovery_codes_made").count() == 2


def test_recovery_codes_need_a_verified_session(client, cast, settings):
    enrol(cast.iro)
    settings.TWO_FACTOR_REQUIRED = False  # even where nobody is asked for a code
    sign_in_with_password(client, cast.iro)
    assert client.get(CODES)["Location"].startswith("/accounts/two-factor/code/")
    client.post(f"{CODES}new/")
    assert AuditEvent.objects.filter(action="account.recovery_codes_made").count() == 1


def test_the_secret_is_shown_as_authenticator_apps_take_it():
    assert two_factor.secret_for_typing("00" * 20) == "AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA"


@pytest.mark.parametrize(("typed", "app", "recovery"), [
    ("123456", "123456", ""),
    (" 123 456 ", "123456", ""),
    ("123-456", "123456", ""),
    ("１２３４５６", "123456", ""),  # fullwidth digits, as some phones' keyboards type them
    ("12345", "", ""),
    ("1234567", "", ""),
    ("abcd 2efg", "", "abcd2efg"),
    ("ABCD-2EFG", "", "abcd2efg"),
    ("ａｂｃｄ２ｅｆｇ", "", "abcd2efg"),
    ("abc", "", ""),
    ("<script>", "", ""),
])
def test_what_counts_as_a_code(typed, app, recovery):
    assert two_factor.app_code(typed) == app
    assert two_factor.recovery_code(typed) == recovery
