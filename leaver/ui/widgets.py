from typing import Any

from django import forms


class InlineRadioSelect(forms.RadioSelect):
    """Radios shown side by side: only for two or three short options (GOV.UK guidance)."""


class CommentField(forms.CharField):
    """An optional comment on a question. Its label reads "Comment (optional)" on the page;
    screen readers also hear which question it belongs to, since every one looks alike."""

    def __init__(self, *, about: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hidden_label_suffix = f" on “{about}”"


class UserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of people, shown by their full name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)
