from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "erasmi.offers"
    label = "offers"
    verbose_name = _("Offers")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from erasmi.core import tasks
        from erasmi.networks import history
        from erasmi.networks.models import Organisation
        from erasmi.offers import start
        from erasmi.offers.models import Area, Category, Offer, Place, TargetGroup, changed
        from erasmi.offers.tasks import remind_outdated_offers

        start.register()
        # Daily: each offer is reminded when it becomes due, and again a month later at the earliest.
        tasks.periodic("offers.remind_outdated", tasks.Daily(hour=7), remind_outdated_offers)
        # The public offer pages are cached per content version: whatever they show bumps it.
        for model in (Offer, Category, TargetGroup, Place, Organisation):
            post_save.connect(changed, sender=model, dispatch_uid=f"offers-version-save-{model.__name__}")
            post_delete.connect(changed, sender=model, dispatch_uid=f"offers-version-delete-{model.__name__}")
        m2m_changed.connect(changed, sender=Offer.target_groups.through, dispatch_uid="offers-version-m2m")
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
