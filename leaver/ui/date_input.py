"""The GOV.UK date input: a date typed as Day, Month and Year, with errors in its words
("Date asked must include a month", "… must be a real date")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

PARTS = ("day", "month", "year")


class GovukDateWidget(forms.MultiWidget):
    """Three number boxes named <name>_day, <name>_month, <name>_year (rendered by the
    govuk_field tag, see govuk/date_input.html)."""

    def __init__(self) -> None:
        super().__init__({part: forms.TextInput() for part in PARTS})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.Field):
    widget = GovukDateWidget

    def __init__(self, *, label: str, required: bool = True, **kwargs: Any) -> None:
        super().__init__(label=label, required=required, **kwargs)
        self.name_in_errors = label

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        parts = [str(v or "").strip() for v in (value or ["", "", ""])]
        if not any(parts):
            return None
        missing = [name for name, part in zip(PARTS, parts, strict=True) if not part]
        if missing:
            raise forms.ValidationError(
                f"{self.name_in_errors} must include a {' and '.join(missing)}.")
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1000:
                raise ValueError
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(
                f"{self.name_in_errors} must be a real date, like 27 3 2026.") from None


def parts_of(value: Any, widget: GovukDateWidget) -> list[str]:
    """The three boxes' contents: what was typed, or the parts of a date."""
    values = value if isinstance(value, (list, tuple)) else widget.decompress(value)
    return ["" if v is None else str(v) for v in values]
