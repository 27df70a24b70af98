"""What the action plans contribute to the start page and a network's page (see erasmi.core.start)."""

import datetime

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from erasmi.core import start
from erasmi.networks.models import Role
from erasmi.plans.models import Measure

DUE_WITHIN_DAYS = 60
MEASURES_SHOWN = 10


def my_measures(overview: start.Overview) -> dict | None:
    """Open measures my organisation leads or takes part in whose deadline is near (or passed)."""
    roles = Role.objects.active().filter(person__user=overview.user)
    if overview.network is not None:
        roles = roles.filter(network=overview.network)
    # My organisation as each network records it, for the measures of that network's plans.
    organisation = Coalesce(F("record__organisation"), F("person__organisation"))
    mine = roles.filter(network=OuterRef("goal__plan__network")).annotate(o=organisation).values("o")[:1]
    horizon = timezone.localdate() + datetime.timedelta(days=DUE_WITHIN_DAYS)
    measures = list(
        Measure.objects.open()
        .filter(deadline__lte=horizon, goal__plan__network__in=roles.values("network"))
        .annotate(mine=Subquery(mine))
        .filter(Q(lead=F("mine")) | Q(partners=F("mine")))
        .distinct()
        .select_related("goal__plan__network", "lead")
        .order_by("deadline", "pk")[:MEASURES_SHOWN]
    )
    if not measures:
        return None
    return {"template": "plans/start/_measures.html", "measures": measures, "network": overview.network}
