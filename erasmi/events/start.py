"""What the meetings contribute to the start page and to a network's page (see erasmi.core.start)."""

from django.db.models import Count, OuterRef, Q, Subquery

from erasmi.core import start
from erasmi.events.models import Event, Registration
from erasmi.networks.start import my_roles

MEETINGS_SHOWN = 5


def _waiting_position():
    """A registration's place on its meeting's waiting list (1 = next to move up)."""
    ahead = (
        Registration.objects.filter(event=OuterRef("event"), status=Registration.Status.WAITING)
        .filter(Q(registered__lt=OuterRef("registered")) | Q(registered=OuterRef("registered"), pk__lte=OuterRef("pk")))
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(ahead)


def my_meetings(overview: start.Overview) -> dict | None:
    """My registrations for meetings ahead (with my place on a waiting list), then the other next
    meetings of my networks (or of the network whose page this is)."""
    user = overview.user
    registrations = Registration.objects.filter(
        person__user=user,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
        event__in=Event.objects.upcoming(),
    )
    networks = [overview.network.pk] if overview.network is not None else my_roles(user).values("network")
    if overview.network is not None:
        registrations = registrations.filter(event__network=overview.network)
    registrations = list(
        registrations.select_related("event__network")
        .annotate(position=_waiting_position())
        .order_by("event__starts", "event__pk")
    )
    meetings = (
        Event.objects.upcoming()
        .filter(network__in=networks)
        .exclude(status=Event.Status.CANCELLED)  # the calendar shows them struck through; here they crowd out
        .exclude(pk__in=[r.event_id for r in registrations])
        .select_related("network", "working_group")[:MEETINGS_SHOWN]
    )
    return {
        "template": "events/start/_meetings.html",
        "registrations": registrations,
        "meetings": list(meetings),
        "network": overview.network,
    }


def public_meetings(overview: start.Overview) -> dict | None:
    if overview.is_member:
        return None
    meetings = overview.network.events.upcoming().filter(visibility=Event.Visibility.PUBLIC)
    meetings = meetings.exclude(status=Event.Status.CANCELLED).select_related("network")
    return {"template": "events/start/_public.html", "meetings": list(meetings[:MEETINGS_SHOWN])}


def register() -> None:
    start.register(my_meetings, order=20)
    start.register_public(public_meetings, order=20)
