from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

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
