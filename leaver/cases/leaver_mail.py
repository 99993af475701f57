"""Emails to a leaver, who has no account: each carries one of their links
(leaver.cases.links). Like every email they go through the outbox in the caller's
transaction; the body is blanked once sent (the link is a key), and it names no one but says
which organisation it is from, so the leaver knows it is real."""

from __future__ import annotations

from leaver.accounts.models import User
from leaver.cases import links
from leaver.cases.models import Interview, LinkPurpose
from leaver.notifications.outbox import Draft, queue


def send_link(case: Interview, *, purpose: LinkPurpose, actor: User | None, to: str,
              subject: str, paragraphs: list[str]) -> str:
    """Issue a new link for `purpose` (ending the old one) and email it to `to`. Returns the
    token, for a printed letter with the same link."""
    token = links.issue(case=case, purpose=purpose, actor=actor)
    organisation = case.organisation
    body = "\n\n".join([
        *paragraphs,
        f"Use this link to {LinkPurpose(purpose).label}:\n{links.url_for(token)}",
        "The link is just for you. Please do not share it. It works for "
        f"{links.link_days(case.organisation_id)} days.",
        f"From {organisation.name}"
        + (f". Questions? Email {organisation.contact_email}" if organisation.contact_email
           else "."),
    ])
    queue([Draft(to=to, subject=f"{organisation.name}: {subject}", body=body,
                 organisation_id=case.organisation_id, secret=True)])
    return token
