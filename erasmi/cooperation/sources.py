"""Where the edges of the cooperation graph come from: a registry of sources.

A source is a function of the network that yields ``(organisation_a_id, organisation_b_id, since)``
for each pair of organisations that cooperate in that way (since: a date, or None when unknown).
Other apps add theirs in their AppConfig.ready() (joint measures of the action plan, survey answers
to "with whom do you cooperate?"): ``register_source("plans", _("Joint measures"), joint_measures)``.
A source whose data the cooperation app does not watch passes ``version``: a function of the
network returning something that changes when its pairs change (e.g. a max timestamp and a count);
it becomes part of the cache key (see versions.py).
"""

import datetime
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

Pair = tuple[int, int, datetime.date | None]


@dataclass(frozen=True)
class Source:
    key: str
    label: object  # lazy text: named in the reader's language
    pairs: Callable[..., Iterable[Pair]]
    version: Callable[..., object] | None = None


_sources: dict[str, Source] = {}


def register_source(key: str, label, fn: Callable[..., Iterable[Pair]], *, version=None) -> None:
    """Add (or replace) the source `key`; `fn(network)` yields (org_a_id, org_b_id, since)."""
    _sources[key] = Source(key, label, fn, version)


def all_sources() -> list[Source]:
    return list(_sources.values())


def organisation_of_people(network) -> dict[int, int]:
    """Person id → the organisation the network recorded for them (its record's, else the person's own)."""
    from erasmi.networks.models import Role

    found = {}
    roles = Role.objects.filter(network=network).values_list(
        "person_id", "person__organisation_id", "record_id", "record__organisation_id"
    )
    for person, person_org, record, record_org in roles:
        organisation = record_org if record else person_org
        if organisation:
            found[person] = organisation
            if record:
                found[record] = organisation
    return found


def _joined(network) -> dict[int, datetime.date]:
    """Organisation id → since when it is a member (its current membership)."""
    return dict(network.memberships.current().values_list("organisation_id", "joined"))


def working_groups(network) -> Iterable[Pair]:
    """People of both organisations in the same working group (members or lead); since both were members."""
    from erasmi.networks.models import WorkingGroup

    people = organisation_of_people(network)
    joined = _joined(network)
    groups: dict[int, set[int]] = defaultdict(set)
    members = WorkingGroup.members.through.objects.filter(workinggroup__network=network)
    for group, person, own in members.values_list("workinggroup_id", "person_id", "person__organisation_id"):
        if organisation := people.get(person, own):
            groups[group].add(organisation)
    leads = WorkingGroup.objects.filter(network=network, lead__isnull=False)
    for group, person, own in leads.values_list("pk", "lead_id", "lead__organisation_id"):
        if organisation := people.get(person, own):
            groups[group].add(organisation)
    for organisations in groups.values():
        for a, b in itertools.combinations(sorted(organisations), 2):
            yield a, b, _later(joined.get(a), joined.get(b))


def meetings(network) -> Iterable[Pair]:
    """People of both organisations registered for (or present at) the same meeting; since the first such meeting."""
    from erasmi.events.models import Event, Registration

    people = organisation_of_people(network)
    events: dict[int, set[int]] = defaultdict(set)
    days: dict[int, datetime.date] = {}
    registrations = (
        Registration.objects.filter(event__network=network)
        .filter(event__starts__lte=timezone.now())  # a meeting counts once it has begun
        .exclude(event__status=Event.Status.CANCELLED)
        .filter(Q(attended=True) | Q(attended__isnull=True, status=Registration.Status.CONFIRMED))
        .values_list("event_id", "event__starts", "person_id", "person__organisation_id")
    )
    for event, starts, person, own in registrations:
        if organisation := people.get(person, own):
            events[event].add(organisation)
            days[event] = starts.date()
    first: dict[tuple[int, int], datetime.date] = {}
    for event, organisations in events.items():
        for pair in itertools.combinations(sorted(organisations), 2):
            if pair not in first or days[event] < first[pair]:
                first[pair] = days[event]
    for (a, b), day in first.items():
        yield a, b, day


def partnerships(network) -> Iterable[Pair]:
    """Partnerships that both organisations (or a coordinator) confirmed."""
    from erasmi.cooperation.models import Partnership

    yield from (
        Partnership.objects.filter(network=network).confirmed().values_list("organisation_id", "partner_id", "since")
    )


def _later(a, b):
    if a is None or b is None:
        return a or b
    return max(a, b)


def register_builtin() -> None:
    register_source("groups", _("Shared working group"), working_groups)
    register_source("meetings", _("Joint meeting"), meetings)
    register_source("partnerships", _("Declared partnership"), partnerships)
