"""Forms of the record's own pages beyond the questionnaire: when, how and where the interview
was held; complaints and advocacy; agreeing the record; who reads it; the wording shown."""

from __future__ import annotations

from typing import Any

from django import forms

from leaver.cases.models import HeldHow, Support
from leaver.core import limits
from leaver.ui.date_input import GovukDateTimeField
from leaver.ui.widgets import InlineRadioSelect, LimitedTextField

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, missing: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=YES_NO, widget=InlineRadioSelect,
                                  coerce=lambda v: v == "yes",
                                  error_messages={"required": missing})


class FactsForm(forms.Form):
    held_at = GovukDateTimeField(
        label="When was the interview held?", what="the date and time it was held",
        help_text="The date and time it started, for example 27 3 2027 and 14:30. It must be "
                  "in the past.",
        error_messages={"required": "Enter the date and time the interview was held."})
    held_how = forms.ChoiceField(label="How was it held?", choices=HeldHow.choices,
                                 widget=forms.RadioSelect, error_messages={
                                     "required": "Choose how the interview was held."})
    held_where = LimitedTextField(label="Where was it held?", limit=limits.PLACE,
                                  what="Where it was held",
                                 help_text="For a video or phone call, where the young person "
                                           "was.",
                                 error_messages={"required": "Enter where the interview was "
                                                             "held."})
    people_present = LimitedTextField(
        label="Who was present?", limit=limits.PEOPLE_PRESENT, what="Who was present",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Their roles, for example “the young person, me, their advocate”.",
        error_messages={"required": "Enter who was present."})
    support = forms.ChoiceField(
        label="Was an interpreter or communication support used?", choices=Support.choices,
        widget=forms.RadioSelect, error_messages={
            "required": "Say whether an interpreter or communication support was used."})
    support_details = LimitedTextField(
        label="What interpreting or support was used? (if any)", required=False,
        limit=limits.SUPPORT_DETAILS, what="The interpreting or support used",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example “Polish interpreter by phone” or “Makaton and picture cards”.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("support") not in (None, "", Support.NONE) and not str(
                data.get("support_details", "")).strip():
            self.add_error("support_details",
                           "Say what interpreting or communication support was used.")
        return data


class ComplaintsForm(forms.Form):
    complaints_discussed = _yes_no("Did you talk about how to make a complaint?",
                                   "Say whether you talked about how to make a complaint.")
    complaints_referral_wanted = _yes_no("Does the young person want to make a complaint?",
                                         "Say whether they want to make a complaint.")
    advocacy_discussed = _yes_no("Did you talk about the advocacy service?",
                                 "Say whether you talked about the advocacy service.")
    advocacy_referral_wanted = _yes_no("Does the young person want a referral to an advocate?",
                                       "Say whether they want a referral to an advocate.")


class AgreementForm(forms.Form):
    interviewer_notes = LimitedTextField(label="Your notes (optional)", required=False,
                                         widget=forms.Textarea(attrs={"rows": 4}),
                                         limit=limits.INTERVIEWER_NOTES, what="Your notes")
    left_out_note = LimitedTextField(
        label="Anything the young person asked to be left out (optional)", required=False,
        limit=limits.LEFT_OUT_NOTE, what="The note on what was left out",
        help_text="Say that something was left out, not what it was.",
        widget=forms.Textarea(attrs={"rows": 3}))
    agreed_with_young_person = forms.BooleanField(
        label="I have read this record back to the young person and they agree it is accurate",
        error_messages={"required": "Confirm that the record was agreed with the young person."})


class CirculationForm(forms.Form):
    restrict_circulation = forms.TypedChoiceField(
        label="Should fewer people read this record?", widget=forms.RadioSelect,
        choices=[("no", "No, send it to the IRO and the distribution list"),
                 ("yes", "Yes, only the IRO should read it")],
        coerce=lambda v: v == "yes",
        error_messages={"required": "Say who should read the record."})
    restriction_reason = LimitedTextField(label="Reason for restricting circulation (if yes)",
                                          required=False, limit=limits.REASON,
                                          what="The reason for restricting circulation",
                                         widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("restrict_circulation") and not str(
                data.get("restriction_reason", "")).strip():
            self.add_error("restriction_reason", "Give the reason for restricting circulation.")
        return data


class WordingForm(forms.Form):
    wording = forms.ChoiceField(label="Show the questions in", choices=[],
                                widget=InlineRadioSelect,
                                error_messages={"required": "Choose a wording."})

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wording"].choices = choices  # type: ignore[attr-defined]
