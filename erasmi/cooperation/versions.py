"""The content version of a network's cooperation data: the cache key of its graph and measures.

Two parts, read in two queries: a token that signals renew whenever a membership, role, person,
organisation, working group (or its members), meeting, registration or partnership of the network
is saved or deleted; and a fingerprint (counts and latest changes) that also catches bulk updates,
which send no signals. The day is part of the key too: a meeting that has begun starts counting.
"""

import hashlib

from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from erasmi.core.models import ContentVersion


def token_key(network_id: int) -> str:
    return f"cooperation:{network_id}"


def bump(network_ids) -> None:
    for network_id in set(network_ids):
        ContentVersion.bump(token_key(network_id))


def _per_network(queryset, path: str, aggregate):
    rows = queryset.filter(**{path: OuterRef("pk")}).order_by().values(path).annotate(value=aggregate).values("value")
    return Subquery(rows[:1])


def fingerprint(network) -> str:
    from erasmi.cooperation.models import Partnership
    from erasmi.events.models import Registration
    from erasmi.networks.models import Membership, Network, Role, WorkingGroup

    members = WorkingGroup.members.through.objects.all()
    values = (
        Network.objects.filter(pk=network.pk)
        .annotate(
            v_memberships=_per_network(Membership.objects.all(), "network", Count("pk")),
            v_joined=_per_network(Membership.objects.all(), "network", Max("joined")),
            v_left=_per_network(Membership.objects.all(), "network", Max("left")),
            v_roles=_per_network(Role.objects.all(), "network", Count("pk")),
            v_group_members=_per_network(members, "workinggroup__network", Count("pk")),
            v_registrations=_per_network(Registration.objects.all(), "event__network", Count("pk")),
            v_registration_changed=_per_network(Registration.objects.all(), "event__network", Max("updated")),
            v_partnerships=_per_network(Partnership.objects.all(), "network", Count("pk")),
            v_partnership_changed=_per_network(Partnership.objects.all(), "network", Max("updated")),
            v_token=Subquery(ContentVersion.objects.filter(key=token_key(network.pk)).values("token")[:1]),
            v_events=Subquery(ContentVersion.objects.filter(key=f"events:{network.pk}").values("token")[:1]),
        )
        .values_list(
            "v_memberships",
            "v_joined",
            "v_left",
            "v_roles",
            "v_group_members",
            "v_registrations",
            "v_registration_changed",
            "v_partnerships",
            "v_partnership_changed",
            "v_token",
            "v_events",
        )
        .first()
    )
    return "|".join(str(value) for value in values or ())


def current(network) -> str:
    """A short key that changes when the network's cooperation data changes."""
    from erasmi.cooperation import sources

    parts = [fingerprint(network), str(timezone.localdate())]
    parts += [f"{source.key}:{source.version(network)}" for source in sources.all_sources() if source.version]
    return hashlib.sha1("#".join(parts).encode(), usedforsecurity=False).hexdigest()


# Signal receivers: each finds the networks the saved or deleted row belongs to.


def _network_of(sender, instance, **kwargs) -> None:
    if instance.network_id:
        bump([instance.network_id])


def _registration(sender, instance, **kwargs) -> None:
    from erasmi.events.models import Event

    bump(Event.objects.filter(pk=instance.event_id).values_list("network_id", flat=True))


def _group_members(sender, instance, action, pk_set=None, **kwargs) -> None:
    from erasmi.networks.models import WorkingGroup

    if not action.startswith("post_"):
        return
    if isinstance(instance, WorkingGroup):
        bump([instance.network_id])
    else:  # changed from the person's side
        bump(WorkingGroup.objects.filter(pk__in=pk_set or ()).values_list("network_id", flat=True))


def _person(sender, instance, **kwargs) -> None:
    from erasmi.networks.models import Role

    roles = Role.objects.filter(person=instance) | Role.objects.filter(record=instance)
    bump(roles.values_list("network_id", flat=True))


def _organisation(sender, instance, **kwargs) -> None:
    from erasmi.networks.models import Membership

    bump(Membership.objects.filter(organisation=instance).values_list("network_id", flat=True))


def connect() -> None:
    from erasmi.cooperation.models import Partnership
    from erasmi.events.models import Event, Registration
    from erasmi.networks.models import Membership, Organisation, Person, Role, WorkingGroup

    for model in (Membership, Role, WorkingGroup, Event, Partnership):
        post_save.connect(_network_of, sender=model, dispatch_uid=f"cooperation-{model.__name__}-save")
        post_delete.connect(_network_of, sender=model, dispatch_uid=f"cooperation-{model.__name__}-delete")
    for model, receiver in ((Registration, _registration), (Person, _person), (Organisation, _organisation)):
        post_save.connect(receiver, sender=model, dispatch_uid=f"cooperation-{model.__name__}-save")
        post_delete.connect(receiver, sender=model, dispatch_uid=f"cooperation-{model.__name__}-delete")
    m2m_changed.connect(_group_members, sender=WorkingGroup.members.through, dispatch_uid="cooperation-group-members")
