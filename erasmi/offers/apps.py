from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "erasmi.offers"
    label = "offers"
    verbose_name = _("Offers")

    def ready(self):
        from erasmi.core import tasks
        from erasmi.networks import history
        from erasmi.offers import start
        from erasmi.offers.models import Area, Offer
        from erasmi.offers.tasks import remind_outdated_offers

        start.register()
        # Daily: each offer is reminded when it becomes due, and again a month later at the earliest.
        tasks.periodic("offers.remind_outdated", tasks.Daily(hour=7), remind_outdated_offers)
        history.register("area", Area)
        history.register(
            "offer",
            Offer,
            labels={
                "title": _("title"),
                "description": _("description"),
                "spoken": _("languages of the offer"),
            },
        )
