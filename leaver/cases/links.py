"""The leaver's links: signed, single-purpose, expiring, stored hashed (DESIGN §1, §4).

A leaver has no account. Each thing they may do (reply to the offer, answer the questions,
check and sign the record) has its own link:

    /you/<secret>.<signature>/

The secret is 32 random bytes; only its SHA-256 is stored, so a copy of the database opens
nothing. The signature is an HMAC of the secret and the link's purpose with the SECRET_KEY,
so a link that was cut short or changed is told apart from one that was never sent, and a
link is refused on a page made for another purpose. Nothing about the leaver is in the URL.

The first request carries the secret; the page moves the link into the session and redirects
to /you/<link public id>/..., so no later request (or log line, or Referer) holds it
(leaver.core.link_tokens hides it in the logs of that first request).

`issue` makes a link and ends the case's earlier link for the same purpose; `open_link`
turns a secret into its link or raises LinkRefused saying what happened, in the leaver's
words; `use` marks its one job done. Writing is the caller's transaction: these run inside
the action that sends, or that the leaver takes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from leaver.accounts.models import User
from leaver.cases.models import Interview, LeaverLink, LinkEnd, LinkPurpose
from leaver.organisations.models import LINK_DAYS_DEFAULT, Deadlines

_SALT = "leaver.cases.links"
_SIGNATURE_LENGTH = 22


class LinkRefused(Exception):
    """A link that cannot be used. `kind` says why (for tests and the audit log); `title`
    and `message` are what the leaver reads. `link` is set when the link was recognised."""

    def __init__(self, kind: str, title: str, message: str,
                 link: LeaverLink | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.title = title
        self.message = message
        self.link = link


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def _signature(secret: str, purpose: str) -> str:
    return salted_hmac(_SALT, f"{purpose}:{secret}", algorithm="sha256").hexdigest()[
        :_SIGNATURE_LENGTH]


def link_days(organisation_id: int) -> int:
    """How many days the organisation's links work (its deadlines settings, default 14)."""
    days = Deadlines.objects.filter(organisation_id=organisation_id).values_list(
        "link_days", flat=True).first()
    return days or LINK_DAYS_DEFAULT


def issue(*, case: Interview, purpose: LinkPurpose, actor: User | None,
          now: dt.datetime | None = None) -> str:
    """A new link for `case` and `purpose`, ending the live one before it. Returns the token
    to put in the URL (the only time it exists outside the leaver's email or letter)."""
    now = now or timezone.now()
    LeaverLink.objects.filter(
        interview=case, purpose=purpose, used_at__isnull=True, ended_at__isnull=True,
    ).update(ended_at=now, end_reason=LinkEnd.REPLACED)
    secret = secrets.token_urlsafe(32)
    LeaverLink.objects.create(
        interview=case, purpose=purpose, secret_sha256=_hash(secret), created_at=now,
        created_by=actor, expires_at=now + dt.timedelta(days=link_days(case.organisation_id)),
    )
    return f"{secret}.{_signature(secret, purpose)}"


def end_links(case: Interview, *purposes: LinkPurpose, now: dt.datetime | None = None) -> int:
    """End the case's live links for `purposes` (all, if none named): the case moved on, so
    they have nothing left to do. Returns how many were ended."""
    live = LeaverLink.objects.filter(interview=case, used_at__isnull=True,
                                     ended_at__isnull=True)
    if purposes:
        live = live.filter(purpose__in=purposes)
    return live.update(ended_at=now or timezone.now(), end_reason=LinkEnd.CASE_MOVED_ON)


def use(link: LeaverLink, now: dt.datetime | None = None) -> None:
    """The link's one job is done: it opens nothing after this."""
    link.used_at = now or timezone.now()
    link.save(update_fields=["used_at"])


def url_for(token: str) -> str:
    """The full address of a link, for emails and printed letters."""
    return f"{settings.SITE_URL.rstrip('/')}/you/{token}/"


def open_link(token: str, *, now: dt.datetime | None = None) -> LeaverLink:
    """The live link `token` names, or LinkRefused saying why not."""
    secret, _, signature = token.partition(".")
    if not secret or not signature:
        raise _broken()
    purposes = [p for p in LinkPurpose
                if hmac.compare_digest(signature, _signature(secret, p))]
    if not purposes:
        raise _broken()
    link = LeaverLink.objects.select_related("interview", "interview__organisation").filter(
        secret_sha256=_hash(secret)).first()
    if link is None or link.purpose != purposes[0]:
        raise LinkRefused(
            "unknown", "This link is not recognised",
            "We cannot find this link. It may be from a test email, or it may have been "
            "removed.")
    return check_live(link, now=now)


def check_live(link: LeaverLink, *, now: dt.datetime | None = None) -> LeaverLink:
    """`link` if it can still be used now, else LinkRefused saying why not."""
    now = now or timezone.now()
    if link.used_at is not None:
        raise LinkRefused(
            "used", "This link has already been used",
            "You have already done what this link was for, so it does not work any more.",
            link)
    if link.ended_at is not None:
        if link.end_reason == LinkEnd.REPLACED:
            raise LinkRefused(
                "replaced", "This link has been replaced",
                "A newer link was sent to you. Please use the newest one.", link)
        raise LinkRefused(
            "ended", "This link is no longer needed",
            "Things have moved on since this link was sent, so it does not work any more.",
            link)
    if link.expires_at <= now:
        raise LinkRefused(
            "expired", "This link has expired",
            f"This link stopped working on {timezone.localtime(link.expires_at):%d %B %Y}.",
            link)
    return link


def check_purpose(link: LeaverLink, purpose: LinkPurpose) -> None:
    """LinkRefused unless `link` was sent for `purpose`."""
    if link.purpose != purpose:
        raise LinkRefused(
            "wrong_purpose", "This link is for something else",
            f"This link lets you {LinkPurpose(link.purpose).label}. It cannot be used to "
            f"{purpose.label}.", link)


def _broken() -> LinkRefused:
    return LinkRefused(
        "tampered", "This link is not complete",
        "Part of this link is missing or has been changed. Please copy the whole link from "
        "your email or letter, or ask for a new one.")
