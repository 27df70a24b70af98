"""GraphML and GEXF for Gephi, CSV tables: the same organisations and ties as the page."""

import csv
import io
import xml.etree.ElementTree as ET

import networkx as nx
from django.urls import reverse

from erasmi.cooperation.tests.conftest import JOINED


def download(client, network, name, *args):
    response = client.get(reverse(f"cooperation:{name}", args=[network.slug, *args]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_graphml_reads_back_with_networkx(client, member, path):
    client.force_login(member)
    graph = nx.read_graphml(io.BytesIO(download(client, path.network, "export", "graphml")))
    labels = {node: data["label"] for node, data in graph.nodes(data=True)}
    by_label = {label: node for node, label in labels.items()}
    assert sorted(labels.values()) == ["Org A", "Org B", "Org C", "Org D", "Org E"]
    assert graph.nodes[by_label["Org B"]]["degree"] == 2
    assert graph.nodes[by_label["Org B"]]["betweenness"] == round(2 / 6, 6)
    assert graph.nodes[by_label["Org D"]]["actor_type"] == "migrant_org"
    assert graph.nodes[by_label["Org A"]]["sector"] == "state"
    edge = graph.edges[by_label["Org A"], by_label["Org B"]]
    assert edge["sources"] == "groups" and edge["since"] == JOINED["B"].isoformat()
    assert graph.edges[by_label["Org C"], by_label["Org D"]]["since_partnerships"] == "2022-05-01"
    assert graph.number_of_edges() == 3


def test_gexf_is_valid_xml_that_networkx_and_gephi_read(client, member, path):
    client.force_login(member)
    body = download(client, path.network, "export", "gexf")
    root = ET.fromstring(body)
    assert root.tag.endswith("gexf")
    graph = nx.read_gexf(io.BytesIO(body))
    assert sorted(data["label"] for _node, data in graph.nodes(data=True)) == [f"Org {k}" for k in "ABCDE"]
    assert graph.number_of_edges() == 3


def test_names_that_look_like_formulas_or_hold_control_characters_stay_harmless(client, member, path):
    organisation = path.orgs["E"]
    organisation.name = "=HYPERLINK(1)\x01"
    organisation.save()
    client.force_login(member)
    rows = list(
        csv.reader(
            io.StringIO(download(client, path.network, "csv", "organisations").decode("utf-8-sig")), delimiter=","
        )
    )
    assert ["'=HYPERLINK(1)\x01"] == [row[0] for row in rows if "HYPERLINK" in row[0]]
    graph = nx.read_graphml(io.BytesIO(download(client, path.network, "export", "graphml")))
    assert "=HYPERLINK(1)" in {data["label"] for _n, data in graph.nodes(data=True)}


def test_the_ties_table_names_sources_and_since(client, member, path):
    client.force_login(member)
    text = download(client, path.network, "csv", "ties").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Organisation",
        "Organisation",
        "Shared working group",
        "Joint meeting",
        "Declared partnership",
        "Joint measure of the action plan",
        "Named in a survey",
        "Since",
    ]
    assert ["Org C", "Org D", "", "", "2022-05-01", "", "", "2022-05-01"] in rows


def test_graphml_and_gexf_hold_every_source_of_a_tie_and_unknown_days(client, member, path):
    import datetime

    from erasmi.cooperation import sources
    from erasmi.cooperation.models import Partnership

    b, c = path.orgs["B"], path.orgs["C"]
    day = datetime.date(2019, 1, 1)
    Partnership.objects.create(network=path.network, organisation=b, partner=c, state="confirmed", since=day)
    sources.register_source("sample", "Joint measures", lambda network: [(c.pk, b.pk, None)])
    client.force_login(member)
    try:
        found = {fmt: download(client, path.network, "export", fmt) for fmt in ("graphml", "gexf")}
    finally:
        sources._sources.pop("sample")
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        graph = read(io.BytesIO(found[fmt]))
        by_label = {data["label"]: node for node, data in graph.nodes(data=True)}
        edge = graph.edges[by_label["Org B"], by_label["Org C"]]
        assert edge["sources"] == "meetings partnerships sample"
        assert edge["since_meetings"] == path.meeting_day.isoformat()
        assert edge["since_partnerships"] == "2019-01-01" == edge["since"]  # the earliest
        assert edge["since_sample"] == ""  # not known
        assert "since_groups" not in edge
        assert graph.nodes[by_label["Org C"]]["component"] == 1
