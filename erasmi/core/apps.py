from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "erasmi.core"
    label = "core"

    def ready(self):
        from django.urls import register_converter

        from erasmi.core.converters import IdConverter

        register_converter(IdConverter, "id")  # every id in a URL: bounded, so a huge number is a 404
