"""The cooperation graph as files: GraphML and GEXF for Gephi (networkx writers), CSV tables (core.spreadsheets)."""

import io

import networkx as nx
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from erasmi.cooperation.analysis import Measures


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)  # characters XML cannot hold


def export_graph(measures: Measures, type_names: dict, source_keys: list[str]) -> nx.Graph:
    """The graph with only plain attribute values (what GraphML and GEXF can hold)."""
    graph = nx.Graph()
    for node in measures.nodes:
        graph.add_node(
            node["id"],
            label=_text(node["name"]),
            actor_type=node["actor_type"],
            actor_type_name=_text(str(type_names.get(node["actor_type"], node["actor_type"]))),
            sector=node["sector"],
            degree=node["degree"],
            betweenness=round(node["betweenness"], 6),
            component=node["component"],
        )
    for edge in measures.edges:
        attributes = {
            "sources": " ".join(key for key in source_keys if key in edge["sources"]),
            "since": edge["since"].isoformat() if edge["since"] else "",
        }
        for key, since in edge["sources"].items():
            attributes[f"since_{key}"] = since.isoformat() if since else ""
        graph.add_edge(edge["a"], edge["b"], **attributes)
    return graph


def graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def gexf(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer, encoding="utf-8")
    return buffer.getvalue()
