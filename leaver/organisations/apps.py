from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "leaver.organisations"
    label = "organisations"
