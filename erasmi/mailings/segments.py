"""Who receives a mailing: the union of its segments among the network's subscribers, each address once.

A segment is a string: "all" (every subscriber), "members" (subscribers who hold a role in the network),
"group:<id>", "actor:<actor type>", "role:<kind>", "language:<code>".
"""

from django.utils.translation import gettext as _

from erasmi.core import languages
from erasmi.mailings.models import Mailing, Subscriber
from erasmi.networks.models import Organisation, Role, WorkingGroup


def choices(network) -> list[tuple[str, str]]:
    """The segments a coordinator can choose for the network, with their labels in the reader's language."""
    found = [("all", _("Everyone who subscribed")), ("members", _("All members"))]
    for group in WorkingGroup.objects.filter(network=network, closed__isnull=True).order_by("name"):
        found.append((f"group:{group.pk}", _("Working group: %(name)s") % {"name": group.text_in("name")[0]}))
    for value, label in Organisation.ActorType.choices:
        found.append((f"actor:{value}", _("Actor type: %(type)s") % {"type": label}))
    for value, label in Role.Kind.choices:
        found.append((f"role:{value}", _("Role: %(role)s") % {"role": label}))
    for code in languages.codes():
        found.append((f"language:{code}", _("Language: %(language)s") % {"language": languages.name_in_words(code)}))
    return found


def person_tags(network) -> dict[int, set[str]]:
    """The segments each person of the network belongs to (by both their records: the network's and their own)."""
    tags: dict[int, set[str]] = {}
    roles = Role.objects.active().filter(network=network).select_related("person__organisation", "record__organisation")
    for role in roles:
        entry = role.entry
        role_tags = {"members", f"role:{role.kind}"}
        if entry.organisation_id:
            role_tags.add(f"actor:{entry.organisation.actor_type}")
        for person_id in {role.person_id, role.record_id} - {None}:
            tags.setdefault(person_id, set()).update(role_tags)
    groups = WorkingGroup.objects.filter(network=network).prefetch_related("members")
    for group in groups:
        ids = {p.pk for p in group.members.all()} | ({group.lead_id} if group.lead_id else set())
        for person_id in ids:
            tags.setdefault(person_id, set()).add(f"group:{group.pk}")
    # A member's own person and the network's record of them share their tags.
    for role in roles:
        if role.record_id:
            merged = tags.get(role.person_id, set()) | tags.get(role.record_id, set())
            tags[role.person_id] = tags[role.record_id] = merged
    return tags


def recipients(mailing: Mailing) -> list[Subscriber]:
    chosen = set(mailing.segments) or {"all"}
    tags = person_tags(mailing.network) if chosen - {"all"} - {s for s in chosen if s.startswith("language:")} else {}
    found = {}
    for subscriber in Subscriber.objects.receiving(mailing.kind).filter(network=mailing.network).order_by("pk"):
        own = {"all", f"language:{subscriber.language}"} | tags.get(subscriber.person_id, set())
        if own & chosen and subscriber.email not in found:
            found[subscriber.email] = subscriber
    return list(found.values())
