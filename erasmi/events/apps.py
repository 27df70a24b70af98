from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "erasmi.events"
    label = "events"
    verbose_name = _("Meetings and events")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from erasmi.events import rules  # noqa: F401  (registers the permission rules)
        from erasmi.events.models import Event, events_changed, network_changed
        from erasmi.networks.models import Network, WorkingGroup

        post_save.connect(events_changed, sender=Event, dispatch_uid="events-changed-save")
        from erasmi.core import tasks
        from erasmi.events.notices import send_reminders

        # In the afternoon, for the meetings of the next day.
        tasks.periodic("events.reminders", tasks.Daily(hour=16), send_reminders)
        post_delete.connect(events_changed, sender=Event, dispatch_uid="events-changed-delete")
        post_save.connect(network_changed, sender=Network, dispatch_uid="events-network-changed")
        # The calendar's list names each meeting's working group (in the reader's language).
        post_save.connect(events_changed, sender=WorkingGroup, dispatch_uid="events-group-changed")

        from erasmi.events import start
        from erasmi.events.models import Registration
        from erasmi.networks import history

        start.register()
        history.register(
            "event",
            Event,
            choices={"formats": Event.Format.choices},
            sentences={"cancelled": _("%(who)s cancelled the meeting “%(what)s”")},
        )
        history.register("registration", Registration)
        history.register("minutes", Event, label=_("minutes"), labels={"attended": _("attendance")}, names_only=True)
