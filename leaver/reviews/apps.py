from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "leaver.reviews"
    label = "reviews"
