"""The cooperation graph: which ties it has, where each comes from and since when, and its measures."""

import datetime

import networkx as nx
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

    sources.register_source("plans", "Joint measures", joint_measures)
    try:
        assert ties(path.network)[("Org A", "Org E")] == {"plans": since}
    finally:
        sources._sources.pop("plans")


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
