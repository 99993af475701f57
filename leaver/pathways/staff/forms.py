"""Forms of the staff pathway's office pages. They say what is wrong in the user's words;
the rules that protect the case are checked again by the actions."""

from __future__ import annotations

from typing import Any

from django import forms

from leaver.accounts.models import User
from leaver.core import limits
from leaver.organisations.models import Setting
from leaver.pathways.staff.actions_leavers import JOB_ROLE, line_managers, schools_for
from leaver.pathways.staff.models import StaffLanguage
from leaver.pathways.staff.reasons import reason_choices, staff_version
from leaver.pathways.staff.upload import MAX_BYTES
from leaver.ui.date_input import GovukDateField
from leaver.ui.widgets import LimitedTextField, UserChoiceField


class LeaverForm(forms.Form):
    leaver_name = LimitedTextField(label="Full name", limit=limits.NAME, what="Full name",
                                   error_messages={"required": "Enter the leaver's full name."})
    email = forms.EmailField(
        label="Email address", max_length=limits.EMAIL,
        help_text="The offer of an exit interview is sent here. Use an address they will "
                  "still read after they leave.",
        error_messages={"required": "Enter the leaver's email address.",
                        "invalid": "Enter an email address like name@example.com.",
                        "max_length": limits.too_long("Email address", limits.EMAIL)})
    job_role = LimitedTextField(label="Job role", limit=JOB_ROLE, what="Job role",
                                help_text="For example, Year 4 teacher or Teaching assistant",
                                error_messages={"required": "Enter their job role."})
    department = LimitedTextField(label="Department (optional)", limit=JOB_ROLE,
                                  what="Department", required=False)
    line_manager = UserChoiceField(
        label="Line manager (optional)", queryset=User.objects.none(), required=False,
        empty_label="Not a Leaver user, or not known",
        help_text="Someone who uses Leaver. If they do not, type their name below.")
    line_manager_name = LimitedTextField(
        label="Line manager's name, if they do not use Leaver (optional)", limit=limits.NAME,
        what="Line manager's name", required=False)
    school = forms.ModelChoiceField(
        label="School", queryset=Setting.objects.none(), empty_label="Choose a school",
        error_messages={"required": "Choose the school they are leaving."})
    start_date = GovukDateField(label="Start date", what="the start date",
                                error_messages={"required": "Enter the start date."},
                                help_text="When they started at the school. For example, "
                                          "1 9 2019")
    leaving_date = GovukDateField(label="Leaving date", what="the leaving date",
                                  error_messages={"required": "Enter the leaving date."},
                                  help_text="For example, 31 8 2027")
    reason_code = forms.ChoiceField(
        label="Main reason for leaving", choices=(),
        error_messages={"required": "Choose their main reason for leaving.",
                        "invalid_choice": "Choose a reason from the list."})
    language = forms.ChoiceField(
        label="Language for the offer and the questions", choices=StaffLanguage.choices,
        initial=StaffLanguage.ENGLISH, widget=forms.RadioSelect,
        error_messages={"required": "Choose English or Welsh."})

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = user.organisation_id or 0
        self.fields["school"].queryset = schools_for(user)  # type: ignore[attr-defined]
        self.fields["line_manager"].queryset = line_managers(org)  # type: ignore[attr-defined]
        self.fields["reason_code"].choices = [  # type: ignore[attr-defined]
            ("", "Choose a reason"), *reason_choices(staff_version(org))]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, leaving = data.get("start_date"), data.get("leaving_date")
        if start and leaving and leaving < start:
            self.add_error("leaving_date", "The leaving date must be the same as or after "
                                           "the start date.")
        if data.get("line_manager") and str(data.get("line_manager_name", "")).strip():
            self.add_error("line_manager_name", "Choose a line manager from the list or type "
                                                "a name, not both.")
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="CSV file of leavers", help_text=f"A .csv file, {MAX_BYTES // 1024} KB at most.",
        error_messages={"required": "Choose a CSV file.",
                        "empty": "The file is empty.",
                        "invalid": "Choose a CSV file."})

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(f"The file must be {MAX_BYTES // 1024} KB or smaller.")
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file (ending .csv).")
        return upload


class ReasonForm(forms.Form):
    reason = LimitedTextField(
        label="Reason (optional)", required=False, limit=limits.REASON, what="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only if they gave one. Taking part is voluntary: they do not have to.")


class ConfirmForm(forms.Form):
    """A confirmation page's form: nothing to fill in, the button is the answer."""
