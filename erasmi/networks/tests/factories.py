"""Networks, memberships and events for tests."""

import datetime

from django.utils import timezone

from erasmi.events.models import Event
from erasmi.networks.models import Network, Person, Role


def make_network(slug: str, coordinator_user=None, member_users=()) -> Network:
    network = Network.objects.create(slug=slug, name=f"Network {slug}")
    if coordinator_user:
        Role.objects.create(network=network, person=Person.for_user(coordinator_user), kind=Role.Kind.COORDINATOR)
    for user in member_users:
        Role.objects.create(network=network, person=Person.for_user(user), kind=Role.Kind.MEMBER)
    return network


def make_event(
    network,
    *,
    title="Meeting",
    visibility=Event.Visibility.MEMBERS,
    capacity=None,
    days=7,
    group=None,
    start=None,
    hours=2,
):
    starts = start or timezone.now() + datetime.timedelta(days=days)
    return Event.objects.create(
        network=network,
        working_group=group,
        title=title,
        starts=starts,
        ends=starts + datetime.timedelta(hours=hours),
        place="Town hall",
        visibility=visibility,
        capacity=capacity,
    )
