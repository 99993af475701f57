"""How django-axes names the account being tried: the email as the login form reads it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def username_from_request(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    # The same normalisation as LoginForm.clean_username: "Alice@X" and "alice@x " are one
    # account, so changing the case cannot buy more guesses.
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(value).strip().lower()
