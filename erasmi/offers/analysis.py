"""Overlap and gap analysis of offers, for the network's coordination report.

Overlap: offers of the same category for a shared target group, whose places are
at most `distance_km` apart and whose weekly times and date ranges overlap. Online
offers have no place: they are compared with each other by time alone. Offers with
neither a place nor "online" cannot be located and are reported apart.

The offers of one category and target group are put into a grid of cells as
large as the distance, so that each offer is compared only with the offers of its
own and the eight neighbouring cells: the work grows with the number of offers
(and of real overlaps), not with its square.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from erasmi.offers.models import Offer, normal_postcode, parse_slot

EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Item:
    pk: int
    organisation: int
    category: int
    lat: float | None
    lon: float | None
    online: bool
    slots: tuple[tuple[int, int], ...]
    starts: object
    ends: object
    languages: tuple[str, ...] = ()
    hours: float = 0.0
    postcode: str = ""


@dataclass
class OverlapGroup:
    category: int
    target_group: int
    offers: list[int] = field(default_factory=list)
    organisations: set[int] = field(default_factory=set)


def load(offers) -> tuple[list[Item], dict[int, list[int]]]:
    """The offers as compact items, and target group -> offer ids."""
    rows = offers.values_list(
        "pk",
        "organisation_id",
        "category_id",
        "latitude",
        "longitude",
        "online",
        "schedule",
        "starts",
        "ends",
        "languages",
        "postcode",
    )
    items = []
    for row in rows.iterator(chunk_size=5000):
        pk, organisation, category, lat, lon, online, schedule, starts, ends, spoken, postcode = row
        slots = tuple(parse_slot(slot) for slot in schedule)
        items.append(
            Item(
                pk,
                organisation,
                category,
                lat,
                lon,
                online,
                slots,
                starts,
                ends,
                tuple(spoken),
                sum(end - start for start, end in slots) / 60,
                normal_postcode(postcode),
            )
        )
    groups = defaultdict(list)
    through = Offer.target_groups.through.objects.filter(offer__in=offers).values_list("targetgroup_id", "offer_id")
    for target_group, offer in through.iterator(chunk_size=10000):
        groups[target_group].append(offer)
    return items, groups


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Kilometres between two points on the earth."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


def distance_km(a: Item, b: Item) -> float:
    return haversine(a.lat, a.lon, b.lat, b.lon)


def times_overlap(a: Item, b: Item) -> bool:
    """Weekly slots that share time (touching ends do not) within date ranges that share a day."""
    if a.starts and b.ends and b.ends < a.starts or b.starts and a.ends and a.ends < b.starts:
        return False
    return any(s1 < e2 and s2 < e1 for s1, e1 in a.slots for s2, e2 in b.slots)


class _Groups:
    """Union-find over offer ids: overlapping pairs become groups."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def overlaps(offers, distance: float = 2.0) -> tuple[list[OverlapGroup], list[int]]:
    """Groups of overlapping offers, and the ids of offers that cannot be located."""
    items, by_target = load(offers)
    by_id = {item.pk: item for item in items}
    unlocated = sorted(i.pk for i in items if i.lat is None and not i.online)
    result = []
    for target_group, offer_ids in by_target.items():
        by_category = defaultdict(list)
        for pk in offer_ids:
            by_category[by_id[pk].category].append(by_id[pk])
        for category, members in by_category.items():
            groups = _Groups()
            online = [i for i in members if i.online and i.lat is None]
            for n, a in enumerate(online):  # no place: time alone decides
                for b in online[n + 1 :]:
                    if times_overlap(a, b):
                        groups.union(a.pk, b.pk)
            placed = [i for i in members if i.lat is not None]
            if placed:
                mean_lat = math.radians(sum(i.lat for i in placed) / len(placed))
                cell_km = max(distance, 0.001)
                cells = defaultdict(list)
                for item in placed:
                    x = item.lon * 111.320 * math.cos(mean_lat) / cell_km
                    y = item.lat * 110.574 / cell_km
                    cells[(math.floor(x), math.floor(y))].append(item)
                for (cx, cy), here in cells.items():
                    for dx in (-1, 0, 1):
                        for dy in (-1, 0, 1):
                            there = cells.get((cx + dx, cy + dy))
                            if not there:
                                continue
                            for a in here:
                                for b in there:
                                    if a.pk < b.pk and distance_km(a, b) <= distance and times_overlap(a, b):
                                        groups.union(a.pk, b.pk)
            components = defaultdict(list)
            for pk in groups.parent:
                components[groups.find(pk)].append(pk)
            for pks in components.values():
                if len(pks) > 1:
                    result.append(
                        OverlapGroup(
                            category=category,
                            target_group=target_group,
                            offers=sorted(pks),
                            organisations={by_id[pk].organisation for pk in pks},
                        )
                    )
    result.sort(key=lambda g: (g.category, g.target_group, g.offers))
    return result, unlocated


@dataclass
class GapCell:
    offers: int = 0
    hours: float = 0.0


def gaps(offers, areas, categories, target_groups, language: str | None = None) -> dict:
    """Offers and weekly hours per (category, target group, area).

    Areas are objects with ``covers(postcode, lat, lon)``: the network's districts (by postcode, or
    a box on the map) or, without districts, one area per postcode. An offer counts in the first
    area that covers it; an offer with a place that no area covers counts under the area ``None``
    ("outside the districts"), so that no offer is lost. Online offers without a place are in none.
    """
    items, by_target = load(offers)
    by_id = {item.pk: item for item in items}
    indexes = [*range(len(areas)), None]
    table = {(c, t, a): GapCell() for c in categories for t in target_groups for a in indexes}
    where = {}  # offer -> area index (None: outside every area)
    for target_group, offer_ids in by_target.items():
        if target_group not in target_groups:
            continue
        for pk in offer_ids:
            item = by_id[pk]
            if item.category not in categories:
                continue
            if language and language not in item.languages:
                continue
            if item.lat is None and not item.postcode:
                continue  # online only: it has no place in an area
            if pk not in where:
                where[pk] = next(
                    (n for n, area in enumerate(areas) if area.covers(item.postcode, item.lat, item.lon)), None
                )
            cell = table[(item.category, target_group, where[pk])]
            cell.offers += 1
            cell.hours += item.hours
    return table


@dataclass(frozen=True)
class PostcodeArea:
    """An area of one or more postcodes (the default for a network that has not named its districts)."""

    name: str
    postcodes: tuple[str, ...]

    def covers(self, postcode: str, lat: float | None = None, lon: float | None = None) -> bool:
        return normal_postcode(postcode) in self.postcodes


def postcode_areas(offers) -> list[PostcodeArea]:
    """One area per postcode of the offers, named by postcode and place ("99084 Erfurt"), in postcode order."""
    places = {}
    for postcode, city in offers.exclude(postcode="").order_by("postcode", "pk").values_list("postcode", "city"):
        code = normal_postcode(postcode)
        if code and not places.get(code):
            places[code] = city
    return [PostcodeArea(f"{code} {city}".strip(), (code,)) for code, city in sorted(places.items())]
