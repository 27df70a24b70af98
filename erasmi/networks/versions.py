"""The content version of what a network's people pages show.

The member list, a working group's people and the choices of its task form are kept in the shared
cache (erasmi.core.fragments) under the token of `people:<network id>`. Every save or delete of a
membership, organisation, person, role or working group, and every change of a group's members, bumps
the token of the networks it belongs to (signals, connected in apps.py); the bulk updates that send no
signal (a person erased, ties moved to another record, a name taken from the account) bump it themselves.

An organisation, person or document about to be deleted bumps before it goes (pre_delete): the database
then sets the references to it to NULL without a signal (a person's organisation, a network's own record
of someone, a membership's agreement file), and afterwards nothing tells which networks showed it.
"""

from django.db.models import Q

from erasmi.core.models import ContentVersion


def key(network_id: int) -> str:
    return f"people:{network_id}"


def work_key(network_id: int) -> str:
    """The working groups' documents and tasks (a group's page keeps its lists under it)."""
    return f"work:{network_id}"


def work_changed(sender, instance, **kwargs) -> None:
    """Signal receiver: a document or task was saved or deleted."""
    from erasmi.networks.models import Document, WorkingGroup

    if isinstance(instance, Document):
        network_id = instance.network_id
    else:  # a task; its group may be gone already when the group itself is deleted (and bumps)
        groups = WorkingGroup.objects.filter(pk=instance.working_group_id)
        network_id = groups.values_list("network_id", flat=True).first()
    if network_id:
        ContentVersion.bump(work_key(network_id))


def bump(*network_ids: int) -> None:
    for network_id in set(network_ids):
        ContentVersion.bump(key(network_id))


def bump_for_people(person_ids) -> None:
    """The networks in which these people have a role, or are a role's record."""
    from erasmi.networks.models import Role

    bump(*Role.objects.filter(Q(person__in=person_ids) | Q(record__in=person_ids)).values_list("network_id", flat=True))


def changed(sender, instance, **kwargs) -> None:
    """Signal receiver for the models a people page shows."""
    from erasmi.networks.models import Membership, Organisation, Person, Role, WorkingGroup

    if isinstance(instance, (Membership, Role, WorkingGroup)):
        bump(instance.network_id)
    elif isinstance(instance, Organisation):
        bump(*instance.memberships.values_list("network_id", flat=True))
        bump_for_people(instance.people.values("pk"))  # "name – organisation" in a group's people
    elif isinstance(instance, Person) and instance.pk:
        bump_for_people([instance.pk])


def deleting(sender, instance, **kwargs) -> None:
    """pre_delete receiver of Organisation, Person and Document: the networks that show them, while the
    references still tell (the delete sets them to NULL without a signal)."""
    from erasmi.networks.models import Document, Membership

    if isinstance(instance, Document):
        bump(*Membership.objects.filter(agreement_document=instance).values_list("network_id", flat=True))
    else:
        changed(sender, instance)


def group_members_changed(sender, instance, action, pk_set=None, **kwargs) -> None:
    """m2m_changed of WorkingGroup.members (from either side), and deletes of its rows."""
    from erasmi.networks.models import WorkingGroup

    if isinstance(instance, WorkingGroup):
        if not action or action.startswith("post_"):
            bump(instance.network_id)
        return
    if action == "pre_clear":  # a person's groups cleared: after the clear nothing tells which they were
        bump(*WorkingGroup.objects.filter(members=instance).values_list("network_id", flat=True))
        return
    if action and not action.startswith("post_"):
        return
    # a person's groups, or a row of the through table
    group_ids = pk_set if pk_set is not None else [getattr(instance, "workinggroup_id", None)]
    bump(*WorkingGroup.objects.filter(pk__in=[g for g in group_ids if g]).values_list("network_id", flat=True))
