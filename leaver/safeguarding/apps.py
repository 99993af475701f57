from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """Safeguarding concerns (DESIGN §7). Fills the case kernel's concern hooks
    (leaver.cases.concerns) and, once the worker's schedule exists, registers its scan."""

    name = "leaver.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"

    def ready(self) -> None:
        from importlib.util import find_spec

        from leaver.cases import concerns
        from leaver.safeguarding.hooks import HOOKS

        concerns.register(HOOKS)
        # The periodic scan: escalation of concerns not acknowledged in time. The worker's
        # schedule (leaver.notifications.schedule) arrives with the outbox; until then
        # leaver.safeguarding.escalation.scan(now) is called by whoever runs it.
        if find_spec("leaver.notifications.schedule") is not None:
            from leaver.notifications import schedule  # type: ignore[attr-defined,unused-ignore]
            from leaver.safeguarding.escalation import SCAN_MINUTES, scan

            schedule.register("safeguarding.escalation", SCAN_MINUTES, scan)
