"""Who receives a young person's record when it is submitted (seed 002 §3 and §5).

The allocated IRO always (the only IRO told). Unless circulation is restricted: the
organisation's distribution list for the pathway and, by default, the manager(s) of the home
the young person is leaving (`DISTRIBUTED_BY_DEFAULT`: "copies of interviews will normally be
sent to service providers"). The home's copies are distribution copies, so restricting
circulation later withdraws them like the list's.
"""

from __future__ import annotations

from django.urls import reverse

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview, RecordShare, ShareReason
from leaver.cases.sharing import distribute_record
from leaver.notifications.email import notify
from leaver.organisations import roles
from leaver.organisations.models import Role
from leaver.pathways.young_person.definition import DISTRIBUTED_BY_DEFAULT


def holders(interview: Interview, role: Role) -> list[User]:
    """The people holding `role` for this young person (their IRO, their home's managers)."""
    return [u for u in roles.holders_of_role(interview.organisation_id, role)
            if engine.acts_as(u, interview, role)]


def home_managers(interview: Interview) -> list[User]:
    return [u for role in sorted(DISTRIBUTED_BY_DEFAULT) for u in holders(interview, role)]


def send_record(interview: Interview, *, restricted: bool) -> list[User]:
    """Share the record and tell everyone who may now read it (a link, no personal data)."""
    recipients = {u.pk: u for u in distribute_record(interview, restricted=restricted)}
    if not restricted:
        for manager in home_managers(interview):
            recipients[manager.pk] = manager
        RecordShare.objects.bulk_create(
            [RecordShare(interview=interview, user=u, reason=ShareReason.DISTRIBUTION)
             for u in recipients.values()], ignore_conflicts=True)
    notify([*holders(interview, Role.IRO), *recipients.values()],
           subject="An exit interview record is ready to read",
           path=reverse("young_person:record", args=[interview.public_id]))
    return list(recipients.values())
