"""Finding one object of the admin's own organisation, or 404: a setting, a confidentiality
statement, a distribution rule, a pathway named in an address. The organisation always comes
from `administration.access.administered_by`, so an id of another organisation's object is
simply not found."""

from __future__ import annotations

import uuid

from django.http import Http404

from leaver.organisations.models import (
    ConfidentialityStatement,
    DistributionRecipient,
    Organisation,
    Pathway,
    Setting,
)


def get_setting(organisation: Organisation, public_id: uuid.UUID) -> Setting:
    try:
        return Setting.objects.get(organisation=organisation, public_id=public_id)
    except Setting.DoesNotExist:
        raise Http404("No such home, placement or school.") from None


def get_statement(organisation: Organisation, public_id: uuid.UUID
                  ) -> ConfidentialityStatement:
    try:
        return ConfidentialityStatement.objects.select_related("published_by").get(
            organisation=organisation, public_id=public_id)
    except ConfidentialityStatement.DoesNotExist:
        raise Http404("No such confidentiality statement.") from None


def get_rule(organisation: Organisation, public_id: uuid.UUID) -> DistributionRecipient:
    try:
        return DistributionRecipient.objects.select_related("user").get(
            organisation=organisation, public_id=public_id)
    except DistributionRecipient.DoesNotExist:
        raise Http404("No such distribution rule.") from None


def get_pathway(value: str) -> Pathway:
    if value not in Pathway.values:
        raise Http404("No such pathway.")
    return Pathway(value)
