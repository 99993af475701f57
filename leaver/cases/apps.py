from django.apps import AppConfig


class CasesConfig(AppConfig):
    """The case kernel. Its models kept the app label "interviews" they were created under,
    so existing databases need no table renames (ADR 0009)."""

    name = "leaver.cases"
    label = "interviews"
    verbose_name = "Cases"

    def ready(self) -> None:
        from leaver.cases import (
            checks,  # noqa: F401  (registers the key check)
            reminders,
        )
        from leaver.notifications import schedule

        # Hourly: reminders on the due date, then overdue and escalation rounds (each queued
        # once: dedupe keys), for every pathway's registered deadlines.
        schedule.register("cases.reminders", 60, reminders.scan)
