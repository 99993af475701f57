from __future__ import annotations

from typing import Any

from django import forms

from leaver.core import limits
from leaver.organisations.models import Pathway, Setting
from leaver.organisations.queries import open_settings
from leaver.questionnaires.models import Template

MAX_UPLOAD_BYTES = limits.UPLOAD_BYTES


class UploadForm(forms.Form):
    workbook = forms.FileField(
        label="XLSForm workbook (.xlsx)",
        help_text=f"The questionnaire is imported as a draft. Nothing changes until you publish. "
                  f"At most {limits.UPLOAD_BYTES // 1024 // 1024} MB, {limits.QUESTIONS} "
                  f"questions and {limits.CHOICES_PER_LIST} choices in a list.",
        error_messages={"required": "Choose an .xlsx file to upload."},
    )
    pathway = forms.ChoiceField(label="Who answers it?", choices=Pathway.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": "Choose who answers it."})

    def clean_workbook(self) -> Any:
        upload = self.cleaned_data["workbook"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(f"The selected file must be "
                                        f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB or smaller.")
        return upload


class DefaultForm(forms.Form):
    pathway = forms.ChoiceField(label="Pathway", choices=Pathway.choices,
                                error_messages={"required": "Choose a pathway."})
    setting = forms.ModelChoiceField(
        label="Where (optional)", queryset=Setting.objects.none(), required=False,
        empty_label="Everywhere, unless a place has its own",
    )
    template = forms.ModelChoiceField(label="Questionnaire", queryset=Template.objects.none(),
                                      empty_label="Choose a questionnaire",
                                      error_messages={"required": "Choose a questionnaire."})

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A closed place takes no new cases, so it needs no default questionnaire.
        self.fields["setting"].queryset = open_settings(  # type: ignore[attr-defined]
            organisation_id)
        self.fields["template"].queryset = Template.objects.filter(  # type: ignore[attr-defined]
            organisation_id=organisation_id)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        template = data.get("template")
        if template is not None and template.pathway != data.get("pathway"):
            self.add_error("template", "Choose a questionnaire written for this pathway.")
        return data
