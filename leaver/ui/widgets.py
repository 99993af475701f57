from django import forms


class InlineRadioSelect(forms.RadioSelect):
    """Radios shown side by side: only for two or three short options (GOV.UK guidance)."""
