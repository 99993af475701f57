"""Forms for the young person's pathway. They check what a person typed and say what is
wrong in the user's terms; the rules that protect the case live in the actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from leaver.accounts.models import User
from leaver.core import limits
from leaver.core.dates import years_before
from leaver.organisations import roles
from leaver.organisations.models import Role, Setting
from leaver.organisations.queries import open_settings
from leaver.pathways.young_person.definition import CASE_SETTING_KINDS
from leaver.pathways.young_person.models import FeasibilityAid, Language
from leaver.ui.date_input import GovukDateField, GovukDateTimeField
from leaver.ui.widgets import LimitedTextField, UserChoiceField


class MoveForm(forms.Form):
    leaver_name = LimitedTextField(label="Young person's full name", limit=limits.NAME,
                                   what="Young person's full name",
                                  error_messages={"required": "Enter the young person's name."})
    date_of_birth = GovukDateField(
        label="Date of birth", what="the date of birth", help_text="For example, 27 3 2010",
        error_messages={"required": "Enter the young person's date of birth."})
    setting = forms.ModelChoiceField(
        label="Home or placement they are leaving", queryset=Setting.objects.none(),
        empty_label="Choose a home or placement",
        error_messages={"required": "Choose the home or placement they are leaving."},
    )
    planned_move_date = GovukDateField(
        label="Planned move date", what="the planned move date",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the planned move date."})
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
    communication_needs = LimitedTextField(
        label="Communication needs (optional)", required=False, widget=forms.Textarea(
            attrs={"rows": 3}), limit=limits.COMMUNICATION_NEEDS, what="Communication needs",
        help_text="For example an interpreter, signing, or easy-read materials.",
    )
    allocated_iro = UserChoiceField(
        label="Independent Reviewing Officer (IRO)", queryset=User.objects.none(),
        empty_label="Choose their IRO",
        help_text="The IRO for this young person. They review the interview record.",
        error_messages={"required": "Choose the young person's IRO."},
    )
    preferred_language = forms.ChoiceField(
        label="Preferred language", choices=Language.choices, initial=Language.ENGLISH,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the young person's preferred language."})
    other_language = LimitedTextField(label="If another language, which one?",
                                      limit=limits.LANGUAGE_NAME, what="The language's name",
                                      required=False)
    phone = LimitedTextField(label="Phone number (optional)", limit=limits.PHONE,
                             what="Phone number", required=False,
                            help_text="How to reach them after the move. Only the people "
                                      "arranging the interview see it.")
    email = forms.EmailField(label="Email address (optional)", required=False,
                             max_length=limits.EMAIL, error_messages={
                                 "invalid": "Enter an email address like name@example.com.",
                                 "max_length": limits.too_long("Email address", limits.EMAIL)})
    address_line_1 = LimitedTextField(label="Address after the move: line 1 (optional)",
                                      limit=limits.ADDRESS_LINE_1, what="Address line 1",
                                      required=False)
    address_line_2 = LimitedTextField(label="Address line 2 (optional)",
                                      limit=limits.ADDRESS_LINE_2, what="Address line 2",
                                      required=False)
    town = LimitedTextField(label="Town or city (optional)", limit=limits.TOWN,
                            what="Town or city", required=False)
    postcode = LimitedTextField(label="Postcode (optional)", limit=limits.POSTCODE,
                                what="Postcode", required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = user.organisation_id or 0
        # A closed home or placement is not offered for a new case.
        settings_qs = open_settings(org, CASE_SETTING_KINDS)
        if Role.CSM not in roles.roles_of(user):
            settings_qs = settings_qs.filter(pk__in=roles.managed_setting_ids(user))
        self.fields["setting"].queryset = settings_qs  # type: ignore[attr-defined]
        self.fields["social_worker"].queryset = roles.users_with_role(  # type: ignore[attr-defined]
            org, Role.SOCIAL_WORKER)
        self.fields["allocated_iro"].queryset = roles.users_with_role(  # type: ignore[attr-defined]
            org, Role.IRO)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("preferred_language") == Language.OTHER and not str(
                data.get("other_language", "")).strip():
            self.add_error("other_language", "Enter the name of the young person's language.")
        return data

    def clean_leaver_name(self) -> str:
        return str(self.cleaned_data["leaver_name"]).strip()

    def clean_date_of_birth(self) -> dt.date:
        born: dt.date = self.cleaned_data["date_of_birth"]
        if born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be in the past.")
        if born < years_before(timezone.localdate(), 30):
            raise forms.ValidationError("Check the date of birth: this pathway is for young "
                                        "people moving on from a children's home or "
                                        "agency placement.")
        return born


class ConsentForm(forms.Form):
    """The consent decision. The questions under each outcome are revealed when it is chosen
    (without JavaScript they all show; only the chosen outcome's answers are kept)."""

    asked_on = GovukDateField(
        label="When did you ask the young person?", what="the date you asked the young person",
        help_text="For example, 27 3 2026",
        error_messages={"required": "Enter the date you asked the young person."})
    outcome = forms.ChoiceField(
        label="Did the young person agree to an exit interview?",
        choices=[("consent_given", "Yes, they agreed"), ("consent_declined", "No, they declined"),
                 ("not_feasible", "An interview is not feasible (significant learning "
                                  "disability)")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the young person agreed."},
    )
    may_quote = forms.ChoiceField(
        label="Do they agree that their words may be quoted in reports, without their name?",
        choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect, required=False,
    )
    decline_reason = LimitedTextField(
        label="Did they give a reason? (optional)", required=False,
        limit=limits.REASON, what="The reason they gave",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    tried = forms.MultipleChoiceField(
        label="What was tried to help them take part?", choices=FeasibilityAid.choices,
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Select all that were tried.",
    )
    feasible_reason = LimitedTextField(
        label="Why is an interview not feasible?", required=False,
        limit=limits.REASON, what="The reason",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, learning_disability: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.learning_disability = learning_disability

    def clean_asked_on(self) -> dt.date:
        asked: dt.date = self.cleaned_data["asked_on"]
        if asked > timezone.localdate():
            raise forms.ValidationError("The date you asked must be today or in the past.")
        return asked

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if outcome == "consent_given" and not data.get("may_quote"):
            self.add_error("may_quote", "Say whether their words may be quoted without their "
                                        "name.")
        if outcome == "not_feasible":
            if not self.learning_disability:
                self.add_error("outcome", "“Not feasible” is only for a young person with a "
                                          "significant learning disability, and this young "
                                          "person is not recorded as having one.")
            if not str(data.get("feasible_reason", "")).strip():
                self.add_error("feasible_reason",
                               "Give the reason the interview is not feasible.")
        return data

    def decision(self) -> dict[str, Any]:
        """Only the chosen outcome's answers (hidden questions may still hold text)."""
        data = self.cleaned_data
        outcome = data["outcome"]
        return {
            "outcome": outcome, "asked_on": data["asked_on"],
            "may_quote": outcome == "consent_given" and data.get("may_quote") == "yes",
            "reason": {"consent_declined": data.get("decline_reason", ""),
                       "not_feasible": data.get("feasible_reason", "")}.get(outcome, ""),
            "tried": tuple(data.get("tried", ())) if outcome == "not_feasible" else (),
        }


class ReopenForm(forms.Form):
    reason = LimitedTextField(
        label="How did the young person tell you they changed their mind?",
        limit=limits.REASON, what="Your answer",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say how the young person told you they changed their "
                                    "mind."})


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
    scheduled_for = GovukDateTimeField(
        label="Date and time", what="the date and time of the interview",
        help_text="For example, 27 3 2027 and 14:30 (the 24-hour clock)",
        error_messages={"required": "Enter the date and time of the interview."})
    location = LimitedTextField(label="Place", limit=limits.PLACE, what="Place", error_messages={
        "required": "Enter where the interview will take place."})


class CloseEarlyForm(forms.Form):
    reason = LimitedTextField(label="Reason", widget=forms.Textarea(attrs={"rows": 4}),
                              limit=limits.REASON, what="Reason",
                              error_messages={"required": "Give the reason."})


class RestrictForm(forms.Form):
    reason = LimitedTextField(
        label="Why should fewer people read this record?",
        limit=limits.REASON, what="The reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason for restricting circulation."},
    )


class SubmitForm(forms.Form):
    """The "check your answers" page: submitting is the whole form. What goes with the answers
    is recorded on its own pages (leaver.pathways.young_person.forms_record)."""


class ReferralForm(forms.Form):
    """What the social worker did about a referral the young person asked for. The questions
    under each answer are revealed when it is chosen (without JavaScript all show; only the
    chosen answer's are kept)."""

    outcome = forms.ChoiceField(
        label="Have you made the referral?",
        choices=[("made", "Yes, I have made it"), ("not_made", "No, it will not be made")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you have made the referral."})
    made_on = GovukDateField(label="Date you made it", what="the date you made the referral",
                             help_text="For example, 27 3 2027", required=False)
    reference = LimitedTextField(
        label="Reference (optional)", required=False, limit=limits.REFERENCE,
        what="The reference", help_text="The complaints team's or the advocacy service's "
                                        "reference, if they gave you one.")
    reason = LimitedTextField(
        label="Why will it not be made?", required=False, limit=limits.REASON,
        what="The reason", widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the young person changed their mind.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("outcome") == "made":
            made_on = data.get("made_on")
            if made_on is None and "made_on" not in self.errors:
                self.add_error("made_on", "Enter the date you made the referral.")
            elif made_on is not None and made_on > timezone.localdate():
                self.add_error("made_on", "The date you made the referral must be today or in "
                                          "the past.")
            data["reason"] = ""
        elif data.get("outcome") == "not_made":
            if not str(data.get("reason", "")).strip() and "reason" not in self.errors:
                self.add_error("reason", "Say why the referral will not be made.")
            data["made_on"], data["reference"] = None, ""
        return data
