""""Forgotten your password?": the same answer whether or not the address has an account, a
plain-text email whose link is built from SITE_URL, expires and works once, new passwords
checked by the rules, and no sign-in (so never a way around the second factor)."""

from __future__ import annotations

import io
import logging
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from leaver.accounts.logs import HideResetTokens
from leaver.accounts.tests.factors import app_code, enrol, sign_in_with_password
from leaver.accounts.tests.test_lockout import fullwidth
from leaver.audit.models import AuditEvent
from leaver.notifications.testing import deliver_all
from leaver.testing import PASSWORD

RESET = "/accounts/password/reset/"
NEW_PASSWORD = "correct horse battery staple"
LINK = re.compile(r"https://leaver\.example\.org(/accounts/password/reset/[^/\s]+/[^/\s]+/)")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://leaver.example.org"


def ask(client: Client, email: str):
    response = client.post(RESET, {"email": email})
    deliver_all()  # the email waits in the outbox until the worker sends it
    return response


def link_in(message) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1)


def test_the_sign_in_page_offers_it(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert f'href="{RESET}">Forgotten your password?</a>' in page


def test_the_same_answer_whether_or_not_the_address_has_an_account(client, cast):
    known = ask(client, cast.iro.email)
    unknown = ask(client, "nobody@north.example")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/sent/"
    page = client.get(known["Location"]).content.decode()
    assert "If there is a Leaver account for the email address you entered" in page
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [cast.iro.email]


def test_the_email_is_plain_text_with_a_link_from_site_url(client, cast):
    ask(client, cast.iro.email)
    message = mail.outbox[0]
    assert message.subject == "Leaver: reset your password"
    assert not getattr(message, "alternatives", [])  # no HTML part
    assert "It works once, for 60 minutes" in message.body
    assert link_in(message).startswith("/accounts/password/reset/")
    # The request's Host header plays no part in the link.
    client.post(RESET, {"email": cast.iro.email}, HTTP_HOST="evil.example")
    deliver_all()
    assert "evil.example" not in mail.outbox[-1].body


@pytest.mark.parametrize("spelling", ["upper", "spaces", "fullwidth"])
def test_every_spelling_of_the_address_finds_the_account(client, cast, spelling):
    email = {"upper": cast.iro.email.upper(), "spaces": f"  {cast.iro.email} ",
             "fullwidth": fullwidth(cast.iro.email)}[spelling]
    ask(client, email)
    assert [m.to for m in mail.outbox] == [[cast.iro.email]]


def test_a_switched_off_account_gets_no_email(client, cast):
    cast.iro.is_active = False
    cast.iro.save()
    assert ask(client, cast.iro.email).status_code == 302
    assert mail.outbox == []


def test_a_malformed_address_is_explained(client, db):
    response = ask(client, "not an address")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter an email address in the correct format" in page
    assert 'value="not an address"' in page
    empty = ask(client, "")
    assert "Enter your email address." in empty.content.decode()


def test_requests_are_audited_without_the_unknown_address(client, cast):
    ask(client, cast.iro.email)
    ask(client, "someone.else@north.example")
    rows = list(AuditEvent.objects.filter(action="account.password_reset_requested")
                .order_by("id").values("actor", "object_id", "organisation_id", "detail"))
    assert rows == [
        {"actor": None, "object_id": cast.iro.public_id, "organisation_id": cast.org.pk,
         "detail": {"account_found": True}},
        {"actor": None, "object_id": None, "organisation_id": None,
         "detail": {"account_found": False}},
    ]
    assert "someone.else" not in str(list(AuditEvent.objects.values()))


def test_the_link_sets_a_new_password_without_signing_in(client, cast):
    ask(client, cast.iro.email)
    link = link_in(mail.outbox[0])
    form_page = client.get(link)
    # The token leaves the address bar at once (Django keeps it in the session).
    assert form_page.status_code == 302
    assert form_page["Location"].endswith("/set-password/")
    assert "Choose a new password" in client.get(form_page["Location"]).content.decode()
    done = client.post(form_page["Location"], {"new_password1": NEW_PASSWORD,
                                               "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/accounts/password/reset/done/"
    assert "Your password has been reset" in client.get(done["Location"]).content.decode()
    assert "_auth_user_id" not in client.session
    row = AuditEvent.objects.get(action="account.password_reset_completed")
    assert (row.actor, row.object_id) == (None, cast.iro.public_id)
    # The old password no longer works; the new one does.
    old = client.post("/accounts/login/", {"username": cast.iro.email, "password": PASSWORD})
    assert old.status_code == 200
    sign_in_with_password(client, cast.iro, NEW_PASSWORD)


def test_the_link_works_once(client, cast):
    ask(client, cast.iro.email)
    link = link_in(mail.outbox[0])
    form = client.get(link)["Location"]
    client.post(form, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = Client().get(link, follow=True)
    page = again.content.decode()
    assert "This link does not work" in page
    assert "Choose a new password" not in page


def test_the_link_expires(client, cast, settings):
    # A token made (settings.PASSWORD_RESET_TIMEOUT + 1) seconds ago.
    generator = default_token_generator
    made = generator._num_seconds(generator._now()) - settings.PASSWORD_RESET_TIMEOUT - 1
    token = generator._make_token_with_timestamp(cast.iro, made, generator.secret)
    uid = urlsafe_base64_encode(force_bytes(cast.iro.pk))
    page = client.get(f"{RESET}{uid}/{token}/", follow=True).content.decode()
    assert "This link does not work" in page


@pytest.mark.parametrize(("password", "message"), [
    ("short-pw", "This password is too short. It must contain at least 12 characters."),
    ("password1234", "This password is too common."),
    ("739184627305", "This password is entirely numeric."),
    ("north iris iro", "The password is too like your name or email address."),
    ("north.iris.iro@north.ex", "The password is too like your name or email address."),
])
def test_a_new_password_must_follow_the_rules(client, cast, password, message):
    ask(client, cast.iro.email)
    form = client.get(link_in(mail.outbox[0]))["Location"]
    response = client.post(form, {"new_password1": password, "new_password2": password})
    assert response.status_code == 400
    assert message in response.content.decode()
    cast.iro.refresh_from_db()
    assert cast.iro.check_password(PASSWORD)


def test_the_two_new_passwords_must_match(client, cast):
    ask(client, cast.iro.email)
    form = client.get(link_in(mail.outbox[0]))["Location"]
    response = client.post(form, {"new_password1": NEW_PASSWORD, "new_password2": "other"})
    assert response.status_code == 400
    assert "The two new passwords are not the same" in response.content.decode()


def test_a_reset_signs_out_every_session_and_never_skips_the_second_factor(
        client, cast, two_factor_required):
    enrolled = enrol(cast.iro)
    elsewhere = Client()
    sign_in_with_password(elsewhere, cast.iro)
    elsewhere.post("/accounts/two-factor/code/", {"code": app_code(enrolled.secret, 1)})
    assert elsewhere.get("/work/").status_code == 200
    ask(client, cast.iro.email)
    form = client.get(link_in(mail.outbox[0]))["Location"]
    client.post(form, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert elsewhere.get("/work/")["Location"].startswith("/accounts/login/")
    sign_in_with_password(client, cast.iro, NEW_PASSWORD)
    assert client.get("/work/")["Location"].startswith("/accounts/two-factor/code/")


def test_no_reset_token_reaches_the_logs(client, cast, caplog):
    caplog.set_level(logging.DEBUG)
    ask(client, cast.iro.email)
    link = link_in(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    form = client.get(link)["Location"]
    client.post(form, {"new_password1": "short", "new_password2": "short"})
    client.post(form, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.get(link)
    assert token not in caplog.text


def test_the_development_servers_request_lines_hide_the_token():
    record = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s',
                               ("GET /accounts/password/reset/MQ/cx3k-1a2b3c4d5e6f/ HTTP/1.1",
                                "302", "0"), None)
    HideResetTokens().filter(record)
    assert record.getMessage() == '"GET /accounts/password/reset/MQ/[hidden]/ HTTP/1.1" 302 0'
    kept = logging.LogRecord("django.server", logging.INFO, __file__, 1,
                             "GET /accounts/password/reset/MQ/set-password/", (), None)
    HideResetTokens().filter(kept)
    assert kept.getMessage() == "GET /accounts/password/reset/MQ/set-password/"


def test_the_reset_pages_answer_only_get_head_and_post(client, db):
    assert client.put(RESET).status_code == 405
    assert client.delete("/accounts/password/reset/sent/").status_code == 405


@pytest.fixture
def console_log():
    """What the configured console handler (settings.LOGGING) writes, in memory."""
    handlers = {h for name in ("", "django", "django.server") for h in
                logging.getLogger(name).handlers if type(h) is logging.StreamHandler}
    stream = io.StringIO()
    previous = {handler: handler.setStream(stream) for handler in handlers}
    yield stream
    for handler, old in previous.items():
        handler.setStream(old)


@pytest.mark.parametrize("path", ["/invitation/{token}/",
                                  "/accounts/password/reset/MQ/{token}/"])
def test_no_log_line_holds_a_links_token(client, db, console_log, path):
    """A link's token is a key to an account: not in the request line of the development
    server, nor in the "Method Not Allowed" or refused-CSRF lines of any logger."""
    token = "cx3kQ9-secret-token-1a2b3c4d5e6f"
    address = path.format(token=token)
    # A reset link's page answers any method while its token is not valid (Django's
    # PasswordResetConfirmView checks the token first): no 405 line for it, nothing changed.
    assert client.put(address).status_code == (405 if "invitation" in path else 200)
    assert Client(enforce_csrf_checks=True).post(address).status_code == 403
    line = logging.LogRecord("django.server", logging.INFO, __file__, 1, '"%s" %s %s',
                             (f"GET {address} HTTP/1.1", "302", "0"), None)
    logging.getLogger("django.server").handle(line)
    written = console_log.getvalue()
    assert "CSRF" in written
    assert ("Method Not Allowed" in written) == ("invitation" in path)
    assert token not in written
