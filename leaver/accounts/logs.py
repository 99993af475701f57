"""Keeps the tokens of emailed links out of the logs.

A password reset link's token and an invitation link's token are keys to an account until
used or expired. The development server logs every request line, and Django's and Leaver's
own loggers write the path of a refused method or a failed CSRF check: this filter blanks the
token (in /accounts/password/reset/<uid>/<token>/ and /invitation/<token>/) in every record
the console handler writes (settings.LOGGING). gunicorn's access log has its own redaction
(leaver.gunicorn_config.redact_path).
"""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"(/password/reset/[^/\s]+/)(?!set-password/)[^/\s]+")
_INVITATION = re.compile(r"(/invitation/)(?!set-password/)[^/\s]+")


class HideResetTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = _INVITATION.sub(r"\1[hidden]", _TOKEN.sub(r"\1[hidden]", message))
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True
