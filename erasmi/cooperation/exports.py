"""The cooperation graph as files: GraphML and GEXF for Gephi (written directly, read back by networkx), CSV tables."""

from xml.sax.saxutils import escape, quoteattr

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from erasmi.cooperation.analysis import Measures


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)  # characters XML cannot hold


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


def _nodes(measures: Measures, type_names: dict) -> list[tuple[int, dict]]:
    """Plain values per organisation."""
    return [
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


def _edge_names(measures: Measures, source_keys: list[str]) -> list[str]:
    names = ["sources", "since", *[f"since_{key}" for key in source_keys]]
    extra = {key for edge in measures.edges for key in edge["sources"]} - set(source_keys)
    return names + [f"since_{key}" for key in sorted(extra)]


def _edges(measures: Measures, source_keys: list[str], data) -> list[str]:
    """Per tie, its attributes written by `data(name, text)`; only the sources the tie has (ISO days)."""
    day: dict = {None: ""}
    memo: dict[tuple[str, str], str] = {}  # the same few days again and again: each written once

    def once(name: str, text: str) -> str:
        found = memo.get((name, text))
        if found is None:
            found = memo[(name, text)] = data(name, text)
        return found

    names: dict[tuple, str] = {}  # which sources → the text of the "sources" attribute
    written = []
    for edge in measures.edges:
        found = edge["sources"]
        keys = tuple(found)
        if keys not in names:
            names[keys] = data("sources", " ".join(key for key in source_keys if key in found))
        since = edge["since"]
        if since not in day:
            day[since] = since.isoformat()
        parts = [names[keys], once("since", day[since])]
        for key, when in found.items():
            if when not in day:
                day[when] = when.isoformat()
            parts.append(once(f"since_{key}", day[when]))
        written.append("".join(parts))
    return written


def _value(value) -> str:
    return escape(repr(value) if isinstance(value, float) else str(value))


def graphml_of(measures: Measures, type_names: dict, source_keys: list[str]) -> bytes:
    nodes, edge_names = _nodes(measures, type_names), _edge_names(measures, source_keys)
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
    data = _edges(measures, source_keys, lambda name, text: f'<data key="{edge_key[name]}">{escape(text)}</data>')
    for edge, written in zip(measures.edges, data, strict=True):
        out.append(f'<edge source="{edge["a"]}" target="{edge["b"]}">{written}</edge>\n')
    out.append("</graph>\n</graphml>\n")
    return "".join(out).encode("utf-8")


def gexf_of(measures: Measures, type_names: dict, source_keys: list[str]) -> bytes:
    nodes, edge_names = _nodes(measures, type_names), _edge_names(measures, source_keys)
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
    data = _edges(
        measures, source_keys, lambda name, text: f'<attvalue for="{edge_id[name]}" value={quoteattr(text)}/>'
    )
    for number, (edge, written) in enumerate(zip(measures.edges, data, strict=True)):
        out.append(
            f'<edge id="{number}" source="{edge["a"]}" target="{edge["b"]}"><attvalues>{written}</attvalues></edge>\n'
        )
    out.append("</edges>\n</graph>\n</gexf>\n")
    return "".join(out).encode("utf-8")


def _plain(value) -> str:
    return repr(value) if isinstance(value, float) else str(value)
