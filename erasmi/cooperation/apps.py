from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "erasmi.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self):
        from erasmi.cooperation import (
            rules,  # noqa: F401  (registers the permission rules)
            sources,
            start,
            versions,
        )
        from erasmi.cooperation.models import Partnership
        from erasmi.networks import history

        sources.register_builtin()
        versions.connect()
        start.register()
        history.register(
            "partnership",
            Partnership,
            sentences={
                "confirmed": _("%(who)s confirmed the partnership “%(what)s”"),
                "declined": _("%(who)s declined the partnership “%(what)s”"),
            },
        )
