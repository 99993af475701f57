from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "leaver.audit"
    label = "audit"

    def ready(self) -> None:
        from leaver.audit import signals  # noqa: F401  (connects the receivers)
