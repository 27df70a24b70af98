from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompendiumConfig(AppConfig):
    name = "erasmi.compendium"
    label = "compendium"
    verbose_name = _("Compendium of good practice")

    def ready(self):
        from erasmi.compendium import rules  # noqa: F401  (registers the permission rules)
