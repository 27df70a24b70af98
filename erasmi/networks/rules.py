"""Permission rules of the networks (see erasmi.core.permissions).

Internal data of a network is for the people who hold an active role in it
(Role.objects.active(): their organisation is a current member); platform admins
see everything. Another network's members see nothing of it.
"""

from erasmi.core.permissions import rule
from erasmi.networks.models import Role


def role_in(user, network) -> str | None:
    """The kind of the user's active role in the network (Role.objects.active()), None without one."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__.setdefault("_network_roles", {})
    if network.pk not in cache:
        cache[network.pk] = _active_kind(network.pk, user.pk)
    return cache[network.pk]


# Role.objects.active() for one person and network, written out: every request asks it, and building the ORM
# query with its two subqueries cost four times as much as running it (a test keeps the two in agreement).
_ACTIVE_KIND = """
SELECT r.kind FROM {role} r
JOIN {person} p ON p.id = r.person_id
LEFT JOIN {person} rec ON rec.id = r.record_id
WHERE r.network_id = %s AND p.user_id = %s AND (
  (CASE WHEN r.record_id IS NULL THEN p.organisation_id ELSE rec.organisation_id END) IS NULL
  OR EXISTS (
    SELECT 1 FROM {membership} m
    WHERE m.network_id = r.network_id
      AND m.organisation_id = (CASE WHEN r.record_id IS NULL THEN p.organisation_id ELSE rec.organisation_id END)
      AND m.joined <= %s AND (m.{left} IS NULL OR m.{left} > %s)
  )
)
"""


def _active_kind(network_id: int, user_id: int) -> str | None:
    from django.db import connection
    from django.utils import timezone

    from erasmi.networks.models import Membership, Person

    quote = connection.ops.quote_name
    sql = _ACTIVE_KIND.format(
        role=quote(Role._meta.db_table),
        person=quote(Person._meta.db_table),
        membership=quote(Membership._meta.db_table),
        left=quote("left"),
    )
    today = timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(sql, [network_id, user_id, today, today])
        row = cursor.fetchone()
    return row[0] if row else None


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
