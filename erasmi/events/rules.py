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
    if can(user, "network.manage", event.network):
        return True
    group = event.working_group
    return bool(group and user.is_authenticated and group.lead_id and group.lead.user_id == user.pk)
