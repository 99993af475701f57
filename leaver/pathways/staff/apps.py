from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The school staff pathway (seed 000): registers its definition with the kernel."""

    name = "leaver.pathways.staff"
    label = "staff"
    verbose_name = "School staff pathway"

    def ready(self) -> None:
        from leaver.cases import engine
        from leaver.cases.timeline import show_on_timeline
        from leaver.pathways.staff.definition import STAFF
        from leaver.pathways.staff.events import StaffEvent

        engine.register(STAFF)
        show_on_timeline(StaffEvent)
