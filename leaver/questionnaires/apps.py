from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "leaver.questionnaires"
    label = "questionnaires"
