"""The forms of retention's pages. Every message says what to do in the user's terms."""

from __future__ import annotations

from typing import Any

from django import forms

from leaver.core import limits
from leaver.retention.models import (
    SHORTER_YEARS_MAX,
    SHORTER_YEARS_MIN,
    STAFF_YEARS_MAX,
    STAFF_YEARS_MIN,
    UNUSED_DAYS_MAX,
    UNUSED_DAYS_MIN,
    Basis,
)
from leaver.ui.date_input import GovukDateField
from leaver.ui.widgets import LimitedTextField


def _number(label: str, what: str, least: int, most: int, unit: str, *, required: bool = True,
            help_text: str = "") -> forms.IntegerField:
    between = f"{what} must be between {least} and {most} {unit}"
    return forms.IntegerField(
        label=label, required=required, min_value=least, max_value=most, help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": f"Enter {what.lower()}", "invalid": f"{what} must be a "
                        "whole number, like 6", "min_value": between, "max_value": between})


def _unused_days() -> forms.IntegerField:
    return _number("Days before unused links and drafts are removed",
                   "The number of days before unused links and drafts are removed",
                   UNUSED_DAYS_MIN, UNUSED_DAYS_MAX, "days",
                   help_text=f"Between {UNUSED_DAYS_MIN} and {UNUSED_DAYS_MAX}. The usual "
                             "period is 90 days.")


class YoungPersonScheduleForm(forms.Form):
    basis = forms.ChoiceField(
        label="How long are young people's exit interview records kept?",
        choices=Basis.choices, widget=forms.RadioSelect,
        error_messages={"required": "Choose how long young people's records are kept"})
    years = _number("Years to keep them, if shorter than the care record",
                    "The shorter period", SHORTER_YEARS_MIN, SHORTER_YEARS_MAX, "years",
                    required=False,
                    help_text="Counted from when the move was notified. Only used if you "
                              "choose a shorter period.")
    unused_days = _unused_days()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("basis") == Basis.SHORTER and data.get("years") is None \
                and "years" not in self.errors:
            self.add_error("years", "Enter how many years to keep the records")
        return data


class StaffScheduleForm(forms.Form):
    years = _number("Years after the leaving date", "The years after the leaving date",
                    STAFF_YEARS_MIN, STAFF_YEARS_MAX, "years",
                    help_text="The usual period is 6 years.")
    unused_days = _unused_days()


class ReasonForm(forms.Form):
    reason = LimitedTextField(
        label="Reason", limit=limits.REASON, what="The reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason"})

    def __init__(self, *args: Any, label: str, hint: str, required_message: str,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.label, field.help_text = label, hint
        field.error_messages["required"] = required_message


class EraseForm(ReasonForm):
    understood = forms.BooleanField(
        label="I understand that what is erased cannot be got back",
        error_messages={"required": "Confirm that you understand the erasure cannot be "
                                    "undone"})


class DeathForm(forms.Form):
    day = GovukDateField(label="Date of death", what="the date of death",
                         help_text="For example, 27 3 2027")
