from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "erasmi.accounts"
    label = "accounts"
