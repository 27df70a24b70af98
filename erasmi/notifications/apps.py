from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "erasmi.notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from erasmi.core import tasks
        from erasmi.notifications.tasks import deliver_due

        # Notices whose worker died or whose mail server was away are sent by the next sweep.
        tasks.periodic("notifications.deliver_due", tasks.Every(300), deliver_due)
