"""Render Django form fields as GOV.UK Design System components.

Values are always rendered by Django's own widgets or auto-escaped templates: nothing a
user typed is ever marked safe here.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.forms.boundfield import BoundField

from leaver.ui.date_input import GovukDateWidget
from leaver.ui.widgets import InlineRadioSelect

register = template.Library()

# Each box of a date is as wide as what it holds.
_PART_WIDTHS = {"year": 4, "time": 5}


def _described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.inclusion_tag("govuk/field.html")
def govuk_field(field: BoundField, label_size: str = "s", width: str = "") -> dict[str, Any]:
    widget = field.field.widget
    if isinstance(widget, GovukDateWidget):
        kind = "date"
    elif isinstance(widget, forms.CheckboxInput):
        kind = "checkbox"
    # Before RadioSelect: Django's CheckboxSelectMultiple is a subclass of it.
    elif isinstance(widget, forms.CheckboxSelectMultiple):
        kind = "checkboxes"
    elif isinstance(widget, forms.RadioSelect):
        kind = "radios"
    else:
        kind = "input"
    if isinstance(widget, forms.Textarea):
        css = "govuk-textarea"
    elif isinstance(widget, forms.Select):
        css = "govuk-select"
    else:
        css = "govuk-input"
    if field.errors:
        css += f" {css.split()[0]}--error"
    # Inputs are as wide as what they hold (GOV.UK guidance): dates and times are short.
    input_type = getattr(widget, "input_type", "")
    width = width or {"date": "10", "datetime-local": "20"}.get(str(input_type), "")
    if width and css.startswith("govuk-input"):
        css += f" govuk-input--width-{width}"
    # A long box with a limit counts characters as people type (GOV.UK character count);
    # without JavaScript its message still says what the limit is.
    count = getattr(field.field, "max_length", None) if isinstance(
        widget, forms.Textarea) else None
    if count:
        css += " govuk-js-character-count"
    attrs: dict[str, str | bool] = {"class": css}
    described = " ".join(filter(None, [f"{field.auto_id}-info" if count else "",
                                       _described_by(field)]))
    if described:
        attrs["aria-describedby"] = described
    # A condition is shown and hidden with the whole group (leaver/static/leaver/conditions.js).
    relevant = widget.attrs.get("data-relevant", "")
    attrs["data-relevant"] = False
    # So is a constraint checked as the form is sent (leaver/static/leaver/constraints.js).
    constraint = widget.attrs.get("data-constraint", "")
    attrs["data-constraint"] = False
    rendered = field.as_widget(attrs=attrs) if kind == "input" else ""
    value = field.value()
    values = {str(v) for v in value} if isinstance(value, (list, tuple)) else {str(value)}
    options = []
    # An "or" divider before this choice; with checkboxes, choices that stand alone.
    divider = getattr(field.field, "divider_before", "")
    exclusive = set(getattr(field.field, "exclusive", ()))
    if kind == "date":
        # The day box has the field's own id, so the error summary links to it.
        typed = widget.format_value(value)
        options = [{"id": field.auto_id if part == "day" else f"{field.auto_id}-{part}",
                    "name": f"{field.html_name}-{part}", "label": part.title(),
                    "value": typed[i], "width": _PART_WIDTHS.get(part, 2),
                    "numeric": part != "time"}
                   for i, part in enumerate(widget.parts)]
    if kind in ("radios", "checkboxes"):
        for index, (option_value, option_label) in enumerate(_choices(field.field)):
            if option_value == "":
                continue
            options.append({
                "id": f"{field.auto_id}_{index}",
                "value": option_value,
                "label": option_label,
                "checked": str(option_value) in values,
                "divider": bool(divider) and option_value == divider,
                "exclusive": kind == "checkboxes" and option_value in exclusive,
            })
    return {
        "field": field,
        "kind": kind,
        "rendered": rendered,
        "options": options,
        "checked": bool(value) and kind == "checkbox",
        "label_size": label_size,
        "inline": isinstance(widget, InlineRadioSelect),
        "described_by": described,
        "hidden_suffix": getattr(field.field, "hidden_label_suffix", ""),
        "relevant": relevant,
        "constraint": constraint,
        "count": count,
        "count_text": f"{count:,}" if count else "",
    }


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_: forms.Form) -> dict[str, Any]:
    errors = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for message in form.non_field_errors():
            errors.append({"href": "", "message": message})
        for name, field in form.fields.items():
            bound = form[name]
            for message in bound.errors:
                target = bound.auto_id
                if isinstance(field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
                    target = f"{bound.auto_id}_{_first_choice_index(field)}"
                errors.append({"href": f"#{target}", "message": message})
    return {"errors": errors}


def _choices(field: forms.Field) -> list[tuple[Any, str]]:
    return list(getattr(field, "choices", []))


def _first_choice_index(field: forms.Field) -> int:
    for index, (value, _label) in enumerate(_choices(field)):
        if value != "":
            return index
    return 0


@register.inclusion_tag("govuk/tag.html")
def state_tag(state: str, label: str) -> dict[str, str]:
    colours = {
        "notified": "yellow", "consented": "turquoise", "interviewer_assigned": "blue",
        "scheduled": "blue", "with_iro": "purple", "recommendations_issued": "pink",
        "responses_complete": "pink", "no_action_needed": "grey", "closed": "green",
        "declined": "grey", "not_feasible": "grey", "withdrawn": "grey",
        "unable_to_contact": "red",
    }
    return {"label": label, "colour": colours.get(state, "grey")}
