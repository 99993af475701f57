"""Writing the details printed in letters and on the privacy notice: the organisation's
address and contacts, and the contacts a young person can turn to (advocacy, complaints, the
Children's Commissioner for the organisation's nation)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.db import transaction

from leaver.accounts.models import User
from leaver.administration.events import OrganisationEvent
from leaver.administration.organisation.guard import record, refuse_unless_admin
from leaver.core.errors import ActionRefused
from leaver.organisations.models import (
    COMMISSIONER_CONTACTS,
    Commissioner,
    LetterContacts,
    Organisation,
)

# Each contact is a few lines in a letter.
CONTACT_MAX_LENGTH = 500


@dataclass(frozen=True)
class OrganisationDetails:
    address: str
    contact_email: str
    contact_phone: str
    data_protection_contact: str


@dataclass(frozen=True)
class Contacts:
    advocacy: str
    complaints: str
    commissioner: str
    commissioner_contact: str


def letter_contacts_of(organisation: Organisation) -> LetterContacts:
    """The organisation's letter contacts; unsaved defaults if it has none yet."""
    found = LetterContacts.objects.filter(organisation=organisation).first()
    return found or LetterContacts(organisation=organisation)


def own_commissioner_contact(contacts: LetterContacts) -> str:
    """What the admin wrote for the commissioner; empty when it is the default line."""
    typed = contacts.commissioner_contact
    return "" if typed in COMMISSIONER_CONTACTS.values() else typed


def commissioner_contact_printed(contacts: LetterContacts) -> str:
    """The commissioner's contact as letters print it (reviews.letter.contacts)."""
    return contacts.commissioner_contact or COMMISSIONER_CONTACTS[
        Commissioner(contacts.commissioner)]


def _clean(value: str) -> str:
    lines = [line.strip() for line in value.replace("\r\n", "\n").strip().split("\n")]
    return "\n".join(lines)


def _changed(target: object, values: dict[str, str]) -> list[str]:
    changed = [name for name, value in values.items() if getattr(target, name) != value]
    for name in changed:
        setattr(target, name, values[name])
    return changed


@transaction.atomic
def change_organisation_details(*, actor: User, organisation: Organisation,
                                details: OrganisationDetails) -> bool:
    """False: nothing was different, so nothing was written."""
    refuse_unless_admin(actor, organisation)
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    values = {name: _clean(value) for name, value in asdict(details).items()}
    for name, limit in (("address", 500), ("data_protection_contact", 500),
                        ("contact_phone", 40), ("contact_email", 254)):
        if len(values[name]) > limit:
            raise ActionRefused(f"The {name.replace('_', ' ')} must be {limit} characters or "
                                "fewer.")
    changed = _changed(organisation, values)
    if not changed:
        return False
    organisation.save(update_fields=changed)
    # The names of what changed; the values are on the page (no contact details in the log).
    record(actor, organisation, OrganisationEvent.ORGANISATION_DETAILS_CHANGED,
           "organisation", organisation.public_id, changed=changed)
    return True


@transaction.atomic
def change_letter_contacts(*, actor: User, organisation: Organisation, contacts: Contacts
                           ) -> bool:
    """Makes the organisation's row if it has none. False: nothing was different."""
    refuse_unless_admin(actor, organisation)
    if contacts.commissioner not in Commissioner.values:
        raise ActionRefused("Choose the Children's Commissioner for your nation.")
    values = {name: _clean(value) for name, value in asdict(contacts).items()}
    for name in ("advocacy", "complaints", "commissioner_contact"):
        if len(values[name]) > CONTACT_MAX_LENGTH:
            raise ActionRefused(f"Each contact must be {CONTACT_MAX_LENGTH} characters or "
                                "fewer.")
    # Empty means the chosen commissioner's own advice line (letters print it): a copy of
    # either nation's line is stored as empty, so changing the nation changes the line too.
    if values["commissioner_contact"] in COMMISSIONER_CONTACTS.values():
        values["commissioner_contact"] = ""
    row, created = LetterContacts.objects.select_for_update().get_or_create(
        organisation=organisation)
    changed = _changed(row, values)
    if not changed and not created:
        return False
    row.save()
    record(actor, organisation, OrganisationEvent.LETTER_CONTACTS_CHANGED, "organisation",
           organisation.public_id, changed=changed, commissioner=row.commissioner)
    return True
