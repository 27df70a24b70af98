"""The cooperation graph as files: GraphML and GEXF for Gephi (networkx writers), CSV tables (core.spreadsheets)."""

import io
from xml.sax.saxutils import escape, quoteattr

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


# Written directly (networkx's writers build an element tree of the whole graph: a minute for 190,000 ties).

NODE_ATTRIBUTES = [  # name, GraphML type, GEXF type
    ("label", "string", None),  # GEXF: the node's own label
    ("actor_type", "string", "string"),
    ("actor_type_name", "string", "string"),
    ("sector", "string", "string"),
    ("degree", "int", "integer"),
    ("betweenness", "double", "double"),
    ("component", "int", "integer"),
]


def _rows(measures: Measures, type_names: dict, source_keys: list[str]):
    """Plain values per organisation and per tie (the edge attributes present on that tie only)."""
    nodes = [
        (
            node["id"],
            {
                "label": _text(node["name"]),
                "actor_type": node["actor_type"],
                "actor_type_name": _text(str(type_names.get(node["actor_type"], node["actor_type"]))),
                "sector": node["sector"],
                "degree": node["degree"],
                "betweenness": round(node["betweenness"], 6),
                "component": node["component"],
            },
        )
        for node in measures.nodes
    ]
    edge_names = ["sources", "since", *[f"since_{key}" for key in source_keys]]
    edges = []
    for edge in measures.edges:
        attributes = {
            "sources": " ".join(key for key in source_keys if key in edge["sources"]),
            "since": edge["since"].isoformat() if edge["since"] else "",
        }
        for key, since in edge["sources"].items():
            attributes[f"since_{key}"] = since.isoformat() if since else ""
            if f"since_{key}" not in edge_names:
                edge_names.append(f"since_{key}")
        edges.append((edge["a"], edge["b"], attributes))
    return nodes, edges, edge_names


def _value(value) -> str:
    return escape(repr(value) if isinstance(value, float) else str(value))


def graphml_of(measures: Measures, type_names: dict, source_keys: list[str]) -> bytes:
    nodes, edges, edge_names = _rows(measures, type_names, source_keys)
    node_key = {name: f"n{i}" for i, (name, _t, _g) in enumerate(NODE_ATTRIBUTES)}
    edge_key = {name: f"e{i}" for i, name in enumerate(edge_names)}
    out = [
        "<?xml version='1.0' encoding='utf-8'?>\n",
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    ]
    for name, kind, _gexf in NODE_ATTRIBUTES:
        out.append(f'<key id="{node_key[name]}" for="node" attr.name={quoteattr(name)} attr.type="{kind}"/>\n')
    for name in edge_names:
        out.append(f'<key id="{edge_key[name]}" for="edge" attr.name={quoteattr(name)} attr.type="string"/>\n')
    out.append('<graph edgedefault="undirected">\n')
    for pk, attributes in nodes:
        data = "".join(f'<data key="{node_key[name]}">{_value(v)}</data>' for name, v in attributes.items())
        out.append(f'<node id="{pk}">{data}</node>\n')
    for a, b, attributes in edges:
        data = "".join(f'<data key="{edge_key[name]}">{escape(v)}</data>' for name, v in attributes.items())
        out.append(f'<edge source="{a}" target="{b}">{data}</edge>\n')
    out.append("</graph>\n</graphml>\n")
    return "".join(out).encode("utf-8")


def gexf_of(measures: Measures, type_names: dict, source_keys: list[str]) -> bytes:
    nodes, edges, edge_names = _rows(measures, type_names, source_keys)
    node_id = {name: str(i) for i, (name, _t, gexf) in enumerate(NODE_ATTRIBUTES) if gexf}
    edge_id = {name: str(i) for i, name in enumerate(edge_names)}
    out = [
        "<?xml version='1.0' encoding='utf-8'?>\n",
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n',
        '<meta><creator>Erasmi</creator></meta>\n<graph defaultedgetype="undirected" mode="static">\n',
        '<attributes class="node" mode="static">\n',
    ]
    for name, _kind, gexf in NODE_ATTRIBUTES:
        if gexf:
            out.append(f'<attribute id="{node_id[name]}" title={quoteattr(name)} type="{gexf}"/>\n')
    out.append('</attributes>\n<attributes class="edge" mode="static">\n')
    for name in edge_names:
        out.append(f'<attribute id="{edge_id[name]}" title={quoteattr(name)} type="string"/>\n')
    out.append("</attributes>\n<nodes>\n")
    for pk, attributes in nodes:
        values = "".join(
            f'<attvalue for="{node_id[name]}" value={quoteattr(_plain(v))}/>'
            for name, v in attributes.items()
            if name in node_id
        )
        out.append(f'<node id="{pk}" label={quoteattr(attributes["label"])}><attvalues>{values}</attvalues></node>\n')
    out.append("</nodes>\n<edges>\n")
    for number, (a, b, attributes) in enumerate(edges):
        values = "".join(f'<attvalue for="{edge_id[name]}" value={quoteattr(v)}/>' for name, v in attributes.items())
        out.append(f'<edge id="{number}" source="{a}" target="{b}"><attvalues>{values}</attvalues></edge>\n')
    out.append("</edges>\n</graph>\n</gexf>\n")
    return "".join(out).encode("utf-8")


def _plain(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)
