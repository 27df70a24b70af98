import datetime

import numpy as np
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.cooperation import analysis, exports, rules, services, sources, versions
from erasmi.cooperation.forms import PartnershipForm
from erasmi.cooperation.models import Partnership
from erasmi.core import once, permissions
from erasmi.core.spreadsheets import csv_response
from erasmi.networks.models import Organisation
from erasmi.networks.views import _network

ACTOR_TYPES = [code for code, _label in Organisation.ActorType.choices]
DRAWN_TIES = 3000  # more lines make the page too heavy for a phone: the downloads hold all
LISTED_TIES = 1000
LAST = datetime.date.max


def _source_labels() -> dict[str, str]:
    return {source.key: str(source.label) for source in sources.all_sources()}


def _node_scale(count: int) -> float:
    """Larger symbols in a small graph (readable on a phone), smaller in a crowded one, never too small to hit."""
    return round(min(2.0, max(0.3, (100 / max(count, 1)) ** 0.5)), 2)


def graph(request, slug):
    """Who cooperates with whom: the graph (laid out on the server), its measures and the same data as tables.

    The page's body is rendered once per version of the network's data and language, then read from the cache.
    """
    network = _network(request, slug, "network.view_internal")
    version = versions.current(network)
    key = f"cooperation:page:{network.pk}:{version}:{get_language()}"
    body = cache.get(key)
    if body is None:
        body = render_to_string("cooperation/_graph_body.html", _graph_context(network, version))
        cache.set(key, body, analysis.CACHE_SECONDS)
    # Our own template's output, escaped when it was rendered.
    return render(request, "cooperation/graph.html", {"network": network, "body": mark_safe(body)})  # noqa: S308


def _svg_edges(edges) -> str:
    """The drawn ties as SVG lines (thousands: written here rather than by a template loop, ten times faster)."""
    return mark_safe(  # noqa: S308 (every value escaped or a number)
        "".join(
            f'<line x1="{e["ax"]}" y1="{e["ay"]}" x2="{e["bx"]}" y2="{e["by"]}" data-a="{e["a"]}" data-b="{e["b"]}"'
            f' data-sources="{escape(e["keys"])}"/>'
            for e in edges
        )
    )


def _svg_nodes(nodes, scale) -> str:
    """The organisations as SVG symbols with what the script and a screen reader need."""
    parts = []
    for n in nodes:
        name, kind, type_name = escape(n["name"]), escape(n["actor_type"]), escape(n["type_name"])
        degree = n["degree"]
        ties = escape(ngettext("%(counter)s tie", "%(counter)s ties", degree) % {"counter": degree})
        parts.append(
            f'<g class="node t-{kind}" transform="translate({n["x"]} {n["y"]}) scale({scale})" tabindex="0"'
            f' role="button" id="node-{n["id"]}" data-id="{n["id"]}" data-name="{name}" data-type="{type_name}"'
            f' data-sector="{escape(n["sector_name"])}" data-degree="{degree}"'
            f' data-betweenness="{escape(n["betweenness_shown"])}" aria-label="{name}: {type_name}, {ties}">'
            f'<use href="#shape-{kind}"/></g>'
        )
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped or a number)


def _graph_context(network, version: str) -> dict:
    measures, version = analysis.measures_for(network, version)
    positions = analysis.layout_for(network, measures, version)
    type_names = dict(Organisation.ActorType.choices)
    sector_names = dict(Organisation.Sector.choices)
    labels = _source_labels()
    names = {node["id"]: node["name"] for node in measures.nodes}
    nodes = [
        {
            **node,
            "x": positions[node["id"]][0],
            "y": positions[node["id"]][1],
            "type_name": type_names.get(node["actor_type"], node["actor_type"]),
            "sector_name": sector_names.get(node["sector"], node["sector"]),
            "betweenness_shown": formats.number_format(node["betweenness"], 3, use_l10n=True),
        }
        for node in measures.nodes
    ]
    edges = measures.edges
    if len(edges) > DRAWN_TIES:  # the ties with most sources first, then the oldest
        count = len(edges)
        sources_of = np.fromiter((len(edge["sources"]) for edge in edges), dtype=np.int64, count=count)
        since = np.fromiter(((edge["since"] or LAST).toordinal() for edge in edges), dtype=np.int64, count=count)
        edges = [edges[i] for i in np.lexsort((since, -sources_of))[:DRAWN_TIES].tolist()]  # a stable sort
    edges = [
        {
            **edge,
            "a_name": names[edge["a"]],
            "b_name": names[edge["b"]],
            "ax": positions[edge["a"]][0],
            "ay": positions[edge["a"]][1],
            "bx": positions[edge["b"]][0],
            "by": positions[edge["b"]][1],
            "keys": " ".join(edge["sources"]),
            "described": [(labels.get(key, key), since) for key, since in edge["sources"].items()],
        }
        for edge in edges
    ]
    present = {node["actor_type"] for node in measures.nodes}
    years = analysis.composition(network)
    latest = years[-1] if years else None
    return {
        "network": network,
        "measures": measures,
        "nodes": nodes,
        "edges": edges,
        "sources": [(key, label) for key, label in labels.items()],
        "legend": [(code, type_names[code]) for code in ACTOR_TYPES if code in present],
        "shapes": ACTOR_TYPES,
        "isolated": [names[pk] for pk in measures.isolated],
        "bridging": [names[pk] for pk in measures.bridging[:10]],
        "years": years,
        "shares": [
            (type_names[code], latest.by_type.get(code, 0), latest.share(latest.by_type.get(code, 0)))
            for code in ACTOR_TYPES
            if latest and latest.by_type.get(code)
        ],
        "latest": latest,
        "node_scale": _node_scale(len(nodes)),
        "svg_edges": _svg_edges(edges),
        "svg_nodes": _svg_nodes(nodes, _node_scale(len(nodes))),
        "ties": len(measures.edges),
        "listed": edges[:LISTED_TIES],
    }


def _measures(request, slug):
    network = _network(request, slug, "network.view_internal")
    return network, *analysis.measures_for(network)


def export_graph(request, slug, fmt):
    """GraphML or GEXF for Gephi: organisations with their measures, ties with sources and since when."""
    network, measures, version = _measures(request, slug)
    key = f"cooperation:{fmt}:{network.pk}:{version}:{get_language()}"
    body = cache.get(key)
    if body is None:  # large networks take seconds: written once per version
        write = exports.graphml_of if fmt == "graphml" else exports.gexf_of
        body = write(measures, dict(Organisation.ActorType.choices), list(_source_labels()))
        cache.set(key, body, analysis.CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{network.slug}-cooperation.{fmt}"'
    return response


def export_csv(request, slug, table):
    network, measures, _version = _measures(request, slug)
    type_names = dict(Organisation.ActorType.choices)
    sector_names = dict(Organisation.Sector.choices)
    if table == "organisations":
        rows = [[_("Organisation"), _("Actor type"), _("Sector"), _("Ties"), _("Betweenness"), _("Component")]]
        rows += [
            [
                node["name"],
                str(type_names.get(node["actor_type"], "")),
                str(sector_names.get(node["sector"], "")),
                node["degree"],
                round(node["betweenness"], 4),
                node["component"],
            ]
            for node in measures.nodes
        ]
    else:
        labels = _source_labels()
        names = {node["id"]: node["name"] for node in measures.nodes}
        rows = [[_("Organisation"), _("Organisation"), *labels.values(), _("Since")]]
        rows += [
            [
                names[edge["a"]],
                names[edge["b"]],
                *[(edge["sources"][key] or _("yes")) if key in edge["sources"] else "" for key in labels],
                edge["since"],
            ]
            for edge in measures.edges
        ]
    return csv_response(rows, f"{network.slug}-{table}.csv", local=True)


def partnerships(request, slug):
    """Declared partnerships: the confirmed ones, and the proposals waiting for an answer."""
    network = _network(request, slug, "network.view_internal")
    own = rules.organisation_in(request.user, network)
    coordinator = permissions.can(request.user, "network.manage", network)
    found = Partnership.objects.filter(network=network).select_related("organisation", "partner")
    waiting = list(found.open().order_by("created"))
    for partnership in waiting:
        partnership.answerable = coordinator or partnership.partner_id == own
    if not coordinator:  # a proposal is the two organisations' business until it is confirmed
        waiting = [p for p in waiting if own in (p.organisation_id, p.partner_id)]
    return render(
        request,
        "cooperation/partnerships.html",
        {
            "network": network,
            "confirmed": list(found.confirmed()),
            "waiting": waiting,
            "can_propose": permissions.can(request.user, "partnership.propose", network),
        },
    )


def partnership_create(request, slug):
    network = _network(request, slug, "network.view_internal")
    permissions.require(request.user, "partnership.propose", network)
    coordinator = permissions.can(request.user, "network.manage", network)
    own = rules.organisation_in(request.user, network)
    form = PartnershipForm(request.POST or None, network=network, own=own, coordinator=coordinator)
    after = reverse("cooperation:partnerships", args=[slug])
    if request.method == "POST":
        valid = form.is_valid()
        with transaction.atomic():
            if earlier := once.claim(request, form):  # a double click proposes once
                return redirect(earlier)
            if not valid:
                transaction.set_rollback(True)
            else:
                partnership = services.partnership_propose(
                    network=network,
                    organisation=form.cleaned_data.get("organisation") or form.own_organisation,
                    partner=form.cleaned_data["partner"],
                    since=form.cleaned_data["since"],
                    description=form.cleaned_data["description"],
                    user=request.user,
                    confirmed=coordinator,
                )
                once.done(request, form, after)
        if valid:
            if partnership.is_open:
                text = _("The partnership was proposed. %(partner)s sees it on their start page and confirms it.")
            else:
                text = _("The partnership was recorded.")
            messages.success(request, text % {"partner": partnership.partner})
            return redirect(after)
    return render(
        request,
        "cooperation/partnership_form.html",
        {"network": network, "form": form, "coordinator": coordinator},
        status=400 if form.errors else 200,
    )


@require_POST
def partnership_answer(request, slug, pk):
    network = _network(request, slug, "network.view_internal")
    partnership = get_object_or_404(
        Partnership.objects.select_related("network", "organisation", "partner"), network=network, pk=pk
    )
    after = reverse("cooperation:partnerships", args=[slug])
    if not partnership.is_open:  # answered already (a second click): nothing more to do
        return redirect(after)
    permissions.require(request.user, "partnership.answer", partnership)
    confirm = request.POST.get("decision") == "confirm"
    if services.partnership_answer(partnership=partnership, user=request.user, confirm=confirm):
        if confirm:
            messages.success(
                request, _("The partnership with %(name)s is confirmed.") % {"name": partnership.organisation}
            )
        else:
            messages.info(
                request, _("The partnership with %(name)s was declined.") % {"name": partnership.organisation}
            )
    return redirect(after)
