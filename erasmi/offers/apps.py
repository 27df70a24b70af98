from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "erasmi.offers"
    label = "offers"
    verbose_name = _("Offers")

    def ready(self):
        from erasmi.networks import history
        from erasmi.offers import start
        from erasmi.offers.models import Area, Offer

        start.register()
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
