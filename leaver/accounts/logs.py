"""Keeps the tokens of emailed links out of the logs.

A password reset link's token and an invitation link's token are keys to an account until
used or expired. The development server logs every request line, and Django's and Leaver's
own loggers write the path of a refused method or a failed CSRF check: this filter blanks the
token (in /accounts/password/reset/<uid>/<token>/ and /invitation/<token>/) in every record
the console handler writes (settings.LOGGING). gunicorn's access log has its own redaction
(leaver.gunicorn_config); both use leaver.core.link_tokens.
"""

from __future__ import annotations

import logging

from leaver.core.link_tokens import hide_link_tokens


class HideResetTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = hide_link_tokens(message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True
