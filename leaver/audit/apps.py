from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "leaver.audit"
    label = "audit"
