"""Forms for the young person's pathway. They check what a person typed and say what is
wrong in the user's terms; the rules that protect the case live in the actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from leaver.accounts.models import User
from leaver.core.dates import years_before
from leaver.organisations import roles
from leaver.organisations.models import Role, Setting, SettingKind
from leaver.ui.widgets import DateInput, DateTimeLocalInput, UserChoiceField


class MoveForm(forms.Form):
    leaver_name = forms.CharField(label="Young person's full name", max_length=200,
                                  error_messages={"required": "Enter the young person's name."})
    date_of_birth = forms.DateField(label="Date of birth", widget=DateInput(), error_messages={
        "required": "Enter the young person's date of birth.",
        "invalid": "Enter the date of birth as a real date, like 2009-03-27.",
    })
    setting = forms.ModelChoiceField(
        label="Home or placement they are leaving", queryset=Setting.objects.none(),
        empty_label="Choose a home or placement",
        error_messages={"required": "Choose the home or placement they are leaving."},
    )
    planned_move_date = forms.DateField(label="Planned move date", widget=DateInput(),
                                        error_messages={
        "required": "Enter the planned move date.",
        "invalid": "Enter the planned move date as a real date, like 2026-12-01.",
    })
    social_worker = UserChoiceField(
        label="Allocated social worker", queryset=User.objects.none(),
        empty_label="Choose a social worker",
        error_messages={"required": "Choose the young person's social worker."},
    )
    significant_learning_disability = forms.TypedChoiceField(
        label="Does the young person have a significant learning disability?",
        choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        help_text="If yes, their social worker decides whether an interview is feasible.",
        error_messages={"required": "Say whether the young person has a significant learning "
                                    "disability."},
    )
    communication_needs = forms.CharField(
        label="Communication needs (optional)", required=False, widget=forms.Textarea(
            attrs={"rows": 3}),
        help_text="For example an interpreter, signing, or easy-read materials.",
    )
    preferred_language = forms.CharField(label="Preferred language", max_length=100,
                                         initial="English", error_messages={
        "required": "Enter the young person's preferred language."})
    contact_details = forms.CharField(
        label="How to reach them after the move (optional)", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Address or phone number. Only the people arranging the interview see it.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = user.organisation_id or 0
        settings_qs = Setting.objects.filter(
            organisation_id=org,
            kind__in=[SettingKind.CHILDRENS_HOME, SettingKind.AGENCY_PLACEMENT],
        )
        if Role.CSM not in roles.roles_of(user):
            settings_qs = settings_qs.filter(pk__in=roles.managed_setting_ids(user))
        self.fields["setting"].queryset = settings_qs  # type: ignore[attr-defined]
        self.fields["social_worker"].queryset = roles.users_with_role(  # type: ignore[attr-defined]
            org, Role.SOCIAL_WORKER)

    def clean_leaver_name(self) -> str:
        return str(self.cleaned_data["leaver_name"]).strip()

    def clean_date_of_birth(self) -> dt.date:
        born: dt.date = self.cleaned_data["date_of_birth"]
        if born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be in the past.")
        if born < years_before(timezone.localdate(), 30):
            raise forms.ValidationError("Check the date of birth: this pathway is for young "
                                        "people leaving care.")
        return born


class ConsentForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Did the young person agree to an exit interview?",
        choices=[("consent_given", "Yes, they agreed"), ("consent_declined", "No, they declined"),
                 ("not_feasible", "An interview is not feasible (significant learning "
                                  "disability)")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the young person agreed."},
    )
    may_quote = forms.BooleanField(
        label="They agree that their words may be quoted in reports, without their name",
        required=False,
    )
    reason = forms.CharField(
        label="Reason (needed if not feasible, optional if they declined)", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == "not_feasible" and not str(data.get("reason", "")).strip():
            self.add_error("reason", "Give the reason the interview is not feasible.")
        return data


class AssignInterviewerForm(forms.Form):
    interviewer = UserChoiceField(
        label="Choose the independent interviewer", queryset=User.objects.none(),
        widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": "Choose an interviewer.",
                        "invalid_choice": "Choose one of the interviewers listed."},
    )

    def __init__(self, *args: Any, eligible: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=[u.pk for u in eligible])


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label="Date and time", widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"required": "Enter the date and time of the interview.",
                        "invalid": "Enter the date and time like 2026-12-01 14:30."},
    )
    location = forms.CharField(label="Place", max_length=300, error_messages={
        "required": "Enter where the interview will take place."})


class CloseEarlyForm(forms.Form):
    reason = forms.CharField(label="Reason", widget=forms.Textarea(attrs={"rows": 4}),
                             error_messages={"required": "Give the reason."})


class RestrictForm(forms.Form):
    reason = forms.CharField(
        label="Why should fewer people read this record?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason for restricting circulation."},
    )


class SubmitForm(forms.Form):
    """The "check your answers" page: submitting is the whole form. What goes with the answers
    is recorded on its own pages (leaver.pathways.young_person.forms_record)."""
