from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "leaver.interviews"
    label = "interviews"
