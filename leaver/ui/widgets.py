from typing import Any

from django import forms

from leaver.core.limits import too_long


class InlineRadioSelect(forms.RadioSelect):
    """Radios shown side by side: only for two or three short options (GOV.UK guidance)."""


class CommentField(forms.CharField):
    """An optional comment on a question. Its label reads "Comment (optional)" on the page;
    screen readers also hear which question it belongs to, since every one looks alike."""

    def __init__(self, *, about: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.hidden_label_suffix = f" on “{about}”"


class LimitedTextField(forms.CharField):
    """Free text people type, at most `limit` characters (leaver.core.limits): over it, the
    GOV.UK message "`what` must be N characters or fewer." and what was typed shown again.
    A textarea with a limit shows the GOV.UK character count (leaver.ui.templatetags.govuk)."""

    def __init__(self, *, limit: int, what: str, **kwargs: Any) -> None:
        messages = {"max_length": too_long(what, limit), **kwargs.pop("error_messages", {})}
        super().__init__(max_length=limit, error_messages=messages, **kwargs)

    def to_python(self, value: Any) -> str:
        # Browsers send a line break as two characters (CR LF); the character count, and
        # people, count one.
        return str(super().to_python(value)).replace("\r\n", "\n")

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # No maxlength: GOV.UK asks that text is never cut off as people type or paste;
        # they are told it is too long and can shorten it themselves.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class UserChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of people, shown by their full name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name)
