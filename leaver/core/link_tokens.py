"""The secret of an emailed link, hidden wherever a path is written down.

A password reset link's token and an invitation link's token are keys to an account until
used or expired: /accounts/password/reset/<uid>/<token>/ and /invitation/<token>/; a leaver's
link (/you/<secret>.<signature>/, leaver.cases.links) opens their record. Their first
request carries the token (the pages then move it into the session and redirect). Both the
console log filter (leaver.accounts.logs) and gunicorn's access log (leaver.gunicorn_config)
write paths through this one function. It imports nothing of Django: gunicorn's master process
reads it before Django is set up.
"""

from __future__ import annotations

import re

_RESET = re.compile(r"(/password/reset/[^/\s]+/)(?!set-password/)[^/\s]+")
_INVITATION = re.compile(r"(/invitation/)(?!set-password/)[^/\s]+")
# A leaver's link has a dot between its secret and signature; the pages it leads to are
# /you/<uuid>/..., which have none and are left alone.
_LEAVER = re.compile(r"(/you/)[^/\s]*\.[^/\s]*")


def hide_link_tokens(text: str) -> str:
    """`text` (a path, or a log line holding one) with each link's token as "[hidden]"."""
    text = _INVITATION.sub(r"\1[hidden]", _RESET.sub(r"\1[hidden]", text))
    return _LEAVER.sub(r"\1[hidden]", text)
