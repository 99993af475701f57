from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from leaver.accounts.models import User
from leaver.core import limits
from leaver.safeguarding.config import ACKNOWLEDGE_HOURS, PATTERN_COUNT, PATTERN_MONTHS
from leaver.safeguarding.models import ReferredTo
from leaver.ui.date_input import GovukDateField, GovukDateTimeField
from leaver.ui.widgets import LimitedTextField


class RaiseForm(forms.Form):
    note = LimitedTextField(
        label="What is the concern?", limit=limits.CONCERN_NOTE, what="What the concern is",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What you heard or saw, and why it worries you.",
        error_messages={"required": "Say what the concern is."})
    words = LimitedTextField(
        label="What did the young person say?", limit=limits.CONCERN_WORDS,
        what="What the young person said", required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Their own words, exactly as they said them. Leave this empty if they did "
                  "not say anything about it.")
    said_at = GovukDateTimeField(
        label="When did they say it?", what="when the young person said it", required=False,
        help_text="For example, 27 3 2027 and 14:30. Leave this empty if they said nothing.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        words, said_at = data.get("words", "").strip(), data.get("said_at")
        if "said_at" in self.errors or "words" in self.errors:
            return data
        if words and said_at is None:
            self.add_error("said_at", "Enter when the young person said it")
        elif said_at is not None and not words:
            self.add_error("words", "Enter what the young person said, or leave the date and "
                                    "time empty")
        elif said_at is not None and said_at > timezone.now():
            self.add_error("said_at", "When the young person said it must be in the past")
        return data


class ReferralForm(forms.Form):
    referred_to = forms.ChoiceField(
        label="Who was the referral made to?", choices=ReferredTo.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the referral was made to."})
    reference = LimitedTextField(
        label="Reference", limit=limits.REFERENCE, what="The reference",
        help_text="The reference the service gave the referral.",
        error_messages={"required": "Enter the referral's reference."})
    referred_on = GovukDateField(label="When was the referral made?",
                                 what="the date of the referral",
                                 help_text="For example, 27 3 2027")

    def clean_referred_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["referred_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date of the referral must be today or in the past")
        return day


class NoFurtherActionForm(forms.Form):
    reason = LimitedTextField(
        label="Why is no further action needed?", limit=limits.REASON, what="The reason",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Give the reason no further action is needed."})


class NoteForm(forms.Form):
    text = LimitedTextField(
        label="Add a note", limit=limits.CONCERN_NOTE, what="The note",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The safeguarding leads and whoever raised the concern can read it.",
        error_messages={"required": "Enter the note."})


def _number(label: str, bounds: tuple[int, int], what: str, **kwargs: Any) -> forms.IntegerField:
    low, high = bounds
    message = f"{what} must be a whole number between {low} and {high}"
    return forms.IntegerField(label=label, min_value=low, max_value=high, error_messages={
        "required": f"Enter {what[:1].lower()}{what[1:]}", "invalid": message,
        "min_value": message, "max_value": message}, widget=forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": "false"}), **kwargs)


class _People(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)


class SettingsForm(forms.Form):
    out_of_hours_phone = LimitedTextField(
        label="Out-of-hours safeguarding phone number", limit=limits.PHONE,
        what="The out-of-hours phone number", required=False,
        help_text="Shown to the interviewer as soon as a concern is raised, beside 999, for "
                  "a young person in immediate danger.")
    acknowledge_hours = _number(
        "Working hours to acknowledge a concern", ACKNOWLEDGE_HOURS, "The working hours",
        help_text="Working hours are 9am to 5pm on working days. Not acknowledged by then, "
                  "a concern goes to the deputies and the Children's Services Managers, and "
                  "again every such period until it is.")
    pattern_count = _number(
        "Concerns about one place that make a pattern", PATTERN_COUNT,
        "The number of concerns",
        help_text="Young people with a concern about the same home or placement.")
    pattern_months = _number("Within how many months", PATTERN_MONTHS, "The number of months")
    deputies = _People(
        label="Deputies", queryset=User.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Every safeguarding lead is told of a new concern at once. Deputies are also "
                  "told when it is not acknowledged in time (if nobody is ticked, every lead "
                  "is).")

    def __init__(self, *args: Any, leads: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["deputies"]
        assert isinstance(field, _People)
        field.queryset = leads
