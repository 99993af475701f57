"""Forms of the staff interview's pages: choosing the interviewer, arranging the interview,
the leaver's signature in the room, and the reason for an amendment."""

from __future__ import annotations

from typing import Any

from django import forms

from leaver.accounts.models import User
from leaver.core import limits
from leaver.ui.date_input import GovukDateTimeField
from leaver.ui.widgets import LimitedTextField, UserChoiceField


class AssignForm(forms.Form):
    interviewer = UserChoiceField(
        label="Choose the interviewer", queryset=User.objects.none(), to_field_name="public_id",
        widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": "Choose an interviewer.",
                        "invalid_choice": "Choose one of the interviewers listed."})
    override = forms.BooleanField(
        required=False, label="Choose the leaver's line manager anyway",
        help_text="Only if there is no one else the leaver would be comfortable with.")
    override_reason = LimitedTextField(
        label="Why should the line manager interview the leaver?", required=False,
        limit=limits.REASON, what="The reason", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, people: list[User], may_override: bool,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            pk__in=[u.pk for u in people])
        if not may_override:
            del self.fields["override"]
            del self.fields["override_reason"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("override") and not str(data.get("override_reason", "")).strip():
            self.add_error("override_reason", "Say why the line manager should interview the "
                                              "leaver.")
        return data

    @property
    def reason(self) -> str:
        """The override's reason, only when the box is ticked."""
        if not self.cleaned_data.get("override"):
            return ""
        return str(self.cleaned_data.get("override_reason", ""))


class ScheduleForm(forms.Form):
    scheduled_for = GovukDateTimeField(
        label="Date and time", what="the date and time of the interview",
        help_text="For example, 27 3 2027 and 14:30 (the 24-hour clock, UK time)",
        error_messages={"required": "Enter the date and time of the interview."})
    location = LimitedTextField(
        label="Place", limit=limits.PLACE, what="Place",
        help_text="Somewhere private where the leaver can speak freely, or how to join a call.",
        error_messages={"required": "Enter where the interview will take place."})


class SubmitForm(forms.Form):
    """A button only: the page itself says what will happen."""


class SignForm(forms.Form):
    typed_name = LimitedTextField(
        label="The leaver's full name, as they give it", limit=limits.NAME, what="The name",
        help_text="Type it with the leaver in the room, after they have read the record.",
        error_messages={"required": "Type the leaver's full name as they give it."})
    read = forms.BooleanField(
        label="The leaver has read the record and says it is correct",
        error_messages={"required": "Confirm that the leaver has read the record and says it "
                                    "is correct."})


class AmendForm(forms.Form):
    reason = LimitedTextField(
        label="Why was the record changed?", limit=limits.REASON, what="The reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone who can read the record will see this, with your name and the date.",
        error_messages={"required": "Say why the record was changed."})
