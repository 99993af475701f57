from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The case kernel. Its models kept the app label "interviews" they were created under,
    so existing databases need no table renames (ADR 0009)."""

    name = "leaver.cases"
    label = "interviews"
    verbose_name = "Cases"
