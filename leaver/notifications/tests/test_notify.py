"""GOV.UK Notify as the provider, through Notify's own Python client against a local server
speaking its API (JWT-signed requests, the generic template with ((subject)) and ((body))).
And the settings: choosing Notify without a proper key or template stops start-up."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from django.utils import timezone

from leaver.notifications.email import notify
from leaver.notifications.models import Message, Status
from leaver.notifications.sender import send_due

ROOT = Path(__file__).resolve().parents[3]


def test_a_message_goes_through_notify_with_the_generic_template(cast, notify_server):
    notify([cast.iro], subject="A record is waiting for your review", path="/cases/x/",
           action="Review the record", due=dt.date(2027, 1, 4))
    assert send_due() == 1
    [sent] = notify_server.state.sent
    message = Message.objects.get(to=cast.iro.email)
    assert sent["email_address"] == cast.iro.email
    assert sent["template_id"] == notify_server.state.template_id
    assert sent["personalisation"]["subject"] == "Leaver: A record is waiting for your review"
    assert "What to do: Review the record" in sent["personalisation"]["body"]
    assert sent["reference"] == str(message.public_id)
    assert message.status == Status.SENT


def test_notify_down_is_retried_and_a_refused_message_is_given_up(cast, notify_server):
    notify([cast.iro], subject="Something", path="/work/")
    notify_server.state.answer = 500
    now = timezone.now()
    assert send_due(now) == 0
    message = Message.objects.get(to=cast.iro.email, subject="Leaver: Something")
    assert (message.status, message.attempts, message.last_error, message.last_error_code) == (
        Status.QUEUED, 1, "HTTPError", 500)
    # Notify answers 400 when it will never send this message (the error names the address).
    notify_server.state.answer = 400
    assert send_due(now + dt.timedelta(minutes=1)) == 0
    message.refresh_from_db()
    assert (message.status, message.last_error_code) == (Status.FAILED, 400)
    assert cast.iro.email not in message.last_error


def test_a_wrong_key_is_refused_by_notify_and_retried(cast, notify_server, settings):
    other = notify_server.api_key[:-36] + "00000000-0000-4000-8000-000000000000"
    settings.NOTIFY_API_KEY = other
    notify([cast.iro], subject="Something", path="/work/")
    assert send_due() == 0
    message = Message.objects.get(to=cast.iro.email, subject="Leaver: Something")
    assert (message.status, message.last_error_code) == (Status.QUEUED, 403)
    assert notify_server.state.sent == []


SHOW = ("import django; django.setup(); from django.conf import settings; "
        "print(settings.EMAIL_PROVIDER, settings.NOTIFY_TEMPLATE_ID or '-')")
KEY = ("leaver_live-26785a09-ab16-4eb0-8407-a37497a57506-"
       "3d844edf-8d35-48ac-975b-e847b4f122b0")
TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"


def start(**variables: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("NOTIFY_", "EMAIL_"))}
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**environment, "DEBUG": "true", **variables,
             "DJANGO_SETTINGS_MODULE": "leaver.settings"}, check=False)


def test_smtp_is_the_default_and_notify_starts_with_a_key_and_a_template():
    assert start().stdout.split() == ["smtp", "-"]
    result = start(EMAIL_PROVIDER="notify", NOTIFY_API_KEY=KEY, NOTIFY_TEMPLATE_ID=TEMPLATE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["notify", TEMPLATE]


def test_a_missing_or_malformed_notify_setting_stops_start_up_naming_it():
    for variables, message in [
        ({"EMAIL_PROVIDER": "pigeon"}, "EMAIL_PROVIDER must be one of smtp, notify"),
        ({"EMAIL_PROVIDER": "notify", "NOTIFY_TEMPLATE_ID": TEMPLATE},
         "NOTIFY_API_KEY must be set"),
        ({"EMAIL_PROVIDER": "notify", "NOTIFY_API_KEY": "not-a-key",
          "NOTIFY_TEMPLATE_ID": TEMPLATE}, "NOTIFY_API_KEY must be a GOV.UK Notify API key"),
        ({"EMAIL_PROVIDER": "notify", "NOTIFY_API_KEY": KEY[len("leaver_live-"):],
          "NOTIFY_TEMPLATE_ID": TEMPLATE}, "NOTIFY_API_KEY must be a whole GOV.UK Notify"),
        ({"EMAIL_PROVIDER": "notify", "NOTIFY_API_KEY": KEY}, "NOTIFY_TEMPLATE_ID must be set"),
        ({"EMAIL_PROVIDER": "notify", "NOTIFY_API_KEY": KEY, "NOTIFY_TEMPLATE_ID": "welcome"},
         "NOTIFY_TEMPLATE_ID must be a UUID"),
        ({"DIGEST_HOUR": "25"}, "DIGEST_HOUR must be an hour from 0 to 23"),
    ]:
        result = start(**variables)
        assert result.returncode != 0, variables
        assert message in result.stderr, (variables, result.stderr[-500:])
