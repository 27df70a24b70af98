from django import template

from erasmi.core import languages

register = template.Library()


@register.filter
def recorded(person, records: dict):
    """The person as this network recorded them (see people.records_of); anyone else as they are."""
    if person is None or not records:
        return person
    return records.get(person.pk, person)


@register.inclusion_tag("networks/_join.html", takes_context=True)
def join_box(context, network):
    """On a network's page: "ask to join" for a signed-in person without a role, or that their request waits."""
    from erasmi.networks import joining

    user = context["request"].user
    if not user.is_authenticated:
        return {"network": network, "show": True, "signed_in": False}
    if joining.has_role(network, user):
        return {"show": False}
    return {"network": network, "show": True, "signed_in": True, "waiting": joining.open_request(network, user)}


@register.inclusion_tag("networks/_join_requests.html", takes_context=True)
def join_requests(context, network):
    """Open requests to join, for the network's coordinators (only what the requester typed)."""
    return {
        "network": network,
        "requests": list(network.join_requests.open().select_related("user")),
        "organisations": languages.in_reading_order(
            network.memberships.current().select_related("organisation"), "organisation__name"
        ),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("networks/_my_networks.html")
def my_networks(user):
    """On "my account": the person's networks, their role in each, and why a role gives no access."""
    from django.utils import timezone

    from erasmi.networks.models import Membership, Role

    roles = list(
        Role.objects.filter(person__user=user)
        .select_related("network", "record__organisation", "person__organisation")
        .order_by("network__name")
    )
    active = set(Role.objects.active().filter(person__user=user).values_list("pk", flat=True))
    today = timezone.localdate()
    rows = []
    for role in roles:
        organisation = role.entry.organisation
        ended = None
        if role.pk not in active and organisation is not None:
            ended = (
                Membership.objects.filter(network=role.network, organisation=organisation, left__lte=today)
                .order_by("-left")
                .first()
            )
        rows.append({"role": role, "active": role.pk in active, "organisation": organisation, "ended": ended})
    return {"rows": rows}
