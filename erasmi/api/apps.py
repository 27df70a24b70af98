from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "erasmi.api"
    label = "api"
