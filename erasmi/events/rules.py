"""Permission rules of events (see erasmi.core.permissions)."""

from erasmi.core.permissions import can, rule


@rule("event.view")
def view(user, event):
    return event.visibility == event.Visibility.PUBLIC or can(user, "network.view_internal", event.network)


@rule("event.register")
def register(user, event):
    return user.is_authenticated and view(user, event)


@rule("event.manage")
def manage(user, event):
    """The network's coordinators, and for a working group's meeting the group's lead (while their role is active)."""
    if can(user, "network.manage", event.network):
        return True
    return bool(event.working_group and can(user, "group.manage", event.working_group))
