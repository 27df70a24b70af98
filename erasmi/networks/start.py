"""What the networks contribute to the start page and to a network's page (see erasmi.core.start)."""

from django.db.models import Q

from erasmi.core import permissions, start
from erasmi.networks import history, people
from erasmi.networks.models import HistoryEntry, Role, Task, WorkingGroup

CHANGES_SHOWN = 10
TASKS_SHOWN = 10


def my_roles(user):
    return Role.objects.active().filter(person__user=user)


def _networks(overview: start.Overview):
    """The networks a section covers: the page's network, or every network where the user has a role."""
    if overview.network is not None:
        return [overview.network.pk]
    return my_roles(overview.user).values("network")


def my_networks(overview: start.Overview) -> dict | None:
    if overview.network is not None:
        return None
    roles = list(my_roles(overview.user).select_related("network").order_by("network__name"))
    return {"template": "networks/start/_networks.html", "roles": roles}


def open_tasks(overview: start.Overview) -> dict | None:
    """Open tasks of the working groups I belong to or lead, and those given to me."""
    user = overview.user
    mine = WorkingGroup.objects.filter(Q(members__user=user) | Q(lead__user=user)).values("pk")
    tasks = (
        Task.objects.filter(done__isnull=True, working_group__network__in=_networks(overview))
        .filter(Q(working_group__in=mine) | Q(assignee__user=user))
        .select_related("working_group__network", "assignee")[:TASKS_SHOWN]
    )
    tasks = list(tasks)
    records = people.records_in({task.working_group.network_id for task in tasks if task.assignee_id})
    for task in tasks:  # each network names the person as it recorded them
        if task.assignee_id:
            task.assignee_shown = records[task.working_group.network_id].get(task.assignee_id, task.assignee)
    return {"template": "networks/start/_tasks.html", "tasks": tasks, "network": overview.network}


def recent_changes(overview: start.Overview) -> dict | None:
    """On the start page: what others changed in my networks since my last visit. On a network's
    page: its latest changes, for its coordinators."""
    user = overview.user
    if overview.network is not None:
        if not permissions.can(user, "network.manage", overview.network):
            return None
        entries = overview.network.history.all()
        coordinated = [overview.network]
    else:
        # The history is the coordinators' (it names people, districts, requests declined): only the
        # networks I coordinate.
        roles = my_roles(user).filter(kind=Role.Kind.COORDINATOR).select_related("network")
        coordinated = sorted((role.network for role in roles), key=lambda network: network.name.casefold())
        if not coordinated:
            return None
        entries = HistoryEntry.objects.filter(network__in=coordinated).exclude(actor=user)
        if overview.since is not None:
            entries = entries.filter(created__gt=overview.since)
    managed = {network.pk for network in coordinated}
    described = history.describe(entries.select_related("actor", "network")[:CHANGES_SHOWN])
    for item in described:
        item.managed = item.entry.network_id in managed  # details and the full history: coordinators only
    return {
        "template": "networks/start/_changes.html",
        "changes": described,
        "since": overview.since,
        "network": overview.network,
        "coordinated": coordinated,
    }


def listed_members(overview: start.Overview) -> dict | None:
    """The member organisations that agreed to be listed, for visitors of the network's page."""
    if overview.is_member:
        return None
    memberships = overview.network.memberships.current().filter(listed_publicly=True).select_related("organisation")
    return {"template": "networks/start/_listed.html", "memberships": list(memberships)}


def register() -> None:
    start.register(my_networks, order=10)
    start.register(open_tasks, order=30)
    start.register(recent_changes, order=40)
    start.register_public(listed_members, order=10)
