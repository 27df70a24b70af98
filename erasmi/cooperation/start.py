"""What cooperation adds to the start page: partnerships other organisations proposed to mine."""

from erasmi.cooperation.models import Partnership
from erasmi.core import start
from erasmi.networks.models import Role

SHOWN = 10


def proposals(overview: start.Overview) -> dict | None:
    """Open proposals addressed to the organisation I speak for (on a network's page: that network's)."""
    user = overview.user
    roles = Role.objects.active().filter(person__user=user).select_related("person", "record")
    if overview.network is not None:
        roles = roles.filter(network=overview.network)
    mine = [(role.network_id, role.entry.organisation_id) for role in roles if role.entry.organisation_id]
    if not mine:
        return None
    found = Partnership.objects.none()
    for network_id, organisation_id in mine:
        found |= Partnership.objects.open().filter(network_id=network_id, partner_id=organisation_id)
    found = list(found.select_related("network", "organisation", "partner").order_by("created")[:SHOWN])
    if not found:
        return None
    return {"template": "cooperation/start/_proposals.html", "proposals": found, "network": overview.network}


def register() -> None:
    start.register(proposals, order=35)
