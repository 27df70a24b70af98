"""The cooperation graph of a network and its measures, computed with numpy/scipy and cached.

Nodes are the network's current member organisations; an edge joins two of them when some source
(see sources.py) says they cooperate, and keeps, per source, since when. Measures and the layout are
cached under the network's content version (versions.py), so a change shows at once and an unchanged
network is never computed twice. The layout has its own cache entry: the tables and exports do not
need it.

The work is done on arrays (a sparse adjacency matrix), not on a networkx graph, so that 2,000
organisations with 190,000 ties take well under a second: degree and components come from scipy,
betweenness from Brandes' algorithm written as sparse matrix products (all sources in a batch at
once), exact while that is cheap, else estimated from pivots sampled with a fixed seed exactly as
networkx's ``betweenness_centrality(k=…, seed=…)`` does. The layout is a numpy Fruchterman–Reingold.
``build_graph`` still returns a networkx graph for anyone who wants one; ``measure`` takes it.
"""

import datetime
import gc
import random
from contextlib import contextmanager
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from django.core.cache import cache
from django.utils import timezone
from scipy import sparse
from scipy.sparse import csgraph

from erasmi.cooperation import sources, versions
from erasmi.core.languages import collation_key
from erasmi.networks.models import Organisation

EXACT_BETWEENNESS_UP_TO = 300  # organisations; above, exact only while it is cheap (BETWEENNESS_WORK)
BETWEENNESS_PIVOTS = 100  # sampled pivots when estimating: 0.2 s of CPU for 2,000 organisations with 190,000 ties
BETWEENNESS_WORK = 30_000_000  # exact while organisations × cost of one (ties + organisations, less when dense) ≤ this
SEED = 13  # the same network gets the same layout and the same estimate every time
CACHE_SECONDS = 7 * 24 * 3600
MIGRANT = Organisation.ActorType.MIGRANT_ORGANISATION
STATE = Organisation.Sector.STATE


@contextmanager
def _no_gc():
    """Hundreds of thousands of small dicts: the cyclic collector would walk them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _members(network) -> list[tuple]:
    return list(
        network.memberships.current().values_list(
            "organisation_id", "organisation__name", "organisation__actor_type", "organisation__sector"
        )
    )


def _as_arrays(found) -> sources.PairArrays:
    """A source's pairs as arrays, whether it gave arrays or (a, b, since) tuples."""
    if isinstance(found, sources.PairArrays):
        return found
    a, b, days = [], [], []
    for first, second, since in found:
        a.append(first)
        b.append(second)
        days.append(since.toordinal() if since else 0)  # a datetime's ordinal is its date's
    return sources.PairArrays(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64), np.array(days, dtype=np.int64))


@dataclass
class TieTable:
    """The ties as columns: both organisations (low id first), their sources {key: since or None}, the earliest day."""

    low: np.ndarray
    high: np.ndarray
    sources: list[dict]
    since: list  # date or None per tie

    @classmethod
    def of(cls, ties: dict[tuple[int, int], dict]) -> "TieTable":
        pairs = np.array(list(ties), dtype=np.int64).reshape(-1, 2)
        found = list(ties.values())
        earliest = []
        for sources_of in found:
            known = [since for since in sources_of.values() if since]
            earliest.append(min(known) if known else None)
        return cls(pairs[:, 0], pairs[:, 1], found, earliest)


def _tie_table(network, members) -> TieTable:
    """Every source's pairs merged as arrays (the earliest day per pair and source), current members only,
    never a loop; then one dict per tie, built in a single comprehension."""
    present = np.array(sorted(pk for pk, *_rest in members), dtype=np.int64)
    keys = [source.key for source in sources.all_sources()]
    low, high, owner, day = [], [], [], []
    for number, source in enumerate(sources.all_sources()):
        found = _as_arrays(source.pairs(network))
        a, b = np.minimum(found.a, found.b), np.maximum(found.a, found.b)
        keep = (a != b) & np.isin(a, present) & np.isin(b, present)
        merged = sources.unique_pairs(a[keep], b[keep], found.since[keep])
        low.append(merged.a)
        high.append(merged.b)
        owner.append(np.full(len(merged.a), number, dtype=np.int64))
        day.append(merged.since)
    empty = np.zeros(0, dtype=np.int64)
    if not low or not sum(len(part) for part in low):
        return TieTable(empty, empty, [], [])
    low, high, owner, day = (np.concatenate(part) for part in (low, high, owner, day))
    order = np.lexsort((owner, high, low))  # pairs in order, and within a pair the sources in registry order
    low, high, owner, day = low[order], high[order], owner[order], day[order]
    first = np.ones(len(low), dtype=bool)
    first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    starts = np.flatnonzero(first)
    tie_of = np.cumsum(first) - 1  # row → its tie's number
    dates = {int(d): datetime.date.fromordinal(int(d)) for d in np.unique(day) if d > 0} | {0: None}
    never = np.iinfo(np.int64).max
    earliest = np.minimum.reduceat(np.where(day > 0, day, never), starts)
    found = [{keys[o]: dates[d]} for o, d in zip(owner[starts].tolist(), day[starts].tolist(), strict=True)]
    for row in np.flatnonzero(~first).tolist():  # a second or third source of the same tie
        found[tie_of[row]][keys[owner[row]]] = dates[int(day[row])]
    since = [dates[d] if d != never else None for d in earliest.tolist()]
    return TieTable(low[starts], high[starts], found, since)


def _collect_ties(network, members) -> dict[tuple[int, int], dict]:
    """(a, b) with a < b → {source key: since or None}."""
    table = _tie_table(network, members)
    return dict(zip(zip(table.low.tolist(), table.high.tolist(), strict=True), table.sources, strict=True))


def build_graph(network) -> nx.Graph:
    """The graph: nodes carry name, actor_type, sector; edges carry `sources` {source key: since or None}."""
    with _no_gc():
        members = _members(network)
        ties = _collect_ties(network, members)
        graph = nx.Graph()
        for pk, name, actor_type, sector in members:
            graph.add_node(pk, name=name, actor_type=actor_type, sector=sector)
        graph.add_edges_from((a, b, {"sources": found}) for (a, b), found in ties.items())
    return graph


def _collation_key(name: str) -> str:
    """collation_key, with its result for plain ASCII (nothing to decompose) taken without the Unicode pass."""
    return name.casefold() if name.isascii() else collation_key(name)


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
    pivots: int = 0  # organisations whose shortest paths the estimate follows (0: exact)

    def node(self, pk: int) -> dict:
        return self._by_id()[pk]

    def _by_id(self) -> dict:
        if not hasattr(self, "_index"):
            self._index = {node["id"]: node for node in self.nodes}
        return self._index


def adjacency(ids: list[int], pairs) -> sparse.csr_matrix:
    """The symmetric 0/1 matrix of the ties; row i is the organisation ids[i]. `pairs`: an (m, 2) array of ids."""
    n = len(ids)
    if not len(pairs):
        return sparse.csr_matrix((n, n))
    order = np.asarray(ids, dtype=np.int64)
    sorter = np.argsort(order)
    a = sorter[np.searchsorted(order, pairs[:, 0], sorter=sorter)]
    b = sorter[np.searchsorted(order, pairs[:, 1], sorter=sorter)]
    rows, cols = np.concatenate([a, b]), np.concatenate([b, a])
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


DENSE_FROM = 0.02  # share of possible ties above which the matrix products run dense (BLAS beats sparse there)
DENSE_SPEEDUP = 25  # how much cheaper one multiply-add is in a dense (BLAS) product than in a sparse one


DENSE_UP_TO = 4000  # organisations: a dense matrix of more would take too much memory (8 bytes × n²)


def _dense(adj) -> bool:
    n = adj.shape[0]
    return 0 < n <= DENSE_UP_TO and adj.nnz > DENSE_FROM * n * n


def _cost_per_pivot(adj) -> float:
    n = adj.shape[0]
    return n * n / DENSE_SPEEDUP if _dense(adj) else adj.nnz + n


def brandes(adj, pivots, batch: int = 128) -> np.ndarray:
    """Brandes' dependencies summed over the pivots (row indices): unnormalised betweenness from those sources.

    Breadth-first search from a whole batch of sources at once, as matrix products: `sigma` counts the
    shortest paths from each source (a column) to each organisation (a row), `delta` accumulates back.
    """
    n = adj.shape[0]
    matrix = adj.toarray() if _dense(adj) else adj
    total = np.zeros(n)
    for start in range(0, len(pivots), batch):
        chosen = np.asarray(pivots[start : start + batch])
        columns = np.arange(len(chosen))
        sigma = np.zeros((n, len(chosen)))
        sigma[chosen, columns] = 1.0
        unseen = sigma == 0
        levels = [sigma.copy()]  # per distance from the source: 1.0 where an organisation is at that distance
        frontier = sigma.copy()
        while True:
            reach = matrix @ frontier
            new = (reach > 0) & unseen
            if not new.any():
                break
            unseen &= ~new
            frontier = reach * new
            sigma += frontier
            levels.append(new.astype(np.float64))
        delta = np.zeros_like(sigma)
        inverse = 1.0 / np.where(unseen, 1.0, sigma)
        for level in range(len(levels) - 1, 0, -1):
            coefficient = (1.0 + delta) * inverse * levels[level]
            delta += sigma * (matrix @ coefficient) * levels[level - 1]
        delta[chosen, columns] = 0.0
        total += delta.sum(axis=1)
    return total


def betweenness(adj, ids: list[int]) -> tuple[np.ndarray, int]:
    """Normalised betweenness (networkx's definition) and the number of pivots (0 when exact).

    Exact up to EXACT_BETWEENNESS_UP_TO organisations or while it costs at most BETWEENNESS_WORK; else
    estimated from k pivots drawn as networkx draws them (random.Random(SEED).sample(ids, k)), so the
    result equals ``nx.betweenness_centrality(graph, k=k, seed=SEED)``.
    """
    n = len(ids)
    cost = _cost_per_pivot(adj)
    if n <= EXACT_BETWEENNESS_UP_TO or n * cost <= BETWEENNESS_WORK:
        k = n
    else:
        k = min(n, BETWEENNESS_PIVOTS)  # the time grows with k × cost: bounded, however dense
    if k >= n:
        raw = brandes(adj, np.arange(n))
        return (raw / ((n - 1) * (n - 2)) if n > 2 else raw), 0
    index = {pk: i for i, pk in enumerate(ids)}
    chosen = np.array([index[pk] for pk in random.Random(SEED).sample(list(ids), k)])  # noqa: S311 (no secret)
    raw = brandes(adj, chosen)
    scale = np.full(n, 1 / (k * (n - 2)))
    scale[chosen] = 1 / ((k - 1) * (n - 2)) if k > 1 else np.nan
    return raw * scale, k


def _measure(members: list[tuple], table: TieTable) -> Measures:
    """The measures of the members (id, name, actor_type, sector) and their ties."""
    n = len(members)
    ids = [pk for pk, *_rest in members]
    pairs = np.column_stack([table.low, table.high]).astype(np.int64).reshape(-1, 2)
    adj = adjacency(ids, pairs)
    degree = np.asarray(adj.sum(axis=1)).ravel().astype(int) if n else np.zeros(0, int)
    if n:
        between, pivots = betweenness(adj, ids)
        count, labels = csgraph.connected_components(adj, directed=False)
    else:
        between, pivots, count, labels = np.zeros(0), 0, 0, np.zeros(0, int)
    # Components numbered from the largest; among equals, the one with the smallest organisation id first.
    id_array = np.asarray(ids, dtype=np.int64)
    sizes = np.bincount(labels, minlength=count) if n else np.zeros(0, int)
    smallest = np.full(count, np.iinfo(np.int64).max)
    np.minimum.at(smallest, labels, id_array)
    rank = np.empty(count, dtype=int)
    rank[np.lexsort((smallest, -sizes))] = np.arange(1, count + 1)
    number = rank[labels]
    degree_list, between_list, number_list = degree.tolist(), between.tolist(), number.tolist()
    nodes = [
        {
            "id": pk,
            "name": name,
            "actor_type": actor_type,
            "sector": sector,
            "degree": degree_list[i],
            "betweenness": between_list[i],
            "component": number_list[i],
        }
        for i, (pk, name, actor_type, sector) in enumerate(members)
    ]
    nodes.sort(key=lambda node: (-node["degree"], _collation_key(node["name"]), node["id"]))
    # Ties between the state and the non-state side, and who has them.
    if len(ids) and len(pairs):
        order = np.asarray(ids, dtype=np.int64)
        sorter = np.argsort(order)
        ia = sorter[np.searchsorted(order, pairs[:, 0], sorter=sorter)]
        ib = sorter[np.searchsorted(order, pairs[:, 1], sorter=sorter)]
        sectors = [sector for *_rest, sector in members]
        codes = {value: code for code, value in enumerate(dict.fromkeys(sectors))}
        sector_code = np.array([codes[value] for value in sectors], dtype=np.int64)
        cross = sector_code[ia] != sector_code[ib]
        cross_count = np.bincount(ia[cross], minlength=n) + np.bincount(ib[cross], minlength=n)
    else:
        cross, cross_count = np.zeros(0, dtype=bool), np.zeros(n, dtype=np.int64)
    edges = [
        {"a": a, "b": b, "sources": found, "since": since, "cross": crossing}
        for a, b, found, since, crossing in zip(
            table.low.tolist(), table.high.tolist(), table.sources, table.since, cross.tolist(), strict=True
        )
    ]
    counts = dict(zip(ids, cross_count.tolist(), strict=True))
    bridging = sorted((pk for pk, c in counts.items() if c), key=lambda pk: (-counts[pk], pk))
    return Measures(
        nodes=nodes,
        edges=edges,
        density=2 * len(edges) / (n * (n - 1)) if n > 1 else 0.0,
        components=int(count),
        isolated=sorted(pk for pk, d in zip(ids, degree_list, strict=True) if d == 0),
        cross_sector_edges=int(cross.sum()),
        bridging=bridging,
        betweenness_estimated=bool(pivots),
        pivots=pivots,
    )


def measure(graph: nx.Graph) -> Measures:
    """The measures of a graph made by build_graph."""
    with _no_gc():
        members = [(pk, d["name"], d["actor_type"], d["sector"]) for pk, d in graph.nodes(data=True)]
        ties = {(a, b) if a < b else (b, a): found for a, b, found in graph.edges(data="sources")}
        return _measure(members, TieTable.of(ties))


def measures_of(network) -> Measures:
    """The measures computed from the database, without a networkx graph in between."""
    with _no_gc():
        members = _members(network)
        return _measure(members, _tie_table(network, members))


LAYOUT_ITERATIONS = 50
LAYOUT_ANCHORS = 100  # above this many organisations, each step pushes every one away from this many drawn at random


def layout_positions(ids: list[int], pairs, iterations: int = LAYOUT_ITERATIONS) -> np.ndarray:
    """Fruchterman–Reingold in numpy: ties pull, organisations push apart, a little gravity keeps the loners near.

    Attraction over all ties (sparse sums); repulsion from all others in small graphs, from a seeded random
    sample of anchors (weighted up) in large ones, which keeps a step linear in the number of organisations.
    """
    n = len(ids)
    rng = np.random.default_rng(SEED)
    position = rng.random((n, 2))
    if n < 2:
        return position
    order = np.asarray(ids, dtype=np.int64)
    sorter = np.argsort(order)
    if len(pairs):
        a = sorter[np.searchsorted(order, pairs[:, 0], sorter=sorter)]
        b = sorter[np.searchsorted(order, pairs[:, 1], sorter=sorter)]
    else:
        a = b = np.zeros(0, dtype=np.int64)
    k = 1 / np.sqrt(n)  # the distance at which pull and push balance
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    z = position[:, 0] + 1j * position[:, 1]
    for _step in range(iterations):
        if n > LAYOUT_ANCHORS:
            anchors = rng.choice(n, LAYOUT_ANCHORS, replace=False)
            weight = n / LAYOUT_ANCHORS
        else:
            anchors, weight = np.arange(n), 1.0
        delta = z[:, None] - z[anchors][None, :]
        delta[anchors, np.arange(len(anchors))] = np.inf  # no push from oneself
        delta[delta == 0] = 1e-6  # two in one place: push apart all the same
        displacement = (1 / np.conj(delta)).sum(axis=1) * (k * k * weight)  # k²/d along the difference
        if len(a):
            pull = z[a] - z[b]
            force = pull * np.abs(pull) / k  # d²/k along the tie
            displacement -= np.bincount(a, force.real, minlength=n) + 1j * np.bincount(a, force.imag, minlength=n)
            displacement += np.bincount(b, force.real, minlength=n) + 1j * np.bincount(b, force.imag, minlength=n)
        displacement -= (z - (0.5 + 0.5j)) * (n * k * 0.1)  # gravity towards the middle
        length = np.maximum(np.abs(displacement), 1e-9)
        z += displacement / length * np.minimum(length, temperature)
        temperature -= cooling
    position = np.column_stack([z.real, z.imag])
    return position


def _fit(ids: list[int], position: np.ndarray, size: int, margin: int) -> dict[int, tuple[float, float]]:
    if len(ids) == 1:
        return {ids[0]: (size / 2, size / 2)}
    low, high = position.min(axis=0), position.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    fitted = np.round(margin + (position - low) / span * (size - 2 * margin), 1).tolist()
    return {pk: (x, y) for pk, (x, y) in zip(ids, fitted, strict=True)}


def layout(graph: nx.Graph, size: int = 1000, margin: int = 40) -> dict[int, tuple[float, float]]:
    """Positions in a square of `size` (the SVG's viewBox), the same for the same graph."""
    if graph.number_of_nodes() == 0:
        return {}
    ids = list(graph.nodes)
    pairs = np.array(list(graph.edges), dtype=np.int64).reshape(-1, 2)
    return _fit(ids, layout_positions(ids, pairs), size, margin)


def measures_for(network, version: str | None = None) -> tuple[Measures, str]:
    """The network's measures (cached until its data changes) and the version they belong to."""
    version = version or versions.current(network)
    key = f"cooperation:measures:{network.pk}:{version}"
    with _no_gc():  # unpickling 190,000 ties: four times faster without the collector
        found = cache.get(key)
    if found is None:
        found = measures_of(network)
        cache.set(key, found, CACHE_SECONDS)
    return found, version


def layout_for(network, measures: Measures, version: str) -> dict[int, tuple[float, float]]:
    key = f"cooperation:layout:{network.pk}:{version}"
    found = cache.get(key)
    if found is None:
        ids = [node["id"] for node in measures.nodes]
        count = len(measures.edges)
        pairs = np.column_stack(
            [
                np.fromiter((edge["a"] for edge in measures.edges), dtype=np.int64, count=count),
                np.fromiter((edge["b"] for edge in measures.edges), dtype=np.int64, count=count),
            ]
        )
        found = _fit(ids, layout_positions(ids, pairs), 1000, 40) if ids else {}
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
