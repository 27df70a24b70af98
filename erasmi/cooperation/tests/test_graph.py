"""The cooperation graph: which ties it has, where each comes from and since when, and its measures."""

import datetime

import networkx as nx
import numpy as np
import pytest
from django.utils import timezone

from erasmi.cooperation import analysis, sources
from erasmi.cooperation.models import Partnership
from erasmi.cooperation.tests.conftest import JOINED, add_member, add_person
from erasmi.events.models import Registration
from erasmi.networks.models import Organisation
from erasmi.networks.tests.factories import make_event


def ties(network) -> dict:
    graph = analysis.build_graph(network)
    names = nx.get_node_attributes(graph, "name")
    return {tuple(sorted((names[a], names[b]))): data["sources"] for a, b, data in graph.edges(data=True)}


def test_each_tie_says_where_it_comes_from_and_since_when(path):
    assert ties(path.network) == {
        ("Org A", "Org B"): {"groups": JOINED["B"]},  # since both were members
        ("Org B", "Org C"): {"meetings": path.meeting_day},
        ("Org C", "Org D"): {"partnerships": datetime.date(2022, 5, 1)},
    }


def test_measures_match_those_worked_out_by_hand(path):
    measures = analysis.measure(analysis.build_graph(path.network))
    by_name = {node["name"]: node for node in measures.nodes}
    assert {name: node["degree"] for name, node in by_name.items()} == {
        "Org A": 1,
        "Org B": 2,
        "Org C": 2,
        "Org D": 1,
        "Org E": 0,
    }
    # On the path A–B–C–D, B lies on the shortest paths A–C and A–D, C on A–D and B–D: 2 of the
    # (5−1)(5−2)/2 = 6 pairs that do not include the organisation itself.
    assert by_name["Org B"]["betweenness"] == pytest.approx(2 / 6)
    assert by_name["Org C"]["betweenness"] == pytest.approx(2 / 6)
    assert by_name["Org A"]["betweenness"] == 0
    assert measures.density == pytest.approx(3 / 10)
    assert measures.components == 2
    assert by_name["Org A"]["component"] == by_name["Org D"]["component"] == 1
    assert by_name["Org E"]["component"] == 2
    assert [by_name["Org E"]["id"]] == measures.isolated
    # Only A (the authority) and B (a welfare association) join the state and the non-state side.
    assert measures.cross_sector_edges == 1
    assert set(measures.bridging) == {path.orgs["A"].pk, path.orgs["B"].pk}
    assert not measures.betweenness_estimated


def test_the_earliest_date_of_a_source_counts(path):
    earlier = make_event(path.network, start=timezone.now() - datetime.timedelta(days=400))
    for key in "BC":
        Registration.objects.create(event=earlier, person=path.people[key], status=Registration.Status.CONFIRMED)
    assert ties(path.network)[("Org B", "Org C")] == {"meetings": earlier.starts.date()}


def test_two_sources_make_one_tie_with_both(path):
    Partnership.objects.create(
        network=path.network,
        organisation=path.orgs["A"],
        partner=path.orgs["B"],
        since=datetime.date(2018, 1, 1),
        state=Partnership.State.CONFIRMED,
    )
    assert ties(path.network)[("Org A", "Org B")] == {
        "groups": JOINED["B"],
        "partnerships": datetime.date(2018, 1, 1),
    }


def test_what_is_not_cooperation_makes_no_tie(path):
    a, e = path.people["A"], path.people["E"]
    Partnership.objects.create(network=path.network, organisation=path.orgs["A"], partner=path.orgs["E"])  # proposed
    declined = Partnership.State.DECLINED
    Partnership.objects.create(
        network=path.network, organisation=path.orgs["B"], partner=path.orgs["E"], state=declined
    )
    future = make_event(path.network, days=5)  # not yet met
    cancelled = make_event(path.network, start=timezone.now() - datetime.timedelta(days=3))
    cancelled.status = cancelled.Status.CANCELLED
    cancelled.save()
    absent = make_event(path.network, start=timezone.now() - datetime.timedelta(days=9))
    for event in (future, cancelled):
        for person in (a, e):
            Registration.objects.create(event=event, person=person, status=Registration.Status.CONFIRMED)
    Registration.objects.create(event=absent, person=a, status=Registration.Status.CONFIRMED, attended=True)
    Registration.objects.create(event=absent, person=e, status=Registration.Status.CONFIRMED, attended=False)
    assert set(ties(path.network)) == {("Org A", "Org B"), ("Org B", "Org C"), ("Org C", "Org D")}


def test_former_members_and_other_networks_are_not_in_the_graph(path):
    from erasmi.networks.tests.factories import make_network

    former = add_member(path.network, "Org F", "ngo", datetime.date(2018, 1, 1), left=datetime.date(2020, 1, 1))
    path.group.members.add(add_person(path.network, former))
    other = make_network("elsewhere")
    outsider = add_member(other, "Org X", "ngo", datetime.date(2018, 1, 1))
    Partnership.objects.create(
        network=other, organisation=outsider, partner=path.orgs["A"], state=Partnership.State.CONFIRMED
    )
    graph = analysis.build_graph(path.network)
    assert sorted(nx.get_node_attributes(graph, "name").values()) == ["Org A", "Org B", "Org C", "Org D", "Org E"]


def test_another_app_adds_a_source_of_ties(path):
    since = datetime.date(2024, 4, 1)

    def joint_measures(network):
        yield path.orgs["A"].pk, path.orgs["E"].pk, since

    sources.register_source("sample", "Joint measures", joint_measures)
    try:
        assert ties(path.network)[("Org A", "Org E")] == {"sample": since}
    finally:
        sources._sources.pop("sample")


def test_betweenness_is_estimated_in_large_networks(db, monkeypatch):
    from erasmi.networks.tests.factories import make_network

    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_UP_TO", 3)
    monkeypatch.setattr(analysis, "BETWEENNESS_WORK", 1)  # exact while cheap: here nothing is
    monkeypatch.setattr(analysis, "BETWEENNESS_PIVOTS", 3)
    network = make_network("big")
    for n in range(5):
        add_member(network, f"Org {n}", Organisation.ActorType.NGO, datetime.date(2020, 1, 1))
    measures = analysis.measure(analysis.build_graph(network))
    assert measures.betweenness_estimated
    assert measures.pivots == 3


def test_the_layout_is_the_same_every_time_and_inside_the_picture(path):
    graph = analysis.build_graph(path.network)
    first, second = analysis.layout(graph), analysis.layout(graph)
    assert first == second
    assert all(40 <= x <= 960 and 40 <= y <= 960 for x, y in first.values())


def _random_graph(n: int, p: float, seed: int) -> nx.Graph:
    graph = nx.gnp_random_graph(n, p, seed=seed)
    graph.add_nodes_from(range(n, n + 3))  # and a few loners
    return nx.relabel_nodes(graph, {node: 1000 + 7 * node for node in graph})  # ids that are not positions


@pytest.mark.parametrize(("n", "p"), [(40, 0.08), (60, 0.3), (30, 0.02)])
def test_exact_betweenness_equals_networkx(n, p):
    graph = _random_graph(n, p, seed=n)
    ids = list(graph.nodes)
    pairs = np.array(list(graph.edges), dtype=np.int64).reshape(-1, 2)
    found, pivots = analysis.betweenness(analysis.adjacency(ids, pairs), ids)
    expected = nx.betweenness_centrality(graph)
    assert pivots == 0
    assert found.tolist() == pytest.approx([expected[pk] for pk in ids], abs=1e-12)


@pytest.mark.parametrize(("n", "p"), [(400, 0.01), (400, 0.2)])
def test_estimated_betweenness_equals_networkx_with_the_same_pivots(n, p, monkeypatch):
    monkeypatch.setattr(analysis, "BETWEENNESS_WORK", 1)
    monkeypatch.setattr(analysis, "BETWEENNESS_PIVOTS", 25)
    graph = _random_graph(n, p, seed=7)
    ids = list(graph.nodes)
    pairs = np.array(list(graph.edges), dtype=np.int64).reshape(-1, 2)
    found, pivots = analysis.betweenness(analysis.adjacency(ids, pairs), ids)
    expected = nx.betweenness_centrality(graph, k=25, seed=analysis.SEED)
    assert pivots == 25
    assert found.tolist() == pytest.approx([expected[pk] for pk in ids], rel=1e-4, abs=1e-9)


def test_degree_components_and_density_of_a_larger_graph_equal_networkx():
    graph = _random_graph(300, 0.01, seed=3)
    nx.set_node_attributes(graph, "x", "name")
    nx.set_node_attributes(graph, "ngo", "actor_type")
    nx.set_node_attributes(graph, "non_state", "sector")
    nx.set_edge_attributes(graph, {edge: {"partnerships": None} for edge in graph.edges}, "sources")
    measures = analysis.measure(graph)
    assert {node["id"]: node["degree"] for node in measures.nodes} == dict(graph.degree)
    assert measures.components == nx.number_connected_components(graph)
    largest = max(nx.connected_components(graph), key=len)
    assert {node["id"] for node in measures.nodes if node["component"] == 1} == largest
    assert measures.density == pytest.approx(nx.density(graph))
    assert measures.isolated == sorted(pk for pk, degree in graph.degree if degree == 0)


def test_the_layout_of_a_large_graph_is_stable_and_inside_the_picture():
    graph = _random_graph(800, 0.005, seed=5)
    first, second = analysis.layout(graph), analysis.layout(graph)
    assert first == second
    assert set(first) == set(graph.nodes)
    assert all(40 <= x <= 960 and 40 <= y <= 960 for x, y in first.values())

    # Tied organisations end up nearer each other than organisations picked at random.
    def gap(a, b):
        return ((first[a][0] - first[b][0]) ** 2 + (first[a][1] - first[b][1]) ** 2) ** 0.5

    ids = list(graph.nodes)
    tied = [gap(a, b) for a, b in graph.edges]
    apart = [gap(ids[i], ids[(i * 37 + 11) % len(ids)]) for i in range(len(ids))]
    assert sum(tied) / len(tied) < 0.6 * sum(apart) / len(apart)


def test_a_source_giving_arrays_counts_like_one_giving_tuples(path):
    import datetime as dt

    a, c = path.orgs["A"].pk, path.orgs["C"].pk
    as_tuples = ties(path.network)
    day = dt.date(2021, 3, 4)
    sources.register_source(
        "sample",
        "Joint measures",
        lambda network: sources.PairArrays(np.array([c, a, a]), np.array([a, c, a]), np.array([0, day.toordinal(), 9])),
    )
    try:
        found = ties(path.network)
    finally:
        sources._sources.pop("sample")
    assert found[("Org A", "Org C")] == {"sample": day}  # the known day wins over the unknown; no loop A–A
    assert {pair: value for pair, value in found.items() if pair != ("Org A", "Org C")} == as_tuples


def test_dense_and_sparse_products_give_the_same_betweenness(monkeypatch):
    graph = _random_graph(120, 0.25, seed=11)
    ids = list(graph.nodes)
    adj = analysis.adjacency(ids, np.array(list(graph.edges), dtype=np.int64))
    dense, _pivots = analysis.betweenness(adj, ids)
    monkeypatch.setattr(analysis, "DENSE_UP_TO", 0)
    sparse_found, _pivots = analysis.betweenness(adj, ids)
    assert dense.tolist() == pytest.approx(sparse_found.tolist(), abs=1e-12)
