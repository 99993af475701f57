"""The administration app's models live beside the pages that use them; Django finds them
through this module."""

from leaver.administration.users.models import Invitation

__all__ = ["Invitation"]
