"""Permission rules of the networks (see erasmi.core.permissions).

Internal data of a network is for the people who hold an active role in it
(Role.objects.active(): their organisation is a current member); platform admins
see everything. Another network's members see nothing of it.
"""

from erasmi.core.permissions import rule
from erasmi.networks.models import Role


def role_in(user, network) -> str | None:
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = (
            Role.objects.active().filter(network=network, person__user=user).values_list("kind", flat=True).first()
        )
    return cache[network.pk]


def _admin(user) -> bool:
    return bool(user.is_authenticated and user.is_superuser)


@rule("network.view_internal")
def view_internal(user, network):
    return _admin(user) or role_in(user, network) is not None


@rule("network.manage")
def manage(user, network):
    return _admin(user) or role_in(user, network) == Role.Kind.COORDINATOR


@rule("person.erase")
def erase(user, role):
    """Coordinators erase people from their network (the people's data in other networks stay); admins too."""
    return manage(user, role.network)


@rule("group.manage")
def manage_group(user, group):
    """Coordinators of the network and the group's lead run a working group (the lead while their role is active)."""
    if manage(user, group.network):
        return True
    is_lead = bool(user.is_authenticated and group.lead_id and group.lead.user_id == user.pk)
    return is_lead and role_in(user, group.network) is not None


@rule("document.manage")
def manage_document(user, document):
    """Coordinators rename and delete the network's documents; a group's lead those of the group."""
    if manage(user, document.network):
        return True
    return bool(document.working_group_id and manage_group(user, document.working_group))
