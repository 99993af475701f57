"""The password forms, in GOV.UK wording, with every write going through accounts.passwords."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template import loader

from leaver.accounts import outgoing, passwords
from leaver.accounts.emails import normalise_email
from leaver.accounts.models import User

RULES = ("At least 12 characters. Not a common password, not only numbers, and not like your "
         "name or email address. A few words together is easy to remember and hard to guess.")


def _new_password_fields(form: forms.Form) -> None:
    first, second = form.fields["new_password1"], form.fields["new_password2"]
    first.label, first.help_text = "New password", RULES
    second.label, second.help_text = "Type the new password again", ""
    first.error_messages["required"] = "Enter a new password."
    second.error_messages["required"] = "Type the new password again."


MISMATCH: dict[str, Any] = {
    "password_mismatch": "The two new passwords are not the same. Type them again."}


class ResetRequestForm(PasswordResetForm):
    email = forms.CharField(
        label="Email address", max_length=254,
        error_messages={"required": "Enter your email address."},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}))

    def clean_email(self) -> str:
        # The sign-in's normalisation: "ＡＬＩＣＥ＠x" asks for alice@x's reset, as it signs in.
        email = normalise_email(self.cleaned_data.get("email", ""))
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError("Enter an email address in the correct format, like "
                                  "name@example.org.") from None
        return email

    def get_users(self, email: str) -> Iterator[User]:
        found = User.objects.filter(email=normalise_email(email), is_active=True)
        return (user for user in found if user.has_usable_password())

    @transaction.atomic
    def save(self, *args: Any, **kwargs: Any) -> None:
        # The audit row and the email in the outbox commit together.
        passwords.note_reset_requested(list(self.get_users(self.cleaned_data["email"])))
        super().save(*args, **kwargs)

    def send_mail(self, subject_template_name: str, email_template_name: str,
                  context: dict[str, Any], from_email: str | None, to_email: str,
                  html_email_template_name: str | None = None) -> None:
        """Into the outbox (which blanks the link once sent), not straight to the server."""
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        outgoing.send_secret(context["user"], subject, body)


class NewPasswordForm(SetPasswordForm):  # type: ignore[type-arg]  # generic in django-stubs only
    """Choosing a new password from the emailed link."""

    error_messages = MISMATCH

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _new_password_fields(self)

    def save(self, commit: bool = True) -> User:
        user: User = self.user
        passwords.reset_password(user, self.cleaned_data["new_password1"])
        return user


class ChangePasswordForm(PasswordChangeForm):
    """Changing a password while signed in: the current one first."""

    error_messages: dict[str, Any] = {
        **MISMATCH,
        "password_incorrect": "Your current password is not right. Type it again.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = self.fields["old_password"]
        current.label = "Current password"
        current.error_messages["required"] = "Enter your current password."
        current.widget.attrs.pop("autofocus", None)
        _new_password_fields(self)

    def save(self, commit: bool = True) -> User:
        user: User = self.user
        passwords.change_password(user, self.cleaned_data["new_password1"])
        return user
