"""Permission rules of action plans and annual reports (see erasmi.core.permissions).

The network's members see its plans and reports; coordinators edit them. A measure is also edited,
and its indicators recorded, by the people of its lead organisation (while their role is active).
"""

from django.db.models import F
from django.db.models.functions import Coalesce

from erasmi.core.permissions import can, rule
from erasmi.networks.models import Role


def organisation_in(user, network) -> int | None:
    """The organisation the network records for the user (its own record of them, else their person's)."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_network_organisations", {})
    if network.pk not in cache:
        cache[network.pk] = (
            Role.objects.active()
            .filter(network=network, person__user=user)
            .annotate(organisation=Coalesce(F("record__organisation"), F("person__organisation")))
            .values_list("organisation", flat=True)
            .first()
        )
    return cache[network.pk]


@rule("plan.view")
def view(user, network):
    return can(user, "network.view_internal", network)


@rule("plan.manage")
def manage(user, network):
    return can(user, "network.manage", network)


@rule("measure.edit")
def edit_measure(user, measure):
    network = measure.goal.plan.network
    if manage(user, network):
        return True
    return bool(measure.lead_id and view(user, network) and organisation_in(user, network) == measure.lead_id)
