"""The audit log's filters: a GET form, so a filtered list has an address to share and the
export link carries the same filters. Every choice is of the admin's own organisation."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django import forms

from leaver.accounts.models import User
from leaver.audit.vocabulary import labels
from leaver.cases.models import Interview
from leaver.organisations.models import Organisation
from leaver.ui.date_input import GovukDateField

_UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """People by name and email: two people may share a name."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.email})"

    def to_python(self, value: Any) -> Any:
        try:
            return super().to_python(value)
        except forms.ValidationError:  # also a value that is no UUID at all
            raise forms.ValidationError(self.error_messages["invalid_choice"],
                                        code="invalid_choice") from None


def action_choices() -> list[tuple[str, str]]:
    """Every event of every vocabulary, by its words, in alphabetical order."""
    return [("", "Anything"), *sorted(labels().items(), key=lambda item: item[1].lower())]


class AuditFilterForm(forms.Form):
    person = forms.CharField(
        label="Young person", required=False, max_length=200,
        help_text="Their name, or part of it. Finds the cases of everyone whose name matches.")
    case = forms.CharField(
        label="Case reference", required=False, max_length=300,
        help_text="The long reference in the address of the case page, for example "
                  "0f8fad5b-d9cb-469f-a165-70867728950e. You can paste the whole address.")
    user = PersonChoiceField(
        label="Done by", required=False, queryset=User.objects.none(),
        to_field_name="public_id", empty_label="Anyone",
        error_messages={"invalid_choice": "Choose a person from the list"})
    action = forms.ChoiceField(
        label="What happened", required=False, choices=action_choices,
        error_messages={"invalid_choice": "Choose what happened from the list"})
    date_from = GovukDateField(what="the start date", label="From", required=False,
                               help_text="For example, 27 3 2026")
    date_to = GovukDateField(what="the end date", label="To", required=False,
                             help_text="For example, 31 3 2026")

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["user"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation).order_by("full_name", "email")

    def clean_person(self) -> str:
        return " ".join(str(self.cleaned_data.get("person") or "").split())

    def clean_case(self) -> Interview | None:
        typed = str(self.cleaned_data.get("case") or "").strip()
        if not typed:
            return None
        match = _UUID.search(typed)
        if match is None:
            raise forms.ValidationError(
                "Enter the case reference as it appears in the case page's address, for "
                "example 0f8fad5b-d9cb-469f-a165-70867728950e")
        # Only this organisation's cases: another organisation's reference reads as unknown.
        case = Interview.objects.filter(organisation=self.organisation,
                                        public_id=uuid.UUID(match.group())).first()
        if case is None:
            raise forms.ValidationError("No case of your organisation has this reference")
        return case

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The end date must be the same as or after the start "
                                      "date")
        return data
