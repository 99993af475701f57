from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "leaver.notifications"
    label = "notifications"

    def ready(self) -> None:
        from leaver.accounts import outgoing, signals
        from leaver.notifications import digest, email, jobs

        # Emails that leaver.accounts sends (the password reset link) go through the outbox,
        # which sits in this layer above it.
        outgoing.register(email.queue_secret)
        # Someone who stops taking a daily digest gets what was waiting for it at once.
        signals.email_digest_changed.connect(
            digest.release_if_stopped, dispatch_uid="leaver.notifications.release_held")
        jobs.register_jobs()
