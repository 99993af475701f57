from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from leaver.accounts.models import User
from leaver.reviews.models import ResponseKind
from leaver.ui.widgets import DateInput, UserChoiceField


class NoActionForm(forms.Form):
    reason = forms.CharField(
        label="Why is no action needed?", widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Give the reason no action is needed."},
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": "Enter the recommendation."})
    owner = UserChoiceField(label="Who should act on it?", queryset=User.objects.none(),
                            empty_label="Choose a person",
                            error_messages={"required": "Choose who should act on it."})
    due_date = forms.DateField(label="Respond by", widget=DateInput(), error_messages={
        "required": "Enter the date a response is due.",
        "invalid": "Enter the due date as a real date, like 2026-12-31.",
    })
    share_record = forms.BooleanField(
        label="Let this person read the interview record", required=False,
        help_text="Leave this unticked if the recommendation says enough on its own.",
    )

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id, is_active=True)

    def clean_due_date(self) -> dt.date:
        due: dt.date = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError("The due date must be today or in the future.")
        return due


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label="Will action be taken?", choices=ResponseKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose whether action will be taken."})
    text = forms.CharField(
        label="What will be done, or why nothing will be done",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say what will be done, or why nothing will be done."},
    )


class LetterForm(forms.Form):
    text = forms.CharField(
        label="Letter to the young person", widget=forms.Textarea(attrs={"rows": 22}),
        help_text="Use plain words a young person will understand. Saved letters can be "
                  "downloaded as a PDF.",
        error_messages={"required": "The letter cannot be empty."},
    )
