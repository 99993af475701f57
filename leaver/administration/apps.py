from django.apps import AppConfig


class AdministrationConfig(AppConfig):
    name = "leaver.administration"
    label = "administration"
    verbose_name = "Organisation administration"
