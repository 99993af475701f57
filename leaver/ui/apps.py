from django.apps import AppConfig


class UiConfig(AppConfig):
    """GOV.UK Design System pieces shared by every page: form fields, error summary."""

    name = "leaver.ui"
    label = "ui"
