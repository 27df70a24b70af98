from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "erasmi.core"
    label = "core"
