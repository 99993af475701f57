from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "leaver.audit"
    label = "audit"

    def ready(self) -> None:
        # Importing them connects their receivers.
        from leaver.audit import (  # noqa: F401
            account_signals,
            sign_in_failures,
            signals,
        )
