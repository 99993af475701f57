"""Fixtures of the outbox tests: real local servers, and settings pointing at them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from leaver.notifications.tests.servers import NotifyServer, SmtpServer


@pytest.fixture
def smtp(settings) -> Iterator[SmtpServer]:
    """A local SMTP server that Django's real SMTP backend talks to."""
    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture
def notify_server(settings) -> Iterator[NotifyServer]:
    """A stand-in for GOV.UK Notify's API, used through Notify's own client."""
    server = NotifyServer()
    settings.EMAIL_PROVIDER = "notify"
    settings.NOTIFY_API_KEY = server.api_key
    settings.NOTIFY_TEMPLATE_ID = server.state.template_id
    settings.NOTIFY_BASE_URL = server.url
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()
