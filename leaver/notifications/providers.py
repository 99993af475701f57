"""Handing one email to the outside world: SMTP (Django's email backend) or GOV.UK Notify,
chosen by EMAIL_PROVIDER. A provider raises whatever its library raises; `describe` turns that
into what the outbox may keep: the exception's class and its SMTP or HTTP code, never its
text (an SMTP server's reply often quotes the recipient's address).
"""

from __future__ import annotations

import contextlib
import smtplib
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient

from leaver.notifications.models import Message


class Provider(Protocol):
    def send(self, message: Message) -> None: ...

    def close(self) -> None: ...


class NotSent(Exception):
    """The provider took the message but says it sent nothing."""


class SmtpProvider:
    """One connection for a batch, opened on the first message and again after a failure."""

    def __init__(self) -> None:
        self._connection: BaseEmailBackend | None = None

    def send(self, message: Message) -> None:
        if self._connection is None:
            self._connection = get_connection(fail_silently=False)
            self._connection.open()
        email = EmailMessage(message.subject, message.body, None, [message.to],
                             connection=self._connection)
        if message.attachment_name:
            email.attach(message.attachment_name, message.attachment_text,
                         message.attachment_type or "text/plain")
        try:
            sent = email.send()
        except BaseException:
            self.close()
            raise
        if sent != 1:
            raise NotSent()

    def close(self) -> None:
        if self._connection is not None:
            # A connection that broke while sending cannot be closed politely.
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._connection.close()
            self._connection = None


class NotifyProvider:
    """GOV.UK Notify's generic template: its subject is ((subject)) and its body ((body))."""

    def __init__(self) -> None:
        self._client = NotificationsAPIClient(  # type: ignore[no-untyped-call]
            settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL,
            timeout=settings.EMAIL_TIMEOUT)

    def send(self, message: Message) -> None:
        # Notify sends no attachments (only a link to a document it keeps, which a calendar
        # cannot open), so an attachment is not sent this way: whoever attached one also put
        # what it holds (a meeting's date, time and place) in the body, which is sent.
        self._client.send_email_notification(  # type: ignore[no-untyped-call]
            email_address=message.to, template_id=settings.NOTIFY_TEMPLATE_ID,
            personalisation={"subject": message.subject, "body": message.body},
            reference=str(message.public_id))

    def close(self) -> None:
        self._client.request_session.close()


def provider() -> Provider:
    if settings.EMAIL_PROVIDER == "notify":
        return NotifyProvider()
    return SmtpProvider()


class Opened:
    """`with Opened() as p:` the configured provider, closed at the end of the batch."""

    def __enter__(self) -> Provider:
        self._provider = provider()
        return self._provider

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._provider.close()


@dataclass(frozen=True)
class Failure:
    error: str  # the exception's class name
    code: int | None  # the SMTP reply code or HTTP status, when there is one
    permanent: bool  # trying again cannot help (the address is refused or malformed)


def describe(exception: BaseException) -> Failure:
    name = type(exception).__name__[:100]
    if isinstance(exception, smtplib.SMTPRecipientsRefused):
        codes = [reply[0] for reply in exception.recipients.values()
                 if isinstance(reply, tuple) and reply and isinstance(reply[0], int)]
        code = codes[0] if codes else None
        return Failure(name, code, permanent=code is not None and code >= 500)
    if isinstance(exception, smtplib.SMTPResponseException):
        code = exception.smtp_code if isinstance(exception.smtp_code, int) else None
        return Failure(name, code, permanent=False)
    if isinstance(exception, APIError):
        # 400: Notify refuses this message as it is (a bad address, a team-only key). 403 is
        # a wrong key and 429/5xx pass: trying again after a fix or a wait can work.
        return Failure(name, exception.status_code, permanent=exception.status_code == 400)
    return Failure(name, None, permanent=False)
