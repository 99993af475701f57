"""Forms of the users pages. Each says what is wrong in the admin's terms; the actions check
the same rules again (and the ones a form cannot see, like the last admin)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import SetPasswordForm

from leaver.accounts.emails import normalise_email
from leaver.administration.users import queries
from leaver.administration.users.actions import DESCRIPTION_MAX, EMAIL_TAKEN, Grant
from leaver.organisations.models import Organisation, Role, Setting
from leaver.ui.widgets import LimitedTextField

# "Independent interviewer" is Role's label; here independence is a box of its own.
ROLE_CHOICES = [(role.value, "Interviewer" if role == Role.INTERVIEWER else role.label)
                for role in Role]


class NameForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=200, widget=forms.TextInput(attrs={
            "autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter the person's full name.",
                        "max_length": "The name must be 200 characters or fewer."})


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address", max_length=254,
        help_text="They sign in with this address. It must be theirs alone.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Enter the person's email address.",
                        "invalid": "Enter an email address in the correct format, like "
                                   "name@example.org.",
                        "max_length": "The email address must be 254 characters or fewer."})

    def __init__(self, *args: Any, current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current = current

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if email != self.current and queries.email_taken(email):
            raise forms.ValidationError(EMAIL_TAKEN)
        return email


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label="Roles", choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple,
        help_text="Tick every role to give.",
        error_messages={"required": "Choose at least one role.",
                        "invalid_choice": "Choose roles from the list."})
    places = forms.ModelMultipleChoiceField(
        label="Homes and agency placements they manage", required=False,
        queryset=Setting.objects.none(), to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for a Unit Manager: tick every home or agency placement they manage.",
        error_messages={"invalid_choice": "Choose from the homes and agency placements "
                                          "listed.",
                        "invalid_pk_value": "Choose from the homes and agency placements "
                                            "listed."})
    school = forms.ModelChoiceField(
        label="School they lead", required=False, queryset=Setting.objects.none(),
        to_field_name="public_id", widget=forms.RadioSelect, empty_label=None,
        help_text="Only for a Headteacher.",
        error_messages={"invalid_choice": "Choose a school from the list."})
    independent = forms.BooleanField(
        label="This interviewer is independent", required=False,
        help_text="Only for an interviewer who is not employed by or connected to the "
                  "organisation.")
    description = LimitedTextField(
        label="About this interviewer (optional)", required=False, limit=DESCRIPTION_MAX,
        what="About this interviewer",
        help_text="Only for an interviewer. One line a member of staff who is leaving reads "
                  "when choosing who they would be comfortable with, for example “Retired "
                  "deputy head from another county”.")

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["places"].queryset = queries.places_for(  # type: ignore[attr-defined]
            organisation, Role.UNIT_MANAGER)
        self.fields["school"].queryset = queries.places_for(  # type: ignore[attr-defined]
            organisation, Role.HEADTEACHER)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = set(data.get("roles") or [])
        places, school = data.get("places"), data.get("school")
        if Role.UNIT_MANAGER in chosen and "places" in data and not places:
            self._missing("places", "Choose the homes or agency placements this Unit "
                                    "Manager manages.", "homes or agency placements")
        if places and Role.UNIT_MANAGER not in chosen:
            self.add_error("places", "Only a Unit Manager manages homes and agency "
                                     "placements: tick Unit Manager, or untick the places.")
        if Role.HEADTEACHER in chosen and "school" in data and school is None:
            self._missing("school", "Choose the school this Headteacher leads.", "schools")
        if school is not None and Role.HEADTEACHER not in chosen:
            self.add_error("school", "Only a Headteacher leads a school: tick Headteacher, "
                                     "or leave the school unchosen.")
        if str(data.get("description") or "").strip() and Role.INTERVIEWER not in chosen:
            self.add_error("description", "Only an interviewer has a description: tick "
                                          "Interviewer, or leave it empty.")
        if data.get("independent") and Role.INTERVIEWER not in chosen:
            self.add_error("independent", "Only an interviewer can be independent: tick "
                                          "Interviewer, or untick this box.")
        return data

    def _missing(self, name: str, message: str, places: str) -> None:
        """A place must be chosen; if there is none to choose, the role cannot be given."""
        if self.fields[name].queryset.exists():  # type: ignore[attr-defined]
            self.add_error(name, message)
        else:
            self.add_error("roles", f"There are no {places} yet: add one in Organisation "
                                    "settings first, or choose another role.")

    def grants(self) -> list[Grant]:
        """The roles to give, one per place for a Unit Manager."""
        data = self.cleaned_data
        grants = []
        for value in data["roles"]:
            role = Role(value)
            if role == Role.UNIT_MANAGER:
                grants += [Grant(role, setting=place) for place in data["places"]]
            elif role == Role.HEADTEACHER:
                grants.append(Grant(role, setting=data["school"]))
            else:
                interviewer = role == Role.INTERVIEWER
                grants.append(Grant(role, independent=interviewer and data["independent"],
                                    description=str(data.get("description") or "").strip()
                                    if interviewer else ""))
        return grants


class InviteForm(NameForm, EmailForm, RolesForm):
    field_order = ["full_name", "email", "roles", "places", "school", "independent",
                   "description"]

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, organisation=organisation, **kwargs)
        self.fields["roles"].label = "What they do"
        self.fields["roles"].help_text = "Tick every role to give. You can change them later."


class PasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """Django's own validators (at least 12 characters, not common, not all numbers, not
    like the person's name or email), with their message on the first box."""

    error_messages = {"password_mismatch": "The passwords do not match. Enter the same "
                                           "password twice."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first, second = self.fields["new_password1"], self.fields["new_password2"]
        first.label, second.label = "Password", "Enter the password again"
        first.help_text = ("At least 12 characters. Not a common password, not only numbers "
                           "and not like your name or email address.")
        second.help_text = ""
        first.error_messages["required"] = "Enter a password."
        second.error_messages["required"] = "Enter the password again."

    def clean(self) -> dict[str, Any]:
        self.validate_passwords("new_password1", "new_password2")
        self.validate_password_for_user(self.user, "new_password1")
        return forms.Form.clean(self) or {}
