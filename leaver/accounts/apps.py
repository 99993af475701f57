from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "leaver.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from leaver.accounts.sessions import stamp_sign_in

        # The absolute session lifetime counts from here (accounts.sessions).
        user_logged_in.connect(stamp_sign_in, dispatch_uid="leaver.accounts.stamp_sign_in")
