"""Asking to join a network, and the coordinators' answer.

The request holds what the person typed; accepting makes it the network's own record of them
(linked to their account), so the network sees nothing another network knows of the person.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from erasmi.core import mail
from erasmi.networks.models import HistoryEntry, JoinRequest, Network, Organisation, Person, Role


class AlreadyAsked(Exception):
    """The person has an open request to the network."""


class AlreadyIn(Exception):
    """The person has a role in the network already."""


class RequestClosed(Exception):
    """The request was answered meanwhile."""


def has_role(network: Network, user) -> bool:
    return network.roles.filter(person__user=user).exists()


def open_request(network: Network, user) -> JoinRequest | None:
    return network.join_requests.open().filter(user=user).first()


@transaction.atomic
def ask(network: Network, user, *, first_name: str, last_name: str, organisation: str, message: str) -> JoinRequest:
    """Record the request and tell the network's coordinators by mail (in each one's language)."""
    if has_role(network, user):
        raise AlreadyIn
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                network=network,
                user=user,
                first_name=first_name,
                last_name=last_name,
                organisation=organisation,
                message=message,
            )
    except IntegrityError:  # one open request per person and network
        raise AlreadyAsked from None
    for coordinator in _coordinators(network):
        with translation.override(coordinator.language or settings.LANGUAGE_CODE):
            # The link in the reader's language too (the page's address carries it).
            url = settings.SITE_URL + reverse("networks:people", args=[network.slug]) + "#join-requests"
            mail.send(
                _("%(name)s asks to join %(network)s") % {"name": request, "network": network.name},
                _("Accept or decline the request on the people page of the network:\n%(url)s") % {"url": url},
                [coordinator.email],
            )
    return request


def _coordinators(network: Network):
    from erasmi.accounts.models import User

    roles = network.roles.active().filter(kind=Role.Kind.COORDINATOR)
    return User.objects.filter(person__roles__in=roles, is_active=True).exclude(email="").distinct()


def _close(request: JoinRequest, state: str, actor) -> JoinRequest:
    request = JoinRequest.objects.select_for_update(of=("self",)).select_related("network", "user").get(pk=request.pk)
    if request.state != JoinRequest.State.OPEN:
        raise RequestClosed
    request.state, request.answered, request.answered_by = state, timezone.now(), actor
    request.save(update_fields=["state", "answered", "answered_by"])
    return request


def _tell(request: JoinRequest) -> None:
    user, network = request.user, request.network
    with translation.override(user.language or settings.LANGUAGE_CODE):
        values = {"network": network.name}
        if request.state == JoinRequest.State.ACCEPTED:
            subject = _("Welcome to %(network)s") % values
            body = _("Your request to join %(network)s was accepted. The network: %(url)s") % {
                **values,
                "url": settings.SITE_URL + network.get_absolute_url(),
            }
        else:
            subject = _("Your request to join %(network)s") % values
            body = _("The coordinators of %(network)s declined your request to join.") % values
        mail.send(subject, body, [user.email])


@transaction.atomic
def accept(request: JoinRequest, actor, organisation: Organisation | None = None) -> Role:
    """A member role for the requester: the network's record typed from the request, linked to their account."""
    request = _close(request, JoinRequest.State.ACCEPTED, actor)
    network, user = request.network, request.user
    Network.objects.select_for_update().get(pk=network.pk)
    own = Person.objects.filter(user=user).first()
    role = network.roles.filter(person__user=user).first() if own else None
    if role is None:
        record = Person.objects.create(
            first_name=request.first_name,
            last_name=request.last_name,
            email=user.email,
            organisation=organisation,
            user=None if own else user,
        )
        role = Role.objects.create(
            network=network, person=own or record, record=record if own else None, kind=Role.Kind.MEMBER
        )
        HistoryEntry.record(
            network, actor, HistoryEntry.Action.ACCEPTED, request, {"role": role.kind}, name=str(record)
        )
    _tell(request)
    return role


@transaction.atomic
def decline(request: JoinRequest, actor) -> None:
    request = _close(request, JoinRequest.State.DECLINED, actor)
    HistoryEntry.record(request.network, actor, HistoryEntry.Action.DECLINED, request)
    _tell(request)
