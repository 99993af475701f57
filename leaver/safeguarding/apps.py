from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """Safeguarding concerns (DESIGN §7). Fills the case kernel's concern hooks
    (leaver.cases.concerns) and registers its escalation scan with the worker's schedule."""

    name = "leaver.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"

    def ready(self) -> None:
        from leaver.cases import concerns
        from leaver.notifications import schedule
        from leaver.safeguarding.escalation import SCAN_MINUTES, scan
        from leaver.safeguarding.hooks import HOOKS

        concerns.register(HOOKS)
        # The worker's periodic scan: concerns not acknowledged in time escalate.
        schedule.register("safeguarding.escalation", SCAN_MINUTES, scan)
