"""Safeguarding concerns as the rest of Leaver sees them, without importing leaver.safeguarding.

Safeguarding sits above the pathways and reviews (ADR 0009), yet the kernel must tell it when
answers are saved, and the case page, the record, the IRO's review and "Your work" must show
that a concern exists. So the kernel keeps these hooks and leaver.safeguarding fills them in
its AppConfig.ready() (`register`). With nothing registered every hook answers "nothing".

What crosses here never holds a concern's words: only that it exists, its status, and its
address for those who may read it (the safeguarding leads and whoever raised it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation

OPEN_CONCERN_REFUSAL = (
    "There is an open safeguarding concern about this young person. Confirm that you know "
    "about it before you record that no action is needed.")


@dataclass(frozen=True)
class ConcernSummary:
    """One concern about a case, as anyone who can see the case may see it."""

    raised_at: dt.datetime
    status: str  # in words: "Raised: not yet acknowledged"
    is_open: bool
    url: str | None  # the concern's own page, only for those who may read it


@dataclass(frozen=True)
class ConcernWork:
    """An open concern on a safeguarding lead's "Your work"."""

    name: str  # the link's words: the leaver's name
    url: str
    hint: str  # where, and when it was raised
    todo: str  # "Acknowledge by 12:00 on Monday 3 March" / "Record the outcome"
    overdue: bool


class Provider(Protocol):
    def answers_saved(self, actor: User | None, case: Interview) -> None: ...

    def concerns_of(self, user: User, case: Interview) -> list[ConcernSummary]: ...

    def has_open_concern(self, case: Interview) -> bool: ...

    def raise_url(self, user: User, case: Interview) -> str | None: ...

    def work_for(self, user: User) -> list[ConcernWork]: ...

    def settings_summary(self, organisation: Organisation) -> list[tuple[str, str]]: ...


_provider: Provider | None = None


def register(provider: Provider) -> None:
    """Called by leaver.safeguarding's AppConfig.ready(). Registering again replaces."""
    global _provider  # one provider per process, set once at start-up
    _provider = provider


def answers_saved(actor: User | None, case: Interview) -> None:
    """Called by leaver.cases.answers after answers (a draft section or the whole record) are
    saved, inside the same transaction: a safeguarding trigger they meet raises a concern."""
    if _provider is not None:
        _provider.answers_saved(actor, case)


def concerns_of(user: User, case: Interview) -> list[ConcernSummary]:
    return _provider.concerns_of(user, case) if _provider is not None else []


def has_open_concern(case: Interview) -> bool:
    return _provider.has_open_concern(case) if _provider is not None else False


def raise_url(user: User, case: Interview) -> str | None:
    """Where this user raises a concern about the case by hand; None if they may not."""
    return _provider.raise_url(user, case) if _provider is not None else None


def work_for(user: User) -> list[ConcernWork]:
    return _provider.work_for(user) if _provider is not None else []


def settings_summary(organisation: Organisation) -> list[tuple[str, str]]:
    """The rows of the "Safeguarding" card in the organisation settings area."""
    return _provider.settings_summary(organisation) if _provider is not None else []


def refuse_no_action_unless_known(case: Interview, *, knows_of_concern: bool) -> None:
    """The IRO may record "no action needed" on a case with an open concern only after
    saying they know about it (the concern goes on through the safeguarding leads)."""
    if not knows_of_concern and has_open_concern(case):
        raise ActionRefused(OPEN_CONCERN_REFUSAL)
