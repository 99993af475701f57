"""Where the current request comes from, so actions can audit without taking the request."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestOrigin:
    ip_address: str | None
    user_agent: str


current_origin: ContextVar[RequestOrigin | None] = ContextVar("current_origin", default=None)
