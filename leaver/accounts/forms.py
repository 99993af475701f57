from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from leaver.accounts import two_factor
from leaver.accounts.emails import normalise_email


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct email address and password.",
        "inactive": "This account has been switched off. Ask your organisation admin.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = "Email address"
        self.fields["username"].widget = forms.EmailInput(attrs={
            "autocomplete": "email", "spellcheck": "false", "autofocus": True,
        })
        self.fields["username"].error_messages["required"] = "Enter your email address."
        self.fields["password"].error_messages["required"] = "Enter your password."

    def clean_username(self) -> str:
        return normalise_email(self.cleaned_data.get("username", ""))


class AppCodeForm(forms.Form):
    """The 6-digit code from an authenticator app (at sign-in, and to finish setting one up)."""

    code = forms.CharField(
        label="6-digit code", max_length=20,
        help_text="The code changes every 30 seconds. Each code works once.",
        error_messages={"required": "Enter the 6-digit code from your authenticator app."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "spellcheck": "false"}))

    def clean_code(self) -> str:
        code = two_factor.app_code(self.cleaned_data.get("code", ""))
        if not code:
            raise forms.ValidationError("Enter the 6 digits your authenticator app shows for "
                                        "Leaver, like 123456.")
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label="Recovery code", max_length=30,
        help_text="8 letters and numbers, from the list you saved when you set up two-factor "
                  "sign-in. Each recovery code works once.",
        error_messages={"required": "Enter one of your recovery codes."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false",
                                      "autocapitalize": "none"}))

    def clean_code(self) -> str:
        code = two_factor.recovery_code(self.cleaned_data.get("code", ""))
        if not code:
            raise forms.ValidationError("Enter a recovery code: 8 letters and numbers, like "
                                        "abcd 2345.")
        return code


class EmailChoiceForm(forms.Form):
    """Each email as it happens, or one summary a day."""

    how = forms.ChoiceField(
        label="How do you want to get Leaver's emails?",
        choices=[("each", "Each email as it happens"),
                 ("daily", "One summary email a day, in the morning")],
        widget=forms.RadioSelect,
        help_text="The summary lists what you need to do and by when. Urgent emails, such as "
                  "a safeguarding concern, and sign-in emails always come at once.",
        error_messages={"required": "Choose how you want to get Leaver's emails."})
