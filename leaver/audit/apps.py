from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "leaver.audit"
    label = "audit"

    def ready(self) -> None:
        from leaver.audit import (  # noqa: F401  (connect the receivers)
            account_signals,
            signals,
        )
