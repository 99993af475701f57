"""The leaver's forms: the reply to the offer and the check of the record. Messages say what
to do in the leaver's words; an empty POST says what is missing."""

from __future__ import annotations

from typing import Any

from django import forms

from leaver.core import limits
from leaver.organisations.models import Membership
from leaver.ui.widgets import LimitedTextField

NO_PREFERENCE = "none"

CONFIDENTIALITY = [
    ("named", "Named: the headteacher and the HR lead may read what I say, with my name"),
    ("anonymous", "Anonymous in reports: only my interviewer and the HR lead read what I "
                  "say; everyone else only sees it added up with at least 4 other people's"),
]
TAKING_PART = [
    ("interview", "A one-to-one interview"),
    ("self", "Answer the questions online, on my own"),
]


def interviewer_label(membership: Membership) -> str:
    words = membership.user.full_name
    if membership.is_independent:
        words += " (independent: not connected to the school)"
    return f"{words}. {membership.description}" if membership.description else words


class OfferForm(forms.Form):
    reply = forms.ChoiceField(
        choices=[("accept", "Yes, I would like to take part"),
                 ("decline", "No, thank you")],
        widget=forms.RadioSelect, label="Would you like to take part?",
        error_messages={"required": "Choose yes or no"})
    reason = LimitedTextField(label="Why not? (optional)", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              limit=limits.REASON, what="Your reason")
    confidentiality = forms.ChoiceField(
        choices=CONFIDENTIALITY, widget=forms.RadioSelect, required=False,
        label="Should your name be shown with what you say?")
    taking_part = forms.ChoiceField(choices=TAKING_PART, widget=forms.RadioSelect,
                                    required=False, label="How would you like to take part?")
    interviewer = forms.ChoiceField(widget=forms.RadioSelect, required=False,
                                    label="Who would you like to interview you?")
    statement = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, interviewers: list[Membership], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(m.user.public_id): m for m in interviewers}
        self.fields["interviewer"].choices = [  # type: ignore[attr-defined]
            *((key, interviewer_label(m)) for key, m in self.people.items()),
            (NO_PREFERENCE, "No preference: the school will choose someone suitable")]
        self.fields["interviewer"].help_text = (
            "Only if you choose an interview. Your line manager is never on this list.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reply") != "accept":
            return data
        if not data.get("confidentiality"):
            self.add_error("confidentiality", "Choose whether your name is shown")
        if not data.get("taking_part"):
            self.add_error("taking_part", "Choose how you would like to take part")
        elif data["taking_part"] == "interview" and not data.get("interviewer"):
            self.add_error("interviewer", "Choose who you would like, or “No preference”")
        return data


class ReviewForm(forms.Form):
    choice = forms.ChoiceField(
        choices=[("sign", "Sign that this is accurate"),
                 ("correct", "Ask for a correction")],
        widget=forms.RadioSelect, label="What would you like to do?",
        error_messages={"required": "Choose to sign or to ask for a correction"})
    full_name = LimitedTextField(label="Type your full name to sign", required=False,
                                 limit=limits.NAME, what="Your name")
    comment = LimitedTextField(label="What needs to be corrected?", required=False,
                               widget=forms.Textarea(attrs={"rows": 5}),
                               limit=limits.REASON, what="What needs to be corrected")
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("choice") == "sign" and not " ".join(
                str(data.get("full_name") or "").split()):
            self.add_error("full_name", "Type your full name to sign")
        if data.get("choice") == "correct" and not str(data.get("comment") or "").strip():
            self.add_error("comment", "Say what needs to be corrected")
        return data


class SubmitForm(forms.Form):
    """A button only: the check-answers page sends it."""
