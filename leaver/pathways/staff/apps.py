from django.apps import AppConfig


class StaffConfig(AppConfig):
    """The school staff pathway (seed 000): registers its definition and the
    steps Leaver takes by itself with the kernel."""

    name = "leaver.pathways.staff"
    label = "staff"
    verbose_name = "School staff pathway"

    def ready(self) -> None:
        from leaver.cases import engine
        from leaver.cases.timeline import describe_on_timeline, show_on_timeline
        from leaver.notifications import schedule
        from leaver.pathways.staff import system, wording
        from leaver.pathways.staff.definition import STAFF
        from leaver.pathways.staff.events import StaffEvent

        engine.register(STAFF)
        show_on_timeline(StaffEvent)
        describe_on_timeline(StaffEvent.LINK_SENT, wording.describe_link)
        for event in (StaffEvent.OFFER_SENT, StaffEvent.OFFER_REMINDER):
            describe_on_timeline(event, wording.describe_reply_date)
        # The action plan and the actions are chased by leaver.reviews (review_days).
        # The leaver's reminder, "no response" and "not confirmed" (seed 000 deadlines).
        schedule.register("staff.system_steps", 60, system.run)
