"""The GOV.UK date input: a date typed as Day, Month and Year in three boxes, and the same
with a fourth box for the time ("14:30"), for an appointment. No browser date widget.

The field names its date in its messages ("The due date must be a real date"), as the
Design System asks, and says which part is missing. Rendered by `govuk_field` (kind "date").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils import timezone

PARTS = ("day", "month", "year")


class GovukDateWidget(forms.Widget):
    """Three inputs named `<name>-day`, `<name>-month`, `<name>-year`."""

    parts: tuple[str, ...] = PARTS

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[str]:
        return [str(data.get(f"{name}-{part}", "")) for part in self.parts]

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return all(f"{name}-{part}" not in data for part in self.parts)

    def format_value(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, dt.datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            return [str(local.day), str(local.month), str(local.year), f"{local:%H:%M}"]
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        if isinstance(value, (list, tuple)):
            return [str(v or "") for v in value]
        return [""] * len(self.parts)


class GovukDateTimeWidget(GovukDateWidget):
    """The date's three inputs and `<name>-time`, typed on the 24-hour clock."""

    parts = (*PARTS, "time")


class GovukDateField(forms.Field):
    widget = GovukDateWidget

    def __init__(self, *, what: str, **kwargs: Any) -> None:
        """`what` names the date in messages, e.g. "the due date"."""
        self.what = what
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", f"Enter {what}")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        parts = [str(v).strip() for v in (value or ["", "", ""])]
        if not any(parts):
            return None
        what = self.what[:1].upper() + self.what[1:]
        missing = [part for part, typed in zip(PARTS, parts, strict=True) if not typed]
        if missing:
            raise forms.ValidationError(f"{what} must include a {' and a '.join(missing)}")
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1000:
                raise ValueError
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{what} must be a real date") from None


_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


class GovukDateTimeField(GovukDateField):
    """A date and a time ("14:30" or "14.30"), in the service's time zone."""

    widget = GovukDateTimeWidget

    def to_python(self, value: Any) -> dt.datetime | None:
        if isinstance(value, dt.datetime):
            return value
        parts = [str(v).strip() for v in (value or ["", "", "", ""])]
        if not any(parts):
            return None
        day = super().to_python(parts[:3])
        what = self.what[:1].upper() + self.what[1:]
        if not parts[3]:
            raise forms.ValidationError(f"{what} must include a time")
        match = _TIME.fullmatch(parts[3])
        if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise forms.ValidationError(f"{what} must have a real time, like 14:30")
        assert day is not None
        naive = dt.datetime.combine(day, dt.time(int(match.group(1)), int(match.group(2))))
        return timezone.make_aware(naive)
