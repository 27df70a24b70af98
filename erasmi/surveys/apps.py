from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "erasmi.surveys"
    label = "surveys"
    verbose_name = _("Surveys")

    def ready(self):
        from erasmi.surveys import (
            rules,  # noqa: F401  (registers the permission rules)
            start,
        )

        start.register()
