from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "erasmi.events"
    label = "events"
    verbose_name = _("Meetings and events")

    def ready(self):
        from erasmi.events import rules  # noqa: F401  (registers the permission rules)
