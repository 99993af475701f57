from django.apps import AppConfig


class YoungPersonConfig(AppConfig):
    """The young person's pathway (seed 002): registers its definition and its deadlines
    with the kernel."""

    name = "leaver.pathways.young_person"
    label = "young_person"
    verbose_name = "Young person's pathway"

    def ready(self) -> None:
        from leaver.cases import engine, reminders
        from leaver.cases.timeline import describe_on_timeline, show_on_timeline
        from leaver.pathways.young_person.actions import describe_schedule
        from leaver.pathways.young_person.deadlines import open_deadlines
        from leaver.pathways.young_person.definition import YOUNG_PERSON
        from leaver.pathways.young_person.events import YoungPersonEvent

        engine.register(YOUNG_PERSON)
        show_on_timeline(YoungPersonEvent)
        describe_on_timeline(YoungPersonEvent.SCHEDULE, describe_schedule)
        # What leaver.cases.reminders.scan chases on this pathway.
        reminders.register_source("young_person", open_deadlines)
