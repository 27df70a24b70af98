"""Permission rules of the library (see erasmi.core.permissions).

A network's own resource stays internal to the network's members until it is shared with all
networks; a resource of no network is public once published.
"""

from erasmi.core.permissions import is_editor, rule
from erasmi.library.models import Resource, member_networks
from erasmi.networks.models import Role
from erasmi.networks.rules import role_in


def _is_submitter(user, resource) -> bool:
    return bool(user.is_authenticated and resource.submitted_by_id == user.pk)


def _may_read(user, resource) -> bool:
    return not resource.is_internal or resource.network_id in member_networks(user)


@rule("resource.view")
def view(user, resource):
    if is_editor(user) or _is_submitter(user, resource):
        return True
    return resource.status == Resource.Status.PUBLISHED and _may_read(user, resource)


@rule("resource.edit")
def edit(user, resource):
    # The submitter until it is published; then an editor looks at every change.
    return is_editor(user) or (_is_submitter(user, resource) and resource.status != Resource.Status.PUBLISHED)


@rule("resource.review")
def review(user, _resource):
    return is_editor(user)


@rule("resource.comment")
def comment(user, resource):
    return bool(user.is_authenticated and resource.status == Resource.Status.PUBLISHED and view(user, resource))


@rule("resource.moderate")
def moderate(user, resource):
    """Editors; for an internal resource also the coordinators of its network."""
    if is_editor(user):
        return True
    return resource.is_internal and role_in(user, resource.network) == Role.Kind.COORDINATOR


@rule("resource.share")
def share(user, resource):
    """The network's coordinators (and editors) share its resource with all networks, or take it back."""
    if not resource.network_id:
        return False
    return is_editor(user) or role_in(user, resource.network) == Role.Kind.COORDINATOR
