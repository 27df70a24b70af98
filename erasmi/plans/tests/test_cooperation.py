"""A joint measure of the action plan ties its lead and partner organisations in the cooperation graph."""

import datetime

import networkx as nx

from erasmi.cooperation import analysis
from erasmi.networks.models import Membership, Organisation
from erasmi.plans.models import Goal, Measure, Plan


def ties(network) -> dict:
    graph = analysis.build_graph(network)
    names = nx.get_node_attributes(graph, "name")
    return {tuple(sorted((names[a], names[b]))): data["sources"] for a, b, data in graph.edges(data=True)}


def test_a_joint_measure_ties_lead_and_partners_and_a_dropped_one_no_longer(erfurt_network):
    city, caritas, verein = (Organisation.objects.get(name=n) for n in ("Stadt Erfurt", "Caritas", "VHS"))
    assert Membership.objects.filter(network=erfurt_network, organisation=verein).exists()
    plan = Plan.objects.create(
        network=erfurt_network, title="2026", starts=datetime.date(2026, 1, 1), ends=datetime.date(2026, 12, 31)
    )
    goal = Goal.objects.create(plan=plan, title="Sprachkurse")
    measure = Measure.objects.create(goal=goal, title="Kursfinder", lead=city)
    measure.partners.add(caritas, verein)
    day = measure.created.date()
    assert ties(erfurt_network) == {
        ("Caritas", "Stadt Erfurt"): {"plans": day},
        ("Stadt Erfurt", "VHS"): {"plans": day},
        ("Caritas", "VHS"): {"plans": day},
    }
    measure.status = Measure.Status.DROPPED
    measure.save()
    assert ties(erfurt_network) == {}
