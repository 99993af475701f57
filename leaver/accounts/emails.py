"""The one normalisation of an email address used to sign in, count failed attempts and find
the account. Django's sign-in form applies Unicode NFKC to what is typed ("ａｌｉｃｅ" becomes
"alice"); every key derived from an email must do the same, or a compatibility spelling counts
its failed attempts apart while still signing in (the lockout bypass the attack run found).
"""

from __future__ import annotations

import unicodedata


def normalise_email(value: object) -> str:
    """NFKC, then case-folded and trimmed: every spelling of one address gives one key."""
    return unicodedata.normalize("NFKC", str(value or "")).strip().casefold()
