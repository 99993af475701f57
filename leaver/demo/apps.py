from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo organisation (`manage.py load_demo`): the top layer, it uses every other."""

    name = "leaver.demo"
    label = "demo"
