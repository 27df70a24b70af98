from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "erasmi.learning"
    label = "learning"
    verbose_name = _("Toolkit")

    def ready(self):
        from erasmi.learning import rules  # noqa: F401  (registers the permission rules)
