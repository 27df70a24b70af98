"""What the surveys contribute to the start page and a network's page: open surveys I can still answer."""

from erasmi.core import permissions, start
from erasmi.networks.models import Role
from erasmi.surveys.models import Participation, Survey

SHOWN = 10


def open_surveys(overview: start.Overview) -> dict | None:
    user = overview.user
    if overview.network is not None:
        networks = [overview.network.pk]
    else:
        networks = Role.objects.active().filter(person__user=user).values("network")
    answered = Participation.objects.filter(person__user=user).values("survey")
    surveys = (
        Survey.objects.open()
        .filter(network__in=networks)
        .exclude(audience=Survey.Audience.PUBLIC)
        .exclude(pk__in=answered)
        .select_related("network", "working_group__lead")
        .prefetch_related("translations")
        .order_by("closes")[: SHOWN * 2]
    )
    shown = [survey for survey in surveys if permissions.can(user, "survey.answer", survey)][:SHOWN]
    if not shown:
        return None
    return {"template": "surveys/start/_open.html", "surveys": shown, "network": overview.network}


def register() -> None:
    start.register(open_surveys, order=35)
