"""Password rules in Leaver's words, where Django's own message reads oddly for our users."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import UserAttributeSimilarityValidator
from django.core.exceptions import ValidationError


class NotLikeNameOrEmail(UserAttributeSimilarityValidator):
    """Django's similarity check on the email address and the full name; its message would say
    "too similar to the Email address"."""

    def __init__(self, **options: Any) -> None:
        super().__init__(user_attributes=("email", "full_name"), **options)

    def validate(self, password: str, user: Any = None) -> None:
        try:
            super().validate(password, user)
        except ValidationError:
            raise ValidationError("The password is too like your name or email address.",
                                  code="password_too_similar") from None

    def get_help_text(self) -> str:
        return "Your password cannot be like your name or email address."
