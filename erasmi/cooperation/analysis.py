"""The cooperation graph of a network and its measures, computed with networkx and cached.

Nodes are the network's current member organisations; an edge joins two of them when some source
(see sources.py) says they cooperate, and keeps, per source, since when. Measures and the layout are
cached under the network's content version (versions.py), so a change shows at once and an unchanged
network is never computed twice. The layout has its own cache entry: the tables and exports do not
need it, and it is the slow part for large networks.
"""

import datetime
from dataclasses import dataclass, field

import networkx as nx
from django.core.cache import cache
from django.utils import timezone

from erasmi.cooperation import sources, versions
from erasmi.core.languages import collation_key
from erasmi.networks.models import Organisation

EXACT_BETWEENNESS_UP_TO = 300  # organisations; above, betweenness is estimated from sampled pivots
BETWEENNESS_PIVOTS = 100  # at most; fewer in dense networks, where each pivot costs a pass over every tie
BETWEENNESS_WORK = 300_000  # pivots × ties: bounds the time of the estimate (about 0.2 s for 6,000 ties)
SEED = 13  # the same network gets the same layout and the same estimate every time
CACHE_SECONDS = 7 * 24 * 3600
MIGRANT = Organisation.ActorType.MIGRANT_ORGANISATION
STATE = Organisation.Sector.STATE


def build_graph(network) -> nx.Graph:
    """The graph: nodes carry name, actor_type, sector; edges carry `sources` {source key: since or None}."""
    graph = nx.Graph()
    members = network.memberships.current().values_list(
        "organisation_id", "organisation__name", "organisation__actor_type", "organisation__sector"
    )
    for pk, name, actor_type, sector in members:
        graph.add_node(pk, name=name, actor_type=actor_type, sector=sector)
    ties: dict[tuple[int, int], dict] = {}  # collected first: one add_edges_from is much faster than many add_edge
    for source in sources.all_sources():
        key = source.key
        for a, b, since in source.pairs(network):
            if a == b or a not in graph or b not in graph:
                continue  # only current members, never a loop
            if isinstance(since, datetime.datetime):
                since = since.date()
            found = ties.setdefault((a, b) if a < b else (b, a), {})
            if key not in found:
                found[key] = since
            elif since and (found[key] is None or since < found[key]):
                found[key] = since
    graph.add_edges_from((a, b, {"sources": found}) for (a, b), found in ties.items())
    return graph


@dataclass
class Measures:
    """What the page, the table and the exports show; plain data, so that it caches well."""

    nodes: list[dict] = field(default_factory=list)  # id, name, actor_type, sector, degree, betweenness, component
    edges: list[dict] = field(default_factory=list)  # a, b, sources {key: since}, since, cross_sector
    density: float = 0.0
    components: int = 0
    isolated: list[int] = field(default_factory=list)
    cross_sector_edges: int = 0
    bridging: list[int] = field(default_factory=list)  # organisations with ties to the other sector, most first
    betweenness_estimated: bool = False

    def node(self, pk: int) -> dict:
        return self._by_id()[pk]

    def _by_id(self) -> dict:
        if not hasattr(self, "_index"):
            self._index = {node["id"]: node for node in self.nodes}
        return self._index


def measure(graph: nx.Graph) -> Measures:
    n = graph.number_of_nodes()
    estimated = n > EXACT_BETWEENNESS_UP_TO
    if estimated:
        pivots = max(5, min(BETWEENNESS_PIVOTS, BETWEENNESS_WORK // max(graph.number_of_edges(), 1), n))
        betweenness = nx.betweenness_centrality(graph, k=min(pivots, n), seed=SEED)
    else:
        betweenness = nx.betweenness_centrality(graph)
    component_of = {}
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    for number, part in enumerate(parts, start=1):
        for pk in part:
            component_of[pk] = number
    nodes = [
        {
            "id": pk,
            "name": data["name"],
            "actor_type": data["actor_type"],
            "sector": data["sector"],
            "degree": graph.degree(pk),
            "betweenness": betweenness.get(pk, 0.0),
            "component": component_of[pk],
        }
        for pk, data in graph.nodes(data=True)
    ]
    nodes.sort(key=lambda node: (-node["degree"], collation_key(node["name"]), node["id"]))
    sector = {pk: data["sector"] for pk, data in graph.nodes(data=True)}
    edges, cross_ties = [], {}
    for a, b, found in graph.edges(data="sources"):
        cross = sector[a] != sector[b]
        if cross:
            cross_ties[a] = cross_ties.get(a, 0) + 1
            cross_ties[b] = cross_ties.get(b, 0) + 1
        dates = [since for since in found.values() if since]
        edges.append({"a": a, "b": b, "sources": found, "since": min(dates) if dates else None, "cross": cross})
    return Measures(
        nodes=nodes,
        edges=edges,
        density=nx.density(graph) if n > 1 else 0.0,
        components=len(parts),
        isolated=sorted(pk for pk in graph if graph.degree(pk) == 0),
        cross_sector_edges=sum(1 for edge in edges if edge["cross"]),
        bridging=sorted(cross_ties, key=lambda pk: (-cross_ties[pk], pk)),
        betweenness_estimated=estimated,
    )


def layout(graph: nx.Graph, size: int = 1000, margin: int = 40) -> dict[int, tuple[float, float]]:
    """Positions in a square of `size` (the SVG's viewBox), the same for the same graph."""
    if graph.number_of_nodes() == 0:
        return {}
    iterations = 50 if graph.number_of_nodes() < 500 else 15
    positions = nx.spring_layout(graph, seed=SEED, iterations=iterations)
    xs = [x for x, _y in positions.values()]
    ys = [y for _x, y in positions.values()]
    width, height = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    inner = size - 2 * margin
    return {
        pk: (
            round(margin + (x - min(xs)) / width * inner, 1) if len(xs) > 1 else size / 2,
            round(margin + (y - min(ys)) / height * inner, 1) if len(ys) > 1 else size / 2,
        )
        for pk, (x, y) in positions.items()
    }


def measures_for(network, version: str | None = None) -> tuple[Measures, str]:
    """The network's measures (cached until its data changes) and the version they belong to."""
    version = version or versions.current(network)
    key = f"cooperation:measures:{network.pk}:{version}"
    found = cache.get(key)
    if found is None:
        found = measure(build_graph(network))
        cache.set(key, found, CACHE_SECONDS)
    return found, version


def layout_for(network, measures: Measures, version: str) -> dict[int, tuple[float, float]]:
    key = f"cooperation:layout:{network.pk}:{version}"
    found = cache.get(key)
    if found is None:
        graph = nx.Graph()
        graph.add_nodes_from(node["id"] for node in measures.nodes)
        graph.add_edges_from((edge["a"], edge["b"]) for edge in measures.edges)
        found = layout(graph)
        cache.set(key, found, CACHE_SECONDS)
    return found


def blau(counts) -> float:
    """Blau's index of heterogeneity, 1 − Σ pᵢ²: 0 when all are of one kind."""
    counts = [count for count in counts if count]
    total = sum(counts)
    if not total:
        return 0.0
    return 1 - sum((count / total) ** 2 for count in counts)


@dataclass
class Composition:
    year: int
    on: datetime.date
    members: int
    joined: int
    left: int
    by_type: dict  # actor type -> count
    state: int
    migrant: int

    @property
    def blau(self) -> float:
        return blau(self.by_type.values())

    def share(self, count: int) -> float:
        return count / self.members if self.members else 0.0

    @property
    def state_share(self) -> float:
        return self.share(self.state)

    @property
    def non_state_share(self) -> float:
        return self.share(self.members - self.state) if self.members else 0.0

    @property
    def migrant_share(self) -> float:
        return self.share(self.migrant)


def composition(network, *, today: datetime.date | None = None) -> list[Composition]:
    """The membership at the end of each year (today for this year), from the first member's year on."""
    today = today or timezone.localdate()
    memberships = list(
        network.memberships.values_list("joined", "left", "organisation__actor_type", "organisation__sector")
    )
    if not memberships:
        return []
    years = []
    for year in range(min(joined.year for joined, *_ in memberships), today.year + 1):
        on = min(datetime.date(year, 12, 31), today)
        current = [m for m in memberships if m[0] <= on and (m[1] is None or m[1] > on)]
        by_type: dict[str, int] = {}
        for _joined, _left, actor_type, _sector in current:
            by_type[actor_type] = by_type.get(actor_type, 0) + 1
        years.append(
            Composition(
                year=year,
                on=on,
                members=len(current),
                joined=sum(1 for m in memberships if m[0].year == year),
                left=sum(1 for m in memberships if m[1] and m[1].year == year),
                by_type=by_type,
                state=sum(1 for m in current if m[3] == STATE),
                migrant=by_type.get(MIGRANT, 0),
            )
        )
    return years
