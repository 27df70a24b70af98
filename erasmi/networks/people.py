"""People in a network: adding and inviting them, their answer, removing a role, erasing.

What a coordinator adds is the network's own record of the person. Nothing links it to an
account, or to what other networks know of the person, until the person accepts the
invitation mailed to the address. Until then the network sees only what it typed, and adding
answers alike whether the address has an account or not.
"""

import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from erasmi.core import mail
from erasmi.networks import versions
from erasmi.networks.models import HistoryEntry, Invitation, Network, Person, Role, Task, WorkingGroup


class InvitationClosed(Exception):
    """The invitation was answered, has expired, or its person was removed from the network."""


class LastCoordinator(Exception):
    """A network keeps at least one coordinator with an account."""


def _lock(network: Network) -> Network:
    # One change of a network's people at a time (a no-op on SQLite, whose transactions are IMMEDIATE).
    return Network.objects.select_for_update().get(pk=network.pk)


@transaction.atomic
def add_person(
    network: Network, *, values: dict, kind: str, actor, language: str, form_key: uuid.UUID | None = None
) -> Role:
    """Add the network's record of a person; with an e-mail address, invite them to link their account.

    The same form sent twice (a double click) or the same address twice adds one person only.
    """
    _lock(network)
    email = values.get("email")
    existing = network.roles.filter(form_key=form_key).first() if form_key else None
    if existing is None and email:
        existing = network.roles.with_email(email).first()
    if existing is not None:
        return existing
    record = Person.objects.create(**values)
    role = Role.objects.create(network=network, person=record, kind=kind, form_key=form_key)
    HistoryEntry.record(network, actor, HistoryEntry.Action.CREATED, record, {"role": kind})
    if email:
        invitation = Invitation.objects.create(
            network=network, person=record, email=email, kind=kind, invited_by=actor, language=language
        )
        HistoryEntry.record(network, actor, HistoryEntry.Action.INVITED, record, {"email": email})
        _send_invitation(invitation)  # inside the transaction: if the mail fails, nobody is added
    return role


def records_of(network: Network) -> dict[int, Person]:
    """The network's own record of each person whose account's person came from another network.

    Shown in this network instead of that person (name, organisation): a network never sees what
    another network recorded of someone, even after they joined both with one account.
    """
    roles = Role.objects.filter(network=network, record__isnull=False).select_related("record__organisation")
    return {role.person_id: role.record for role in roles}


def records_in(network_ids) -> dict[int, dict[int, Person]]:
    """records_of for several networks at once (one query): network id → person id → the network's record."""
    found: dict[int, dict[int, Person]] = {network_id: {} for network_id in network_ids}
    roles = Role.objects.filter(network_id__in=found, record__isnull=False).select_related("record__organisation")
    for role in roles:
        found[role.network_id][role.person_id] = role.record
    return found


def label(records: dict[int, Person]):
    """A choice label for people in a form of the network."""
    return lambda person: str(records.get(person.pk, person))


def _recipient_language(email: str, fallback: str) -> str:
    from erasmi.accounts.models import User

    return User.objects.filter(email__iexact=email).values_list("language", flat=True).first() or fallback


def _send_invitation(invitation: Invitation) -> None:
    """The same mail whether the address has an account: only its language follows the account."""
    with translation.override(_recipient_language(invitation.email, invitation.language)):
        url = settings.SITE_URL + reverse("networks:invitation", args=[invitation.token])
        inviter = invitation.invited_by
        mail.send(
            _("Invitation to the network %(network)s") % {"network": invitation.network.name},
            _(
                '%(inviter)s invites you to take part in the network "%(network)s" on Erasmi as %(role)s.\n\n'
                "Accept or decline the invitation here (until %(date)s):\n%(url)s\n\n"
                "Nothing is linked to you before you accept. If you do not know the network, ignore this mail."
            )
            % {
                "inviter": str(inviter) if inviter else _("A coordinator"),
                "network": invitation.network.name,
                "role": invitation.kind_in_sentence(),
                "date": formats.date_format(timezone.localdate(invitation.expires)),
                "url": url,
            },
            [invitation.email],
        )


def _tell_inviter(invitation: Invitation) -> None:
    inviter = invitation.invited_by
    if inviter is None or not inviter.email:
        return
    with translation.override(inviter.language or invitation.language):
        values = {"email": invitation.email, "network": invitation.network.name}
        if invitation.state == Invitation.State.ACCEPTED:
            subject = _("%(email)s accepted the invitation to %(network)s") % values
        else:
            subject = _("%(email)s declined the invitation to %(network)s") % values
        url = settings.SITE_URL + reverse("networks:people", args=[invitation.network.slug])
        mail.send(subject, _("The people of the network: %(url)s") % {"url": url}, [inviter.email])


def _open(invitation: Invitation) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update(of=("self",)).select_related("network", "invited_by").get(pk=invitation.pk)
    )
    if not invitation.is_open:
        raise InvitationClosed
    return invitation


def _role_of(invitation: Invitation) -> Role | None:
    record = invitation.person_id
    return invitation.network.roles.filter(Q(person_id=record) | Q(record_id=record)).first()


@transaction.atomic
def accept(invitation: Invitation, user) -> Role:
    """Link the invited person to the account.

    An account without a person in any network: the network's record becomes the account's
    person. An account that already has a person (from another network): the role moves to
    that person, so access, registrations and the calendar feed go through one person; the
    network's record stays attached to the role (Role.record) with what the network typed,
    for this network only. Each network keeps seeing its own record, never another's.
    """
    invitation = _open(invitation)
    role = _role_of(invitation)
    if role is None:
        raise InvitationClosed
    network, record = invitation.network, invitation.person
    own = Person.objects.filter(user=user).first()
    if own is None:
        record.user = user
        record.save(update_fields=["user"])
    elif own != record:
        already = network.roles.filter(person=own).exclude(pk=role.pk).first()
        if already is not None:  # in the network by another way meanwhile: one role, the one it had
            role.delete()
            role = already
        else:
            _move_ties(network, record, own)
            role.person, role.record = own, record
            role.save(update_fields=["person", "record"])
    invitation.state, invitation.answered = Invitation.State.ACCEPTED, timezone.now()
    invitation.save(update_fields=["state", "answered"])
    HistoryEntry.record(network, user, HistoryEntry.Action.ACCEPTED, record)
    _tell_inviter(invitation)
    return role


@transaction.atomic
def decline(invitation: Invitation, user=None) -> None:
    """Nothing is linked; the network keeps its record without an account, and the inviter is told."""
    invitation = _open(invitation)
    invitation.state, invitation.answered = Invitation.State.DECLINED, timezone.now()
    invitation.save(update_fields=["state", "answered"])
    HistoryEntry.record(invitation.network, user, HistoryEntry.Action.DECLINED, invitation.person)
    _tell_inviter(invitation)


def _move_ties(network: Network, source: Person, target: Person) -> None:
    """Move what ties a person to this network's groups, tasks and events to another person record."""
    from erasmi.events.models import Registration

    taken = Registration.objects.filter(person=target, event__network=network).values("event")
    Registration.objects.filter(person=source, event__network=network).exclude(event__in=taken).update(person=target)
    through = WorkingGroup.members.through
    joined = through.objects.filter(person=target, workinggroup__network=network).values("workinggroup")
    through.objects.filter(person=source, workinggroup__network=network).exclude(workinggroup__in=joined).update(
        person=target
    )
    network.working_groups.filter(lead=source).update(lead=target)
    Task.objects.filter(working_group__network=network, assignee=source).update(assignee=target)
    versions.bump(network.pk)


def _keep_a_coordinator(network: Network, role: Role) -> None:
    """Neither removing nor erasing may leave the network without a coordinator who can sign in."""
    if role.kind == Role.Kind.COORDINATOR:
        others = network.roles.active().filter(kind=Role.Kind.COORDINATOR, person__user__isnull=False)
        if not others.exclude(pk=role.pk).exists():
            raise LastCoordinator


class OwnRecord(Exception):
    """Nobody erases their own record in a network: another coordinator does, or they delete their account."""


def erase_refusal(role: Role, actor) -> Exception | None:
    """Why `erase` would refuse to erase this role's person (None: it would not), to say so before asking."""
    try:
        _keep_a_coordinator(role.network, role)
        _not_oneself(role, actor)
    except (LastCoordinator, OwnRecord) as error:
        return error
    return None


def _not_oneself(role: Role, actor) -> None:
    if actor is not None and actor.pk is not None and actor.pk in {role.person.user_id, role.entry.user_id}:
        raise OwnRecord


def _forget_in_history(network: Network, people: list[Person]) -> None:
    """The network's history keeps what happened, not who it happened to: the erased person's name,
    address and phone leave every entry (the entries about them become anonymous)."""
    import json

    ids = {str(person.pk) for person in people}
    traces = {
        text
        for person in people
        for text in (f"{person.first_name} {person.last_name}".strip(), person.email, person.phone)
        if text and len(text) >= 3 and text != Person.ERASED
    }
    changed = []
    for entry in network.history.only("pk", "object_type", "object_id", "object_repr", "changes").iterator():
        about_them = entry.object_type in ("person", "invitation", "role") and entry.object_id in ids
        changes = json.dumps(entry.changes, ensure_ascii=False)
        if not about_them and not any(text in entry.object_repr or text in changes for text in traces):
            continue
        for text in traces:
            changes = changes.replace(json.dumps(text, ensure_ascii=False)[1:-1], Person.ERASED)
            entry.object_repr = entry.object_repr.replace(text, Person.ERASED)
        entry.changes = {} if about_them else json.loads(changes)
        entry.object_repr = Person.ERASED if about_them else entry.object_repr
        changed.append(entry)
    HistoryEntry.objects.bulk_update(changed, ["object_repr", "changes"], batch_size=500)


@transaction.atomic
def erase(role: Role, actor) -> None:
    """Erase a person from one network; the network keeps an anonymous count.

    Someone only in this network is erased as a whole (account unlinked, as before). Someone
    also in other networks loses this network's role, its record and the ties to its groups and
    events: those move to an anonymous record, and the person's records in the other networks
    and their account stay.
    """
    network = _lock(role.network)
    role = Role.objects.select_related("person", "record").get(pk=role.pk)
    _keep_a_coordinator(network, role)
    _not_oneself(role, actor)
    person = role.person
    _forget_in_history(
        network, [role.entry] if person.roles.exclude(network=network).exists() else [role.entry, person]
    )
    network.invitations.filter(person=role.entry).delete()
    if not person.roles.exclude(network=network).exists():
        from erasmi.notifications.services import forget

        for address in {
            person.email,
            person.user.email if person.user_id else "",
            role.record.email if role.record_id else "",
        }:
            if address:
                forget(address)  # their choices and the mails still waiting for them
        person.erase()
        if role.record_id:
            role.record.erase()
    else:
        anonymous = role.record or Person.objects.create(first_name=Person.ERASED)
        _move_ties(network, person, anonymous)
        role.person, role.record = anonymous, None
        role.save(update_fields=["person", "record"])
        anonymous.erase()
    HistoryEntry.record(network, actor, HistoryEntry.Action.ERASED, role.person)


@transaction.atomic
def remove_role(role: Role, actor) -> None:
    """End a person's role in the network (their data elsewhere stay); the last coordinator stays."""
    network = _lock(role.network)
    role = Role.objects.select_related("person", "record").get(pk=role.pk)
    _keep_a_coordinator(network, role)
    entry = role.entry
    for person in {role.person, entry}:
        WorkingGroup.members.through.objects.filter(workinggroup__network=network, person=person).delete()
        network.working_groups.filter(lead=person).update(lead=None)
    versions.bump(network.pk)
    network.invitations.filter(person=entry, state=Invitation.State.PENDING).delete()
    HistoryEntry.record(network, actor, HistoryEntry.Action.REMOVED, entry, {"role": role.kind})
    role.delete()


@transaction.atomic
def edit_person(role: Role, form, actor, language: str) -> None:
    """Save a coordinator's edit of the network's record (form: PersonEditForm, valid, with changes).

    A changed address of someone who has not linked an account yet gets a new invitation (the
    old one is withdrawn), so the invitation always goes where the record says.
    """
    network = _lock(role.network)
    changes = form.change_summary()
    if "role" in changes:
        if form.cleaned_data["role"] != Role.Kind.COORDINATOR:
            _keep_a_coordinator(network, role)
        role.kind = form.cleaned_data["role"]
        role.save(update_fields=["kind"])
    record = form.save()
    HistoryEntry.record(network, actor, HistoryEntry.Action.CHANGED, record, changes)
    if "email" in changes and role.person.user_id is None:
        network.invitations.filter(person=record, state=Invitation.State.PENDING).delete()
        if record.email:
            invitation = Invitation.objects.create(
                network=network, person=record, email=record.email, kind=role.kind, invited_by=actor, language=language
            )
            HistoryEntry.record(network, actor, HistoryEntry.Action.INVITED, record, {"email": record.email})
            _send_invitation(invitation)
