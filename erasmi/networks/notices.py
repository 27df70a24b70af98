"""What members of a network are told: a task given to them, and the new documents of their groups (a day's
summary, not a mail per file)."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django_tasks import task

from erasmi.networks.models import DocumentVersion, Person, Role, Task
from erasmi.notifications.models import Topic
from erasmi.notifications.services import notify, recipient


def _reachable(person: Person) -> Person:
    """A network's own record of someone stands for the account that accepted its invitation."""
    if person.user_id:
        return person
    role = Role.objects.filter(record=person).select_related("person__user").first()
    return role.person if role else person


def _left(network_id: int, person: Person) -> bool:
    """The person's roles in the network give no access any more (their organisation left): its internal
    news is not for them."""
    roles = Role.objects.filter(Q(person=person) | Q(record=person), network=network_id)
    return roles.exists() and not roles.active().exists()


def task_assigned(task: Task, actor) -> bool:
    if task.assignee is None:
        return False
    person = _reachable(task.assignee)
    if actor is not None and person.user_id == getattr(actor, "pk", None):
        return False  # one's own task needs no mail
    address, language = recipient(person)
    group = task.working_group
    with translation.override(language):
        context = {
            "task": task.title,
            "group": group.name,
            "network": group.network.name,
            "actor": (actor.get_full_name() or actor.email) if actor else "",
            "due": formats.date_format(task.due, "DATE_FORMAT") if task.due else "",
            "url": settings.SITE_URL + group.get_absolute_url(),
        }
    return bool(
        notify(
            topic=Topic.TASKS,
            key=f"task:{task.pk}:{task.assignee_id}",
            address=address,
            language=language,
            template="notifications/mail/task_assigned.txt",
            context=context,
        )
    )


def document_digest(day: datetime.date | None = None) -> int:
    """Each member of a working group hears once of the documents uploaded to it on ``day`` (default: yesterday)."""
    day = day or timezone.localdate() - datetime.timedelta(days=1)
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())
    versions = (
        DocumentVersion.objects.filter(
            uploaded__gte=start, uploaded__lt=start + datetime.timedelta(days=1), document__working_group__isnull=False
        )
        .select_related("document__working_group__network", "document__working_group__lead__user", "uploaded_by")
        .prefetch_related("document__working_group__members__user")
        .order_by("uploaded")
    )
    news: dict[str, dict] = defaultdict(lambda: {"language": "", "documents": {}})
    for version in versions:
        group = version.document.working_group
        people = {*group.members.all(), *([group.lead] if group.lead else [])}
        for person in people:
            if _left(group.network_id, person):
                continue
            person = _reachable(person)
            if version.uploaded_by_id and person.user_id == version.uploaded_by_id:
                continue
            address, language = recipient(person)
            if not address:
                continue
            entry = news[address]
            entry["language"] = language
            entry["documents"][version.document_id] = {
                "title": version.document.title,
                "group": group.name,
                "version": version.number,
                "network": group.network.slug,
                "pk": version.document_id,
            }
    told = 0
    for address, entry in news.items():
        with translation.override(entry["language"]):
            documents = [
                {
                    **document,
                    "url": settings.SITE_URL + reverse("networks:document", args=[document["network"], document["pk"]]),
                }
                for document in entry["documents"].values()
            ]
        told += bool(
            notify(
                topic=Topic.DOCUMENTS,
                key=f"documents:{address}:{day.isoformat()}",
                address=address,
                language=entry["language"],
                template="notifications/mail/documents.txt",
                context={"documents": documents},
            )
        )
    return told


@task()
def send_document_digest() -> int:
    return document_digest()
