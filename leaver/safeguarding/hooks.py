"""What safeguarding gives the case kernel's hooks (leaver.cases.concerns), registered in
SafeguardingConfig.ready(): the kernel calls these without importing this package."""

from __future__ import annotations

from django.urls import reverse

from leaver.accounts.models import User
from leaver.cases.concerns import ConcernSummary, ConcernWork
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation
from leaver.safeguarding import access, queries, raising
from leaver.safeguarding.models import OPEN, Concern


class Hooks:
    def answers_saved(self, actor: User | None, case: Interview) -> None:
        raising.raise_from_answers(actor=actor, case=case)

    def concerns_of(self, user: User, case: Interview) -> list[ConcernSummary]:
        return queries.summaries(user, case)

    def has_open_concern(self, case: Interview) -> bool:
        return Concern.objects.filter(interview=case, status__in=OPEN).exists()

    def raise_url(self, user: User, case: Interview) -> str | None:
        if not access.may_raise(user, case):
            return None
        return reverse("safeguarding:raise", args=[case.public_id])

    def work_for(self, user: User) -> list[ConcernWork]:
        return queries.work_for(user)

    def settings_summary(self, organisation: Organisation) -> list[tuple[str, str]]:
        return queries.settings_summary(organisation.pk)


HOOKS = Hooks()
