"""Where the edges of the cooperation graph come from: a registry of sources.

A source is a function of the network that yields ``(organisation_a_id, organisation_b_id, since)``
for each pair of organisations that cooperate in that way (since: a date, or None when unknown).
Other apps add theirs in their AppConfig.ready() (joint measures of the action plan, survey answers
to "with whom do you cooperate?"): ``register_source("plans", _("Joint measures"), joint_measures)``.
A source whose data the cooperation app does not watch passes ``version``: a function of the
network returning something that changes when its pairs change (e.g. a max timestamp and a count);
it becomes part of the cache key (see versions.py).

A source with many pairs may return ``PairArrays`` instead (numpy arrays of both ids and of the day
as an ordinal, 0 when unknown): the graph is then merged without a Python loop per pair. The
built-in working groups and meetings do, computing each group's or meeting's pairs once, as arrays.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

Pair = tuple[int, int, datetime.date | None]


@dataclass(frozen=True)
class PairArrays:
    """Pairs as arrays of equal length: ids of one side, of the other, the day as date.toordinal() (0: unknown)."""

    a: np.ndarray
    b: np.ndarray
    since: np.ndarray

    def __iter__(self):  # still usable as the tuples of the plain protocol
        for a, b, day in zip(self.a.tolist(), self.b.tolist(), self.since.tolist(), strict=True):
            yield a, b, datetime.date.fromordinal(day) if day else None


def pairs_within(groups: dict[int, set[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair (a < b) inside each group, as arrays, with the group each pair comes from."""
    firsts, seconds, owners = [], [], []
    for group, members in groups.items():
        members = np.array(sorted(members), dtype=np.int64)
        i, j = np.triu_indices(len(members), k=1)
        firsts.append(members[i])
        seconds.append(members[j])
        owners.append(np.full(len(i), group, dtype=np.int64))
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(owners)


def unique_pairs(a, b, since) -> PairArrays:
    """One row per pair, with its earliest known day (0 only when no day is known)."""
    if not len(a):
        return PairArrays(a, b, since)
    code = a * (int(max(a.max(), b.max())) + 1) + b
    unknown_last = np.where(since > 0, since, np.iinfo(np.int64).max)
    order = np.lexsort((unknown_last, code))
    code = code[order]
    first = np.ones(len(code), dtype=bool)
    first[1:] = code[1:] != code[:-1]
    keep = order[first]
    return PairArrays(a[keep], b[keep], since[keep])


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


def working_groups(network) -> PairArrays:
    """People of both organisations in the same working group (members or lead); since both were members."""
    from erasmi.networks.models import WorkingGroup

    people = organisation_of_people(network)
    groups: dict[int, set[int]] = defaultdict(set)
    members = WorkingGroup.members.through.objects.filter(workinggroup__network=network)
    for group, person, own in members.values_list("workinggroup_id", "person_id", "person__organisation_id"):
        if organisation := people.get(person, own):
            groups[group].add(organisation)
    leads = WorkingGroup.objects.filter(network=network, lead__isnull=False)
    for group, person, own in leads.values_list("pk", "lead_id", "lead__organisation_id"):
        if organisation := people.get(person, own):
            groups[group].add(organisation)
    a, b, _groups = pairs_within(groups)
    found = unique_pairs(a, b, np.zeros(len(a), dtype=np.int64))
    joined = _joined(network)
    if not joined or not len(found.a):
        return PairArrays(found.a, found.b, np.zeros(len(found.a), dtype=np.int64))
    ids = np.array(sorted(joined), dtype=np.int64)
    days = np.array([joined[pk].toordinal() for pk in ids.tolist()], dtype=np.int64)

    def day_of(side):  # 0 for an organisation that is not a current member (dropped with the pair later)
        at = np.minimum(np.searchsorted(ids, side), len(ids) - 1)
        return np.where(ids[at] == side, days[at], 0)

    return PairArrays(found.a, found.b, np.maximum(day_of(found.a), day_of(found.b)))  # the later of both


def meetings(network) -> PairArrays:
    """People of both organisations registered for (or present at) the same meeting; since the first such meeting."""
    from erasmi.events.models import Event, Registration

    people = organisation_of_people(network)
    events: dict[int, set[int]] = defaultdict(set)
    days: dict[int, int] = {}
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
            days[event] = starts.date().toordinal()
    a, b, owners = pairs_within(events)
    day = np.array([days[event] for event in owners.tolist()], dtype=np.int64)
    return unique_pairs(a, b, day)


def partnerships(network) -> Iterable[Pair]:
    """Partnerships that both organisations (or a coordinator) confirmed."""
    from erasmi.cooperation.models import Partnership

    yield from (
        Partnership.objects.filter(network=network).confirmed().values_list("organisation_id", "partner_id", "since")
    )


def register_builtin() -> None:
    register_source("groups", _("Shared working group"), working_groups)
    register_source("meetings", _("Joint meeting"), meetings)
    register_source("partnerships", _("Declared partnership"), partnerships)
