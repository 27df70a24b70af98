from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "erasmi.events"
    label = "events"
    verbose_name = _("Meetings and events")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from erasmi.events import rules  # noqa: F401  (registers the permission rules)
        from erasmi.events.models import Event, events_changed

        post_save.connect(events_changed, sender=Event, dispatch_uid="events-changed-save")
        post_delete.connect(events_changed, sender=Event, dispatch_uid="events-changed-delete")
