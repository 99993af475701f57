"""Correcting a case's details: one form per correction (corrections.py) and the one action
that makes any of them. The audit row keeps the old and new values of what changed (never any
answer); nothing changed, nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.db import transaction

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import Role, Setting
from leaver.organisations.queries import open_settings
from leaver.pathways.young_person.actions import (
    interviewer_refusal,
    refuse_if_details_too_long,
)
from leaver.pathways.young_person.corrections import CORRECTIONS, transition_name
from leaver.pathways.young_person.definition import CASE_SETTING_KINDS
from leaver.pathways.young_person.models import Language
from leaver.ui.date_input import GovukDateField
from leaver.ui.widgets import LimitedTextField, UserChoiceField

YES_NO = [("yes", "Yes"), ("no", "No")]


def _people(interview: Interview, role: Role) -> Any:
    return roles.users_with_role(interview.organisation_id, role)


def _settings(interview: Interview) -> Any:
    # Open homes and placements, and the case's own even if it has closed since.
    return open_settings(interview.organisation_id, CASE_SETTING_KINDS, keep=interview.setting)


def form_fields(key: str, interview: Interview) -> dict[str, forms.Field]:
    """The questions of one correction's page."""
    required = {"required": "Choose one."}
    builders: dict[str, Callable[[], dict[str, forms.Field]]] = {
        "move_date": lambda: {"planned_move_date": GovukDateField(
            label="Planned move date", what="the planned move date",
            help_text="For example, 27 3 2027",
            error_messages={"required": "Enter the planned move date."})},
        "setting": lambda: {"setting": forms.ModelChoiceField(
            label="Home or placement they are leaving", queryset=_settings(interview),
            empty_label=None, widget=forms.RadioSelect,
            error_messages={"required": "Choose the home or placement they are leaving."})},
        "social_worker": lambda: {"social_worker": UserChoiceField(
            label="Allocated social worker", queryset=_people(interview, Role.SOCIAL_WORKER),
            empty_label=None, widget=forms.RadioSelect,
            error_messages={"required": "Choose the young person's social worker."})},
        "iro": lambda: {"allocated_iro": UserChoiceField(
            label="Independent Reviewing Officer for this young person",
            queryset=_people(interview, Role.IRO), empty_label=None,
            widget=forms.RadioSelect,
            error_messages={"required": "Choose the young person's IRO."})},
        "learning_disability": lambda: {"significant_learning_disability":
                                        forms.TypedChoiceField(
            label="Does the young person have a significant learning disability?",
            choices=YES_NO, widget=forms.RadioSelect, coerce=lambda v: v == "yes",
            error_messages=required)},
        "language": lambda: {
            "preferred_language": forms.ChoiceField(
                label="Preferred language", choices=Language.choices, widget=forms.RadioSelect,
                error_messages={"required": "Choose the young person's preferred language."}),
            "other_language": LimitedTextField(
                label="Which language?", limit=limits.LANGUAGE_NAME,
                what="The language's name", required=False)},
        "communication_needs": lambda: {"communication_needs": LimitedTextField(
            label="Communication needs", required=False, limit=limits.COMMUNICATION_NEEDS,
            what="Communication needs",
            help_text="For example an interpreter, signing, or easy-read materials. Leave "
                      "empty if there are none.", widget=forms.Textarea(attrs={"rows": 3}))},
        "contact": lambda: {
            "phone": LimitedTextField(label="Phone number (optional)", limit=limits.PHONE,
                                      what="Phone number", required=False),
            "email": forms.EmailField(label="Email address (optional)", required=False,
                                      max_length=limits.EMAIL, error_messages={
                                          "invalid": "Enter an email address like "
                                                     "name@example.com.",
                                          "max_length": limits.too_long("Email address",
                                                                        limits.EMAIL)})},
        "address": lambda: {
            "address_line_1": LimitedTextField(label="Address line 1",
                                               limit=limits.ADDRESS_LINE_1,
                                               what="Address line 1", required=False),
            "address_line_2": LimitedTextField(label="Address line 2 (optional)",
                                               limit=limits.ADDRESS_LINE_2,
                                               what="Address line 2", required=False),
            "town": LimitedTextField(label="Town or city", limit=limits.TOWN,
                                     what="Town or city", required=False),
            "postcode": LimitedTextField(label="Postcode", limit=limits.POSTCODE,
                                         what="Postcode", required=False)},
    }
    return builders[key]()


class CorrectionForm(forms.Form):
    def __init__(self, *args: Any, key: str, interview: Interview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key = key
        self.fields.update(form_fields(key, interview))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.key == "language" and data.get("preferred_language") == Language.OTHER \
                and not str(data.get("other_language", "")).strip():
            self.add_error("other_language", "Enter the name of the language.")
        if self.key == "address":
            typed = [str(data.get(f, "")).strip() for f in
                     ("address_line_1", "address_line_2", "town", "postcode")]
            if any(typed) and not typed[0]:
                self.add_error("address_line_1", "Enter the first line of the address.")
        return data


def current_values(key: str, interview: Interview) -> dict[str, Any]:
    """What the correction's form starts with: the case as it is."""
    young_person = interview.young_person
    values: dict[str, Any] = {}
    for name in CORRECTIONS[key].fields:
        value = getattr(interview if name == "setting" else young_person, name)
        if isinstance(value, bool):
            value = "yes" if value else "no"
        values[name] = value
    return values


def _shown(value: Any) -> Any:
    """A value as the audit row keeps it: words and dates, people by name and id."""
    if isinstance(value, User):
        return {"name": value.full_name, "id": str(value.public_id)}
    if isinstance(value, Setting):
        return {"name": value.name, "id": str(value.public_id)}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _refuse_if_wrong(key: str, interview: Interview, values: dict[str, Any]) -> None:
    if key == "setting":
        setting = values["setting"]
        if not _settings(interview).filter(pk=setting.pk).exists():
            raise ActionRefused("Choose one of your organisation's homes or placements.")
    for name, role, words in (("social_worker", Role.SOCIAL_WORKER, "a social worker"),
                              ("allocated_iro", Role.IRO, "an Independent Reviewing Officer")):
        person = values.get(name)
        if person is not None and not _people(interview, role).filter(pk=person.pk).exists():
            raise ActionRefused(f"Choose {words} from your organisation.")


@transaction.atomic
def correct(*, actor: User, interview: Interview, key: str, values: dict[str, Any]
            ) -> bool:
    """Make one correction. False: nothing was different, so nothing was written."""
    if key not in CORRECTIONS:
        raise ActionRefused("That detail cannot be changed here.")
    interview = engine.lock(interview)
    engine.check(actor, interview, transition_name(key))
    _refuse_if_wrong(key, interview, values)
    refuse_if_details_too_long(values)
    if values.get("preferred_language") not in (None, Language.OTHER):
        values["other_language"] = ""
    young_person = interview.young_person
    changes: dict[str, list[Any]] = {}
    for name in CORRECTIONS[key].fields:
        target = interview if name == "setting" else young_person
        old, new = getattr(target, name), values[name]
        if isinstance(new, str):
            new = new.strip().upper() if name == "postcode" else new.strip()
        if old != new:
            changes[name] = [_shown(old), _shown(new)]
            setattr(target, name, new)
    if not changes:
        return False
    if interview.interviewer is not None:
        refusal = interviewer_refusal(interview.interviewer, interview)
        if refusal:
            raise ActionRefused(f"The assigned interviewer, {interview.interviewer.full_name}, "
                                f"{refusal} after this change. Choose another interviewer "
                                "first.")
    young_person.save()
    engine.take(actor, interview, transition_name(key), changes=changes)
    return True
