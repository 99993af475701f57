"""Keeps password-reset tokens out of the logs.

A reset link's token is a key to the account until it is used or expires; the development
server logs every request line, link included. This filter blanks the token (its URL is
/accounts/password/reset/<uid>/<token>/) in any record it is attached to (settings.LOGGING).
"""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"(/password/reset/[^/\s]+/)(?!set-password/)[^/\s]+")


class HideResetTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = _TOKEN.sub(r"\1[hidden]", message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True
