from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "leaver.reviews"
    label = "reviews"

    def ready(self) -> None:
        from leaver.cases import reminders
        from leaver.cases.timeline import show_on_timeline
        from leaver.reviews.deadlines import open_deadlines
        from leaver.reviews.events import ON_TIMELINE

        show_on_timeline(ON_TIMELINE)
        # The review and recommendations of pathways that leave their chasing to reviews
        # (Definition.review_days: the staff action plan).
        reminders.register_source("reviews", open_deadlines)
