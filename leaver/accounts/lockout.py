"""How django-axes names the account being tried: the email as the login form reads it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from leaver.accounts.emails import normalise_email


def username_from_request(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    # The same normalisation as the login form and the account lookup: "Alice@X",
    # " alice@x " and "ａｌｉｃｅ＠ｘ" are one account, so no spelling buys more guesses.
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return normalise_email(value)
