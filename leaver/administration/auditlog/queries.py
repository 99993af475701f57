"""Reading one organisation's audit log: the rows a set of filters selects, newest first, and
what each row is about in words an admin reads.

Every query starts from the admin's organisation: a filter can only narrow it, so a case or
person of another organisation never brings its rows in. The filters use the log's indexes
(organisation and time, event name, object, actor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.audit.vocabulary import label_of
from leaver.cases import engine
from leaver.cases.access import cases_visible_to
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation
from leaver.questionnaires.models import Template, Version


@dataclass(frozen=True)
class Filters:
    person: str = ""
    case: Interview | None = None
    user: User | None = None
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @classmethod
    def from_form(cls, data: Mapping[str, Any]) -> Filters:
        return cls(person=data.get("person") or "", case=data.get("case"),
                   user=data.get("user"), action=data.get("action") or "",
                   date_from=data.get("date_from"), date_to=data.get("date_to"))

    def detail(self) -> dict[str, str]:
        """The filters for the audit row of this reading: values only, no words of ours."""
        values = {
            "person": self.person,
            "case": str(self.case.public_id) if self.case else "",
            "user": str(self.user.public_id) if self.user else "",
            "action": self.action,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
        }
        return {name: value for name, value in values.items() if value}


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the service's time zone (Europe/London)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def rows_for(organisation: Organisation, filters: Filters) -> QuerySet[AuditEvent]:
    rows = AuditEvent.objects.filter(organisation=organisation)
    if filters.case is not None:
        rows = rows.filter(object_type="interview", object_id=filters.case.public_id)
    if filters.person:
        cases = Interview.objects.filter(organisation=organisation,
                                         leaver_name__icontains=filters.person)
        rows = rows.filter(object_type="interview", object_id__in=cases.values("public_id"))
    if filters.user is not None:
        # What they did, and what happened to their account (e.g. failed sign-ins).
        rows = rows.filter(Q(actor=filters.user)
                           | Q(object_type="user", object_id=filters.user.public_id))
    if filters.action:
        rows = rows.filter(action=filters.action)
    if filters.date_from is not None:
        rows = rows.filter(at__gte=_start_of(filters.date_from))
    if filters.date_to is not None and filters.date_to < dt.date.max:
        rows = rows.filter(at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    return rows.select_related("actor").order_by("-at", "-id")


@dataclass(frozen=True)
class Row:
    at: dt.datetime  # in the service's time zone
    who: str
    who_email: str
    what: str
    action: str
    young_person: str
    case_reference: str
    case_url: str  # empty when this admin may not open the case
    about: str  # for rows not about a case: the account, the questionnaire, the audit log
    ip_address: str


_ABOUT = {"audit_log": "The audit log"}


class Describer:
    """Turns audit rows into `Row`s, looking up the cases, accounts and questionnaires they
    name in a few queries per batch, and only inside the admin's organisation."""

    def __init__(self, admin: User, organisation: Organisation) -> None:
        self.admin = admin
        self.organisation = organisation

    def describe(self, events: Sequence[AuditEvent]) -> list[Row]:
        ids: dict[str, set[Any]] = {}
        for event in events:
            if event.object_id is not None:
                ids.setdefault(event.object_type, set()).add(event.object_id)
        cases = {case.public_id: case for case in Interview.objects.filter(
            organisation=self.organisation, public_id__in=ids.get("interview", ()))
            .only("public_id", "leaver_name", "pathway")}
        openable = set(cases_visible_to(self.admin).filter(public_id__in=list(cases))
                       .values_list("public_id", flat=True))
        accounts = dict(User.objects.filter(
            organisation=self.organisation, public_id__in=ids.get("user", ()))
            .values_list("public_id", "full_name"))
        questionnaires = self._questionnaires(ids)
        return [self._row(event, cases, openable, accounts, questionnaires) for event in events]

    def _questionnaires(self, ids: Mapping[str, Iterable[Any]]) -> dict[Any, str]:
        names = {
            public_id: f"Questionnaire {key}"
            for public_id, key in Template.objects.filter(
                organisation=self.organisation,
                public_id__in=ids.get("questionnaire_template", ()))
            .values_list("public_id", "key")
        }
        for public_id, key, number in Version.objects.filter(
                template__organisation=self.organisation,
                public_id__in=ids.get("questionnaire_version", ())).values_list(
                "public_id", "template__key", "number"):
            names[public_id] = f"Questionnaire {key}, version {number}"
        return names

    def _row(self, event: AuditEvent, cases: Mapping[Any, Interview], openable: set[Any],
             accounts: Mapping[Any, str], questionnaires: Mapping[Any, str]) -> Row:
        case = cases.get(event.object_id) if event.object_type == "interview" else None
        about = ""
        if event.object_type == "user":
            email = (event.detail or {}).get("email", "")
            name = accounts.get(event.object_id, "")
            about = f"Account of {name}" if name else "No account of your organisation"
            if email:
                about += f" ({email})"
        elif event.object_type.startswith("questionnaire"):
            about = questionnaires.get(event.object_id, "A questionnaire")
        elif case is None:
            about = _ABOUT.get(event.object_type, "")
        return Row(
            at=timezone.localtime(event.at),
            who=event.actor.full_name if event.actor else "Not signed in",
            who_email=event.actor.email if event.actor else "",
            what=label_of(event.action),
            action=event.action,
            young_person=case.leaver_name if case else "",
            case_reference=str(case.public_id) if case else "",
            case_url=engine.case_url(case) if case and case.public_id in openable else "",
            about=about,
            ip_address=event.ip_address or "",
        )
