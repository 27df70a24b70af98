"""The action plan's joint measures as ties of the cooperation graph: the lead organisation and its partners
(and the partners among themselves) work together on a measure since it was planned."""

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from erasmi.plans.models import Measure


def joint_measures(network) -> Iterable[tuple[int, int, object]]:
    measures = Measure.objects.filter(goal__plan__network=network).exclude(status=Measure.Status.DROPPED)
    members: dict[int, set[int]] = defaultdict(set)
    since: dict[int, object] = {}
    for pk, lead, created in measures.values_list("pk", "lead_id", "created"):
        since[pk] = created.date()
        if lead:
            members[pk].add(lead)
    through = Measure.partners.through.objects.filter(measure__in=measures)
    for measure, organisation in through.values_list("measure_id", "organisation_id"):
        members[measure].add(organisation)
    for pk, organisations in members.items():
        for a, b in combinations(sorted(organisations), 2):
            yield a, b, since[pk]


def version(network) -> str:
    """What the cooperation app does not watch: measures added or dropped, their lead and partners changed."""
    measures = Measure.objects.filter(goal__plan__network=network)
    rows = list(measures.order_by("pk").values_list("pk", "lead_id", "status"))
    partners = list(
        Measure.partners.through.objects.filter(measure__in=measures)
        .order_by("measure_id", "organisation_id")
        .values_list("measure_id", "organisation_id")
    )
    return hashlib.sha1(repr((rows, partners)).encode()).hexdigest()
