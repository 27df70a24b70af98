from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "erasmi.networks"
    label = "networks"
    verbose_name = _("Networks")

    def ready(self):
        from erasmi.networks import rules  # noqa: F401  (registers the permission rules)
