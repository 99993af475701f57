"""Forms of the organisation settings area. They say what is wrong in the admin's terms; the
rules that protect the organisation's data are checked again by the actions."""

from __future__ import annotations

from typing import Any

from django import forms

from leaver.accounts.models import User
from leaver.administration.organisation import deadlines
from leaver.administration.organisation.distribution import nameable_people, person_words
from leaver.administration.organisation.letters import CONTACT_MAX_LENGTH
from leaver.administration.organisation.places import NAME_MAX
from leaver.cases.engine import Definition
from leaver.core.working_days import Nation
from leaver.organisations.models import (
    DEADLINE_MIN,
    STATEMENT_MAX_LENGTH,
    Commissioner,
    Organisation,
    Pathway,
    SettingKind,
)


def _text(label: str, limit: int, *, required: str = "", rows: int = 0, help_text: str = "",
          what: str = "") -> forms.CharField:
    """A text box with its limit and messages in plain words ("The address must be …")."""
    what = what or f"The {label.lower()}"
    messages = {"max_length": f"{what} must be {limit:,} characters or fewer."}
    if required:
        messages["required"] = required
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(label=label, max_length=limit, required=bool(required),
                           widget=widget, help_text=help_text, error_messages=messages)


class Confirm(forms.Form):
    """A confirmation page: no questions, only its button (a refusal shows as its error)."""


class PlaceForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of place is it?", choices=SettingKind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of place it is."})
    name = _text("Name", NAME_MAX, required="Enter the name of the place.",
                 help_text="As staff know it, for example Oak House.", what="The name")
    provider_name = _text("Provider's name", NAME_MAX, what="The provider's name",
                          help_text="The organisation that runs the placement.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # The provider's box belongs to "External agency placement" only (revealed under it):
        # for another kind, what it holds is not kept.
        if data.get("kind") != SettingKind.AGENCY_PLACEMENT:
            data["provider_name"] = ""
        elif not str(data.get("provider_name", "")).strip() and "provider_name" not in \
                self.errors:
            self.add_error("provider_name",
                           "Enter the name of the provider that runs the placement.")
        return data


class ChangePlaceForm(forms.Form):
    name = _text("Name", NAME_MAX, required="Enter the name of the place.", what="The name")

    def __init__(self, *args: Any, agency: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if agency:
            self.fields["provider_name"] = _text(
                "Provider's name", NAME_MAX, what="The provider's name",
                required="Enter the name of the provider that runs the placement.",
                help_text="The organisation that runs the placement.")


class StatementForm(forms.Form):
    text = _text("In English", STATEMENT_MAX_LENGTH, rows=14,
                 required="Enter the statement in English.", what="The statement in English",
                 help_text="Plain words a young person understands: who reads what they say, "
                           "what cannot be kept secret, and that they can say no.")
    text_cy = _text("In Welsh (optional)", STATEMENT_MAX_LENGTH, rows=14,
                    what="The statement in Welsh",
                    help_text="Shown instead of the English to a young person whose "
                              "preferred language is Welsh.")


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        assert isinstance(obj, User)
        return person_words(obj)


PERSON = "person"


class RuleForm(forms.Form):
    who = forms.ChoiceField(
        label="Who should get a copy of every record?", widget=forms.RadioSelect,
        error_messages={"required": "Choose who should get a copy."})
    person = PersonChoiceField(
        label="Person", queryset=User.objects.none(), required=False,
        empty_label="Choose a person",
        error_messages={"invalid_choice": "Choose a person from the list."})

    def __init__(self, *args: Any, organisation: Organisation, pathway: Pathway,
                 definition: Definition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = [(str(role), phrase) for role, phrase in definition.distribution_roles.items()]
        self.fields["who"].choices = [*roles, (PERSON, "A named person")]  # type: ignore[attr-defined]
        self.fields["person"].queryset = nameable_people(  # type: ignore[attr-defined]
            organisation, pathway)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("who") == PERSON:
            if data.get("person") is None and "person" not in self.errors:
                self.add_error("person", "Choose the person who should get a copy.")
        else:
            data["person"] = None  # only the chosen answer's question is kept
        return data


class OrganisationDetailsForm(forms.Form):
    address = _text("Postal address", 500, rows=5, what="The address",
                    help_text="Printed at the top of letters and on the privacy notice.")
    contact_email = forms.EmailField(
        label="Email address", required=False, max_length=254,
        help_text="A shared mailbox people can write to about Leaver.",
        error_messages={"invalid": "Enter an email address like name@example.com.",
                        "max_length": "The email address must be 254 characters or fewer."})
    contact_phone = _text("Phone number", 40, what="The phone number")
    data_protection_contact = _text(
        "How to contact your data protection officer", 500, rows=4,
        what="The data protection contact",
        help_text="For the privacy notice: a postal address or email address.")


class LetterContactsForm(forms.Form):
    advocacy = _text("Advocacy service", CONTACT_MAX_LENGTH, rows=4,
                     what="The advocacy contact",
                     help_text="Name, phone number and email of the advocacy service young "
                               "people can use.")
    complaints = _text("Complaints", CONTACT_MAX_LENGTH, rows=4, what="The complaints contact",
                       help_text="How a young person makes a complaint.")
    commissioner = forms.ChoiceField(
        label="Which Children's Commissioner?", choices=Commissioner.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the Children's Commissioner for your nation."})
    commissioner_contact = _text(
        "The commissioner's contact details (optional)", CONTACT_MAX_LENGTH, rows=3,
        what="The commissioner's contact details",
        help_text="Leave empty to print the commissioner's own advice line.")


def _working_days(name: str, most: int) -> forms.IntegerField:
    """A whole number of working days, typed (GOV.UK: a text box with a numeric keyboard, not
    a number spinner), with messages that name the deadline."""
    label = deadlines.label_of(name)
    return forms.IntegerField(
        label=label, min_value=DEADLINE_MIN, max_value=most, help_text=deadlines.hint_of(name),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter how many working days for “{label}”, for example 5.",
            "invalid": f"“{label}” must be a whole number of working days, for example 5.",
            "min_value": f"“{label}” must be at least {DEADLINE_MIN} working day.",
            "max_value": f"“{label}” must be {most} working days or fewer.",
        })


def _calendar_days(name: str, least: int, most: int) -> forms.IntegerField:
    """A whole number of calendar days (how long a leaver's link works)."""
    label = deadlines.label_of(name)
    return forms.IntegerField(
        label=label, min_value=least, max_value=most, help_text=deadlines.hint_of(name),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": f"Enter how many days for “{label}”, for example 14.",
            "invalid": f"“{label}” must be a whole number of days, for example 14.",
            "min_value": f"“{label}” must be at least {least} day.",
            "max_value": f"“{label}” must be {most} days or fewer.",
        })


class DeadlinesForm(forms.Form):
    nation = forms.ChoiceField(
        label="Which bank holidays are not working days?", choices=Nation.choices,
        widget=forms.RadioSelect,
        help_text="Working days are Monday to Friday, except the bank holidays of the nation "
                  "your organisation is in.",
        error_messages={"required": "Choose whether your organisation is in England or Wales."})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, most in deadlines.NUMBERS:
            self.fields[name] = _working_days(name, most)
        for name, least, most in deadlines.CALENDAR_NUMBERS:
            self.fields[name] = _calendar_days(name, least, most)
