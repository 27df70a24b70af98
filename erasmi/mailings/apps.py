from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MailingsConfig(AppConfig):
    name = "erasmi.mailings"
    label = "mailings"
    verbose_name = _("Info mail")

    def ready(self):
        from erasmi.core import tasks
        from erasmi.mailings import (
            rules,  # noqa: F401  (registers the permission rules)
        )
        from erasmi.mailings.tasks import compose_digests, start_scheduled

        tasks.periodic("mailings.start_scheduled", tasks.Every(seconds=60), start_scheduled)
        tasks.periodic("mailings.calendar_digest", tasks.Monthly(day=1, hour=6, every=2), compose_digests)
