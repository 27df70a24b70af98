"""Permission rules of the networks (see erasmi.core.permissions).

Internal data of a network is for the people who hold a role in it; platform
admins see everything. Another network's members see nothing of it.
"""

from erasmi.core.permissions import rule
from erasmi.networks.models import Role


def role_in(user, network) -> str | None:
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = (
            Role.objects.filter(network=network, person__user=user).values_list("kind", flat=True).first()
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
