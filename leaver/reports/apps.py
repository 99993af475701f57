from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Reports and analytics (DESIGN §8): aggregates only, under disclosure control."""

    name = "leaver.reports"
    label = "reports"
    verbose_name = "Reports"
