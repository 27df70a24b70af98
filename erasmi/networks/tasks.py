"""Tasks of working groups: added and done, each noted in the network's history."""

from django.db import transaction
from django.utils import timezone

from erasmi.core.forms import recorded
from erasmi.networks import notices
from erasmi.networks.models import HistoryEntry, Task, WorkingGroup


def added(task: Task, actor) -> None:
    """Note a task just added to its group."""
    from erasmi.networks.people import records_of

    people = records_of(task.working_group.network)
    changes = {
        "working_group": task.working_group.name,
        "assignee": recorded(task.assignee, people),
        "due": recorded(task.due),
    }
    changes = {name: value for name, value in changes.items() if value not in (None, "")}
    HistoryEntry.record(task.working_group.network, actor, HistoryEntry.Action.CREATED, task, changes)
    notices.task_assigned(task, actor)


@transaction.atomic
def mark_done(group: WorkingGroup, pk: int | None, actor) -> Task | None:
    """Mark an open task of the group done (once: a second click changes nothing)."""
    task = group.tasks.select_for_update().filter(pk=pk, done__isnull=True).first()
    if task is None:
        return None
    task.done = timezone.now()
    task.save(update_fields=["done"])
    HistoryEntry.record(group.network, actor, HistoryEntry.Action.DONE, task, {"working_group": group.name})
    return task
