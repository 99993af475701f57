from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "leaver.accounts"
    label = "accounts"
