from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "leaver.reviews"
    label = "reviews"

    def ready(self) -> None:
        from leaver.cases.timeline import show_on_timeline
        from leaver.reviews.events import ON_TIMELINE

        show_on_timeline(ON_TIMELINE)
