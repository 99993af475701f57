"""Who receives a copy of a record (seed 002 §3: the IRO always, and the organisation's
distribution list for the pathway), sharing it with one person, and restricting that
circulation (seed 002 §5)."""

from __future__ import annotations

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview, RecordShare, ShareReason
from leaver.organisations import roles
from leaver.organisations.models import DistributionRecipient, Role


def distribution_list(interview: Interview) -> list[User]:
    """The people named by the organisation's distribution rule for this record. A role
    means the holders of that role *for this young person* (their social worker, their
    home's managers), never everyone with the role."""
    people: dict[int, User] = {}
    rules = DistributionRecipient.objects.filter(
        organisation_id=interview.organisation_id, pathway=interview.pathway
    ).select_related("user")
    for rule in rules:
        if rule.user is not None:
            if rule.user.organisation_id == interview.organisation_id and rule.user.is_active:
                people[rule.user.pk] = rule.user
            continue
        holders = roles.holders_of_role(interview.organisation_id, Role(rule.role))
        for user in holders:
            if engine.acts_as(user, interview, Role(rule.role)):
                people[user.pk] = user
    # Some roles never receive the record, even if a rule names them (the pathway says which).
    excluded = engine.definition_of(interview).never_distributed_to
    return [u for u in people.values() if not engine.acts_as_any(u, interview, excluded)]


def distribute_record(interview: Interview, *, restricted: bool) -> list[User]:
    if restricted:
        return []
    recipients = distribution_list(interview)
    RecordShare.objects.bulk_create(
        [RecordShare(interview=interview, user=u, reason=ShareReason.DISTRIBUTION)
         for u in recipients],
        ignore_conflicts=True,
    )
    return recipients


def share_with(interview: Interview, user: User) -> None:
    # update_or_create: a copy the IRO chose to give survives a later restriction, even
    # when the person already had one from the distribution list.
    RecordShare.objects.update_or_create(
        interview=interview, user=user, defaults={"reason": ShareReason.SHARED_BY_IRO}
    )


def withdraw_distribution(interview: Interview) -> int:
    deleted, _ = RecordShare.objects.filter(
        interview=interview, reason=ShareReason.DISTRIBUTION
    ).delete()
    return deleted
