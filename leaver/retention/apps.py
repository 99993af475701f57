from django.apps import AppConfig


class RetentionConfig(AppConfig):
    """How long records are kept, legal holds, and erasure (issue 14). Registers the daily
    job that applies each organisation's retention schedule with the worker's schedule."""

    name = "leaver.retention"
    label = "retention"
    verbose_name = "Retention and erasure"

    def ready(self) -> None:
        from leaver.notifications import schedule
        from leaver.retention.nightly import JOB_MINUTES, apply_schedules

        schedule.register("retention.apply_schedules", JOB_MINUTES, apply_schedules)
