"""A network's offers on its page (see erasmi.core.start)."""

from erasmi.core import start
from erasmi.offers.models import Offer

OFFERS_SHOWN = 10


def network_offers(overview: start.Overview) -> dict | None:
    offers = Offer.objects.filter(network=overview.network).select_related("category").order_by("sort_title", "pk")
    shown = list(offers[: OFFERS_SHOWN + 1])
    return {
        "template": "offers/start/_offers.html",
        "offers": shown[:OFFERS_SHOWN],
        "more": len(shown) > OFFERS_SHOWN,
    }


def register() -> None:
    start.register_public(network_offers, order=30)
