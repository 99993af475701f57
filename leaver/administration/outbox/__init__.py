"""Emails not sent: the outbox messages that keep failing, for organisation admins."""
