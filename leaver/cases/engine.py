"""The transition engine every pathway runs on.

A pathway is data (`Definition`): its states, its transitions (each names the states it may
start from, the state it leads to, the roles that may take it and the audit event it writes),
and the relations that decide whether someone holding a role acts in it *for this case* (the
young person's social worker, the assigned interviewer, a manager of the home). Pathways
register their definition when Django starts (`register`); the engine looks it up by the
case's `pathway` and never asks which pathway it is running.

Every action takes its step the same way, inside one transaction:

    case = lock(case)                 # row lock: two people cannot move it at once
    check(actor, case, "schedule")    # ActionRefused unless this person may take it now
    ...validate and write...
    take(actor, case, "schedule")     # the new state, saved, and one audit row

`check` is also what pages ask before showing a step, and `may` what buttons ask.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from django.db import models
from django.db.models import Q
from django.urls import reverse

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.audit.events import Event
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import Role


@dataclass(frozen=True)
class Relation:
    """How a holder of a role is connected to one case: as a test on a case in memory and
    as the same rule for a database filter on cases (for lists)."""

    holds: Callable[[User, Interview], bool]
    cases: Callable[[User], Q]


# Relations that mean the same in every pathway.
ASSIGNED_INTERVIEWER = Relation(
    holds=lambda user, case: case.interviewer_id == user.pk,
    cases=lambda user: Q(interviewer=user),
)
SETTING_MANAGER = Relation(
    holds=lambda user, case: case.setting_id in roles.managed_setting_ids(user),
    cases=lambda user: Q(setting_id__in=roles.managed_setting_ids(user)),
)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the step keeps the state (e.g. the letter is sent)
    roles: frozenset[Role]  # empty: taken by Leaver itself when its conditions are met
    event: Event  # the audit row it writes


@dataclass(frozen=True)
class ReviewWords:
    """How a pathway words the review of a record (leaver.reviews): what the reviewer issues,
    who the reviewer is, who the leaver is, and what the review asks for beyond that."""

    recommendation: str = "recommendation"  # one of what the reviewer issues, in lower case
    reviewer: str = "the IRO"
    leaver: str = "the young person"
    # A plain-words version of each recommendation, for the leaver's letter.
    leaver_text: bool = True
    # The case ends with a letter to the leaver (written and sent by the reviewer).
    has_letter: bool = True
    # The reviewer may let an owner read the record.
    may_share_record: bool = True
    # How a page names the leaver to someone who does not read the record, when the pathway
    # hides their name ({setting}: the place they left), e.g. "A member of staff at {setting}".
    someone: str = ""

    @property
    def title(self) -> str:
        return self.recommendation[:1].upper() + self.recommendation[1:]

    @property
    def plural(self) -> str:
        return f"{self.recommendation}s"

    @property
    def a(self) -> str:
        """"a recommendation", "an action"."""
        return f"{'an' if self.recommendation[:1] in 'aeiou' else 'a'} {self.recommendation}"


@dataclass(frozen=True)
class Definition:
    """One pathway, as data. Nothing in the kernel changes when a pathway is added."""

    pathway: str  # organisations.Pathway value stored on the case
    states: type[models.TextChoices]
    initial: str
    terminal: frozenset[str]
    transitions: Mapping[str, Transition]
    # Roles that see every case of the pathway in their organisation.
    oversight: frozenset[Role]
    # Roles that act for a case only through a relation; a role not named here acts for
    # every case of its organisation.
    relations: Mapping[Role, Relation]
    # How a refusal names who can take a step ("the young person's allocated social worker").
    role_phrases: Mapping[Role, str]
    # URL names of the case page and the record page (reverse(name, args=[public_id])).
    case_url: str
    record_url: str
    # Named groups of states other packages may ask about without knowing the pathway
    # (e.g. "taking_responses" for reviews).
    stages: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Who, beyond those the record is shared with, reads the record; who sees the leaver's
    # contact details; who sees every recommendation of a case (and its letter).
    record_readers: frozenset[Role] = frozenset()
    contact_readers: frozenset[Role] = frozenset()
    recommendation_readers: frozenset[Role] = frozenset()
    # Who still sees the contact details once the case has ended (terminal states).
    contact_readers_after_closing: frozenset[Role] = frozenset()
    # Roles that never receive the record through the distribution list.
    never_distributed_to: frozenset[Role] = frozenset()
    # For the organisation's own distribution rules (its admin pages): the roles a rule may
    # name, each saying in plain English who that means for one leaver, and who receives
    # every record whatever the rules say.
    distribution_roles: Mapping[Role, str] = field(default_factory=dict)
    always_distributed: tuple[str, ...] = ()
    # False: the pathway's readers are fixed (the staff pathway: the leaver's own choice of
    # confidentiality decides), so the organisation keeps no distribution list for it.
    has_distribution_list: bool = True
    # The people connected to the leaver, in this order, offered first as owners of a
    # recommendation (and named by that role in the letter).
    connected_roles: tuple[Role, ...] = ()
    # The leaver's postal address as lines (empty: none known), and the language of the
    # letter written to them: "en" or "cy" (Welsh).
    postal_address: Callable[[Interview], list[str]] = field(default=lambda case: [])
    letter_language: Callable[[Interview], str] = field(default=lambda case: "en")
    # How the review is worded and what it asks for (leaver.reviews).
    review_words: ReviewWords = ReviewWords()
    # The organisations.Deadlines field giving the working days the review may take; when
    # set, leaver.reviews chases the review and its recommendations (empty: the pathway
    # chases them itself, as the young person's does).
    review_days: str = ""
    # Whether the leaver chose not to be named to people who do not read the record.
    anonymous: Callable[[Interview], bool] = field(default=lambda case: False)
    # The leaver's own pages (leaver.cases.you). The wording they read: "" (English), "cy"
    # (Welsh) or "easy" (easy read). What the pathway stores when they reply to the offer
    # (None: it offers no reply). Users never offered as their interviewer (their line
    # manager). True: answering the questions themselves makes the record at once (else the
    # answers become the interviewer's draft).
    leaver_language: Callable[[Interview], str] = field(default=lambda case: "")
    on_leaver_reply: Callable[[Interview, dict[str, Any]], None] | None = None
    not_interviewers: Callable[[Interview], frozenset[int]] = field(
        default=lambda case: frozenset())
    self_completion_makes_record: bool = False
    # The leaver is a child: their pages use plain words (reading age about 9) and easy read,
    # faces beside scale questions, and Childline when told who will hear of a worry.
    leaver_is_child: bool = False

    def state_label(self, state: str) -> str:
        return str(self.states(state).label)

    def phrase(self, role: Role) -> str:
        return self.role_phrases.get(role, Role(role).label)


_REGISTRY: dict[str, Definition] = {}


def register(definition: Definition) -> None:
    """Called by a pathway's AppConfig.ready(). Registering twice replaces (autoreload)."""
    _REGISTRY[definition.pathway] = definition


def definitions() -> Iterable[Definition]:
    return _REGISTRY.values()


def definition_of(case: Interview) -> Definition:
    try:
        return _REGISTRY[case.pathway]
    except KeyError:
        raise LookupError(f"No pathway is registered for {case.pathway!r}.") from None


def definition_named(pathway: str) -> Definition:
    return _REGISTRY[pathway]


def state_label(case: Interview) -> str:
    return definition_of(case).state_label(case.state)


def case_url(case: Interview) -> str:
    return reverse(definition_of(case).case_url, args=[case.public_id])


def record_url(case: Interview) -> str:
    return reverse(definition_of(case).record_url, args=[case.public_id])


def in_stage(case: Interview, stage: str) -> bool:
    return case.state in definition_of(case).stages.get(stage, frozenset())


def acts_as(user: User, case: Interview, role: Role) -> bool:
    """Whether the user holds `role` *for this case*, not just somewhere."""
    if not user.is_authenticated or user.organisation_id != case.organisation_id:
        return False
    if role not in roles.roles_of(user):
        return False
    relation = definition_of(case).relations.get(role)
    return relation is None or relation.holds(user, case)


def acts_as_any(user: User, case: Interview, held: Iterable[Role]) -> bool:
    return any(acts_as(user, case, role) for role in held)


def may(user: User | None, case: Interview, name: str) -> bool:
    transition = definition_of(case).transitions[name]
    if case.state not in transition.sources:
        return False
    if user is None:
        return not transition.roles
    return acts_as_any(user, case, transition.roles)


def where_may(user: User, pathway: str, name: str) -> Q | None:
    """`may` as a database filter: the cases of this pathway in the user's organisation on
    which they may take `name` now; None when they hold none of its roles (no query needed).
    Lists use it so that the rules are applied by the database, not case by case."""
    definition = definition_named(pathway)
    transition = definition.transitions[name]
    held = roles.roles_of(user) & transition.roles
    if not held or user.organisation_id is None:
        return None
    scope = Q(organisation_id=user.organisation_id, pathway=definition.pathway,
              state__in=transition.sources)
    relations = [definition.relations.get(Role(role)) for role in held]
    if any(relation is None for relation in relations):  # acts for every case there
        return scope
    related: Q = reduce(operator.or_, (r.cases(user) for r in relations if r is not None))
    return scope & related


def check(user: User | None, case: Interview, name: str) -> Transition:
    """Raise ActionRefused unless `user` (None: Leaver itself) may take `name` now."""
    definition = definition_of(case)
    transition = definition.transitions[name]
    back = {"back_url": case_url(case), "back_label": "Back to the case"}
    if case.state not in transition.sources:
        raise ActionRefused(
            f"This can't be done now: the case is “{definition.state_label(case.state)}”.",
            **back)
    if user is None:
        if transition.roles:
            raise ActionRefused("This step must be taken by a person.", **back)
        return transition
    if not transition.roles:
        raise ActionRefused("Leaver takes this step by itself when its conditions are met.",
                            **back)
    if not acts_as_any(user, case, transition.roles):
        who = " or ".join(definition.phrase(r) for r in sorted(transition.roles))
        raise ActionRefused(f"Only {who} can do this.", **back)
    return transition


def available(user: User, case: Interview) -> list[Transition]:
    """Transitions this user could take now, for the buttons on the case page."""
    return [t for t in definition_of(case).transitions.values()
            if t.roles and may(user, case, t.name)]


def lock(case: Interview) -> Interview:
    """Re-read the case under a row lock so two people cannot move it at once."""
    # of=("self",): PostgreSQL cannot lock the nullable side of an outer join.
    return Interview.objects.select_for_update(of=("self",)).select_related(
        "setting", "interviewer"
    ).get(pk=case.pk)


def record_event(actor: User | None, case: Interview, event: Event, **detail: Any) -> None:
    """One audit row about this case (also its timeline), with its state at that moment."""
    audit.record(
        actor=actor, action=event, object_type="interview", object_id=case.public_id,
        organisation_id=case.organisation_id, detail={"state": case.state, **detail},
    )


def take(actor: User | None, case: Interview, name: str, **detail: Any) -> Transition:
    """Check, move the case to the transition's target, save it and audit the step."""
    transition = check(actor, case, name)
    before = case.state
    if transition.target is not None:
        case.state = transition.target
    case.save()
    record_event(actor, case, transition.event, previous_state=before, **detail)
    return transition
