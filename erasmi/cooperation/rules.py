"""Permission rules of cooperation (see erasmi.core.permissions).

The graph is internal data of the network: its members see it (network.view_internal). A member
proposes a partnership for their own organisation; the partner organisation's people confirm or
decline it; coordinators record partnerships between any two members and may answer for them.
"""

from erasmi.core.permissions import rule
from erasmi.networks.models import Role
from erasmi.networks.rules import manage, role_in


def organisation_in(user, network) -> int | None:
    """The member organisation the user speaks for in the network (as the network recorded them)."""
    if role_in(user, network) is None:
        return None
    role = Role.objects.active().filter(network=network, person__user=user).select_related("person", "record").first()
    organisation = role.entry.organisation_id if role else None
    if organisation and network.memberships.current().filter(organisation_id=organisation).exists():
        return organisation
    return None


@rule("partnership.propose")
def propose(user, network):
    return manage(user, network) or organisation_in(user, network) is not None


@rule("partnership.answer")
def answer(user, partnership):
    if not partnership.is_open:
        return False
    return manage(user, partnership.network) or organisation_in(user, partnership.network) == partnership.partner_id
