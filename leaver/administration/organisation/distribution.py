"""The organisation's distribution rules: who receives a copy of each interview record
besides those the pathway always sends it to (its definition's `always_distributed`).

A rule names a role, meaning its holders *for this leaver* (cases.sharing: the young person's
own social worker, not every social worker), or one named person. The roles a rule may name
and their plain-English words come from the pathway's definition (`distribution_roles`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from leaver.accounts.models import User
from leaver.administration.events import OrganisationEvent
from leaver.administration.organisation.guard import record, refuse_unless_admin
from leaver.cases import engine
from leaver.cases.engine import Definition
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import DistributionRecipient, Organisation, Pathway, Role

# People whose roles never read an individual record (DESIGN §1: senior managers see
# aggregates only; an admin runs the organisation) cannot be named on their own account.
NOT_READERS = frozenset({Role.SENIOR_MANAGER, Role.ORG_ADMIN})


def definition_for(pathway: Pathway) -> Definition | None:
    """The pathway's definition, or None while the pathway is not built yet or keeps no
    distribution list."""
    return next((d for d in engine.definitions()
                 if d.pathway == pathway and d.has_distribution_list), None)


def pathways() -> list[Pathway]:
    """The pathways that exist (have a definition) and keep a distribution list, in the
    order of Pathway."""
    built = {d.pathway for d in engine.definitions() if d.has_distribution_list}
    return [p for p in Pathway if p.value in built]


def nameable_people(organisation: Organisation, pathway: Pathway) -> QuerySet[User]:
    definition = definition_for(pathway)
    never = definition.never_distributed_to if definition else frozenset()
    readers = [r for r in Role if r not in NOT_READERS and r not in never]
    return roles.users_with_any_role(organisation.pk, readers)


def person_words(user: User) -> str:
    """"Alex Jones (Children's Services Manager)": a person by name and roles."""
    held = [str(Role(r).label) for r in sorted(roles.roles_of(user))]
    words = f"{user.full_name} ({', '.join(held)})" if held else user.full_name
    if not user.is_active:
        words += ": account switched off, so gets nothing"
    return words


def role_words(pathway: Pathway, role: str) -> str:
    definition = definition_for(pathway)
    if definition is None:
        return f"Every {Role(role).label}"
    phrase = definition.distribution_roles.get(Role(role)) or definition.phrase(Role(role))
    return phrase[:1].upper() + phrase[1:]


def describe(rule: DistributionRecipient) -> str:
    if rule.user is not None:
        return person_words(rule.user)
    return role_words(Pathway(rule.pathway), rule.role)


@dataclass(frozen=True)
class Rule:
    """A rule as it is being added (before the check page): a role or a person."""

    role: str = ""
    user: User | None = None


@transaction.atomic
def add_rule(*, actor: User, organisation: Organisation, pathway: Pathway, rule: Rule
             ) -> DistributionRecipient:
    refuse_unless_admin(actor, organisation)
    definition = definition_for(pathway)
    if definition is None:
        raise ActionRefused("That pathway has no interviews yet.")
    if bool(rule.role) == (rule.user is not None):
        raise ActionRefused("Choose a role or a named person.")
    existing = DistributionRecipient.objects.filter(organisation=organisation, pathway=pathway)
    if rule.user is not None:
        if not nameable_people(organisation, pathway).filter(pk=rule.user.pk).exists():
            raise ActionRefused("Choose a person from the list.")
        if existing.filter(user=rule.user).exists():
            raise ActionRefused(f"{rule.user.full_name} already gets a copy.")
        created = DistributionRecipient.objects.create(
            organisation=organisation, pathway=pathway, user=rule.user)
    else:
        if rule.role not in definition.distribution_roles:
            raise ActionRefused("Choose a role from the list.")
        if existing.filter(role=rule.role).exists():
            raise ActionRefused(f"That rule is already there: “{role_words(pathway, rule.role)}”.")
        created = DistributionRecipient.objects.create(
            organisation=organisation, pathway=pathway, role=rule.role)
    record(actor, organisation, OrganisationEvent.DISTRIBUTION_RULE_ADDED, "distribution_rule",
           created.public_id, pathway=pathway.value, role=created.role,
           user=str(rule.user.public_id) if rule.user else None)
    return created


@transaction.atomic
def remove_rule(*, actor: User, rule: DistributionRecipient) -> None:
    organisation = rule.organisation
    refuse_unless_admin(actor, organisation)
    deleted, _ = DistributionRecipient.objects.filter(pk=rule.pk).delete()
    if not deleted:
        raise ActionRefused("That rule has already been removed.")
    record(actor, organisation, OrganisationEvent.DISTRIBUTION_RULE_REMOVED,
           "distribution_rule", rule.public_id, pathway=rule.pathway, role=rule.role,
           user=str(rule.user.public_id) if rule.user else None)
