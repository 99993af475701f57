from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.engine import ReviewWords
from leaver.core import limits
from leaver.core.limits import too_long
from leaver.reviews.models import ResponseKind, SentHow
from leaver.ui.date_input import GovukDateField
from leaver.ui.widgets import InlineRadioSelect, LimitedTextField

# The young person's words (the fields' own); another pathway's replace them.
DEFAULT_WORDS = ReviewWords()


class NoActionForm(forms.Form):
    reason = LimitedTextField(
        label="Why is no action needed?", widget=forms.Textarea(attrs={"rows": 4}),
        limit=limits.REASON, what="The reason",
        error_messages={"required": "Give the reason no action is needed."},
    )

    def __init__(self, *args: Any, open_concern: bool = False, **kwargs: Any) -> None:
        """`open_concern`: the case has an open safeguarding concern, which the IRO must say
        they know about (leaver.cases.concerns)."""
        super().__init__(*args, **kwargs)
        if open_concern:
            self.fields["knows_of_concern"] = forms.BooleanField(
                label="I know there is an open safeguarding concern",
                help_text="The safeguarding leads deal with it. Recording that no action is "
                          "needed from the interview does not close it.",
                error_messages={"required": "Confirm that you know there is an open "
                                            "safeguarding concern."})


class ActionNeededForm(forms.Form):
    needed = forms.ChoiceField(
        label="Does anything need to happen because of what the young person said?",
        choices=[("yes", "Yes"), ("no", "No")], widget=InlineRadioSelect,
        help_text="For example, a change at the home, or someone following something up.",
        error_messages={"required": "Say whether anything needs to happen."},
    )

    def __init__(self, *args: Any, words: ReviewWords = DEFAULT_WORDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if words != DEFAULT_WORDS:
            field = self.fields["needed"]
            field.label = f"Does anything need to happen because of what {words.leaver} said?"
            field.help_text = "For example, a change at the school, or someone following " \
                              "something up."


class RecommendationForm(forms.Form):
    """One recommendation. The owner's radios are drawn by the page: the people connected to
    the young person, then the results of a search; any active person of the organisation
    is accepted."""

    owner = forms.ModelChoiceField(
        label="Who should act on it?", queryset=User.objects.none(), empty_label=None,
        widget=forms.RadioSelect, error_messages={
            "required": "Choose who should act on it.",
            "invalid_choice": "Choose someone from your organisation."})
    text = LimitedTextField(label="Recommendation", widget=forms.Textarea(attrs={"rows": 4}),
                            limit=limits.RECOMMENDATION, what="Recommendation",
                           help_text="What should happen, in words for the person who acts "
                                     "on it.",
                           error_messages={"required": "Enter the recommendation."})
    young_person_text = LimitedTextField(
        label="The same recommendation, for the young person",
        limit=limits.RECOMMENDATION, what="The recommendation for the young person",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Plain, short words a 9-year-old could read. The letter uses these words, "
                  "not the ones above.",
        error_messages={"required": "Enter the recommendation in words the young person "
                                    "will understand."})
    due_date = GovukDateField(label="Respond by", what="the date a response is due",
                              help_text="For example, 27 3 2027")
    share_record = forms.BooleanField(
        label="Let this person read the interview record", required=False,
        help_text="Leave this unticked if the recommendation says enough on its own.",
    )

    def __init__(self, *args: Any, organisation_id: int, words: ReviewWords = DEFAULT_WORDS,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id, is_active=True)
        if words != DEFAULT_WORDS:
            text = self.fields["text"]
            text.label = words.title
            text.error_messages["required"] = f"Enter the {words.recommendation}."
            text.error_messages["max_length"] = too_long(words.title, limits.RECOMMENDATION)
        if not words.leaver_text:
            del self.fields["young_person_text"]
        if not words.may_share_record:
            del self.fields["share_record"]

    def clean_due_date(self) -> dt.date:
        due: dt.date = self.cleaned_data["due_date"]
        if due < timezone.localdate():
            raise forms.ValidationError("The date a response is due must be today or in "
                                        "the future.")
        return due


class WithdrawForm(forms.Form):
    reason = LimitedTextField(
        label="Why is it withdrawn?", widget=forms.Textarea(attrs={"rows": 3}),
        limit=limits.REASON, what="The reason",
        help_text="Its owner will see this.",
        error_messages={"required": "Say why the recommendation is withdrawn."})

    def __init__(self, *args: Any, words: ReviewWords = DEFAULT_WORDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].error_messages["required"] = (
            f"Say why the {words.recommendation} is withdrawn.")


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label="Will action be taken?", choices=ResponseKind.choices,
                             widget=forms.RadioSelect,
                             error_messages={"required": "Choose whether action will be taken."})
    text = LimitedTextField(
        label="What will be done, or why nothing will be done",
        limit=limits.RESPONSE, what="Your response",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say what will be done, or why nothing will be done."},
    )


class LetterForm(forms.Form):
    text = LimitedTextField(
        label="Letter to the young person", widget=forms.Textarea(attrs={"rows": 22}),
        limit=limits.LETTER, what="The letter",
        help_text="Use plain words a young person will understand. Saved letters can be "
                  "downloaded as a PDF.",
        error_messages={"required": "The letter cannot be empty."},
    )


class SentForm(forms.Form):
    sent_on = GovukDateField(label="When was it sent?", what="the date the letter was sent",
                             help_text="For example, 27 3 2027")
    how = forms.ChoiceField(label="How was it sent?", choices=SentHow.choices,
                            widget=forms.RadioSelect,
                            error_messages={"required": "Choose how the letter was sent."})

    def clean_sent_on(self) -> dt.date:
        sent: dt.date = self.cleaned_data["sent_on"]
        if sent > timezone.localdate():
            raise forms.ValidationError("The date the letter was sent must be today or in "
                                        "the past.")
        return sent
