import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from erasmi.core import languages, once, pagecache, params, permissions
from erasmi.core.forms import locked
from erasmi.core.paging import paginate
from erasmi.core.spreadsheets import csv_response
from erasmi.networks.models import HistoryEntry, Person
from erasmi.networks.views import _network
from erasmi.offers import analysis, pdf
from erasmi.offers.forms import OfferForm
from erasmi.offers.importers import COLUMNS, LIST_SEPARATOR
from erasmi.offers.models import (
    VERSION_KEY,
    Area,
    Category,
    Offer,
    TargetGroup,
    can_add_offer,
    memberships_adding_for,
    offered_languages,
)
from erasmi.offers.search import RADII, OfferSearch, Results


def _features(offers, language) -> dict:
    """GeoJSON of offers that have a place."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [o.longitude, o.latitude]},
                "properties": {
                    "id": o.pk,
                    "title": o.title(language),
                    "category": o.category.name(language),
                    "organisation": o.organisation.name,
                    "url": o.get_absolute_url(),
                },
            }
            for o in offers
            if o.latitude is not None
        ],
    }


@pagecache.cached_page(VERSION_KEY)
def offer_list(request):
    language = languages.current()
    search, problems = OfferSearch.from_params(request.GET)
    page, query = paginate(request, Results(search), 20)
    choices = []
    for label in search.choices:  # "Neustadt": the same search near each place of that name
        chosen = request.GET.copy()
        chosen["near"] = label
        chosen.pop("page", None)
        choices.append((label, chosen.urlencode()))
    return render(
        request,
        "offers/list.html",
        {
            "search": search,
            "problems": problems,
            "choices": choices,
            "page": page,
            "query": query,
            "categories": Category.objects.order_by("slug"),
            "targets": TargetGroup.objects.all(),
            "radii": RADII,
            "languages": languages.world(offered_languages()),
            "map": _features(page.object_list, language),
            "tile_url": settings.ERASMI_TILE_URL,
            "can_add": can_add_offer(request.user),
        },
    )


@pagecache.cached_page(VERSION_KEY)
def offer_detail(request, pk):
    offer = get_object_or_404(
        Offer.objects.select_related("organisation", "category").prefetch_related("target_groups"), pk=pk
    )
    language = languages.current()
    return render(
        request,
        "offers/detail.html",
        {
            "offer": offer,
            "description": offer.description(language),
            "can_edit": Offer.objects.editable_by(request.user).filter(pk=pk).exists(),
            "schedule": [f"{WEEKDAYS[slot['weekday']]} {slot['start']}–{slot['end']}" for slot in offer.schedule],
            "spoken": [(code, languages.world_name(code)) for code in offer.languages],
            "map": _features([offer], language),
            "tile_url": settings.ERASMI_TILE_URL,
        },
    )


@login_required
def offer_edit(request, pk=None):
    memberships = mine = None
    if pk is None:
        memberships = list(memberships_adding_for(request.user))
        if not memberships:  # a former member's organisation adds nothing to the network
            messages.error(request, _("Only people of a member organisation or coordinators can add offers."))
            return redirect("offers:list")
        # The person's own organisation comes first: it is the one chosen unless they choose another.
        own = set(Person.objects.filter(user=request.user).values_list("organisation", flat=True))
        memberships.sort(key=lambda m: m.organisation_id not in own)
        mine = memberships[0] if memberships[0].organisation_id in own else None
        offer = Offer(organisation=memberships[0].organisation, network=memberships[0].network)
    else:
        offer = get_object_or_404(Offer.objects.editable_by(request.user), pk=pk)
    if request.method != "POST":
        form = OfferForm(instance=offer, memberships=memberships, own=mine)
    else:
        with transaction.atomic():
            form = OfferForm(
                request.POST, instance=locked(offer) if offer.pk else offer, memberships=memberships, own=mine
            )
            if form.is_valid():
                return _save_offer(request, form)
    context = {"form": form, "offer": offer, "tile_url": settings.ERASMI_TILE_URL}
    return render(request, "offers/form.html", context, status=400 if form.errors else 200)


def _save_offer(request, form):
    offer = form.instance
    if offer.pk is None:
        if earlier := once.claim(request, form):
            return redirect(earlier)
        offer = form.save()
        _note(offer, request.user, HistoryEntry.Action.CREATED)
        once.done(request, form, offer.get_absolute_url())
        messages.success(request, _("The offer was saved."))
    elif set(form.changes) - {"still_current"}:  # ticking "current" alone is a confirmation, not an edit
        form.save()
        _note(offer, request.user, HistoryEntry.Action.CHANGED, form.history_summary())
        messages.success(request, _("The offer was saved."))
    elif form.cleaned_data.get("still_current"):
        offer.confirm()
        _note(offer, request.user, HistoryEntry.Action.CONFIRMED)
        messages.success(request, _("Thank you: the offer is marked as current."))
    else:
        messages.info(request, _("Nothing was changed."))
    return redirect(offer.get_absolute_url())


def _note(offer, user, action: str, changes: dict | None = None) -> None:
    """The offer's network notes it in its history (an offer outside any network has none)."""
    if offer.network_id:
        HistoryEntry.record(offer.network, user, action, offer, changes, name=offer.title())


def export(request, fmt):
    language = languages.current()
    search, _problems = OfferSearch.from_params(request.GET)
    found = search.results()
    if fmt == "geojson":
        body = json.dumps(_features(found, language), ensure_ascii=False)
        response = HttpResponse(body, content_type="application/geo+json")
        response["Content-Disposition"] = 'attachment; filename="erasmi-offers.geojson"'
        return response
    yes, no = _("yes"), _("no")
    rows = (
        [
            o.pk,
            o.title(language),
            o.organisation.name,
            o.category.name(language),
            LIST_SEPARATOR.join(t.name(language) for t in o.target_groups.all()),
            " ".join(o.languages),
            yes if o.online else no,
            o.address,
            o.postcode,
            o.city,
            o.latitude,
            o.longitude,
            json.dumps(o.schedule),
            o.starts,
            o.ends,
            o.cost,
            yes if o.registration_needed else no,
            o.contact,
            o.confirmed,
        ]
        for o in found
    )
    header = [str(heading) for heading in COLUMNS.values()]
    return csv_response([header, *rows], "erasmi-offers.csv")


@login_required
def coordination_report(request, slug):
    """Overlaps and gaps of the network's offers, as a page and a CSV to bring to a meeting."""
    network = _network(request, slug, "network.view_internal")
    offers = Offer.objects.of_current_members(network)
    distance = params.finite_float(request.GET.get("distance"), default=2.0, low=0.1, high=50)
    groups, unlocated = analysis.overlaps(offers, distance=distance)
    by_id = {o.pk: o for o in offers.select_related("organisation", "category")}
    districts = list(Area.objects.filter(network=network))
    areas = districts or analysis.postcode_areas(offers)  # without districts: one area per postcode
    all_categories = {c.pk: c for c in Category.objects.prefetch_related("children")}
    # Gaps are counted for the most specific categories (a level, a topic), where offers are filed.
    categories = {pk: c for pk, c in all_categories.items() if c.parent_id or not c.children.all()}
    targets = {t.pk: t for t in TargetGroup.objects.all()}
    table = analysis.gaps(offers, areas, set(categories), set(targets), language=request.GET.get("language") or None)
    language = languages.current()
    rows = [
        {
            "category": categories[c].name(language),
            "target": str(targets[t]),
            "cells": [table[(c, t, a)] for a in range(len(areas))],
            "outside": table[(c, t, None)],
        }
        for c in categories
        for t in targets
    ]
    # A category and target group with no offer anywhere is one gap, not a row of empty cells.
    empty_rows = [row for row in rows if not row["outside"].offers and not any(cell.offers for cell in row["cells"])]
    rows = [row for row in rows if row not in empty_rows]
    outside = any(row["outside"].offers for row in rows)
    overlap_rows = [
        {
            "category": all_categories[g.category],
            "target": targets[g.target_group],
            "offers": [by_id[pk] for pk in g.offers],
        }
        for g in groups
    ]
    unlocated_offers = [by_id[pk] for pk in unlocated]
    if request.GET.get("format") == "pdf":
        body = pdf.report_pdf(network, distance, overlap_rows, unlocated_offers, rows, empty_rows, areas, language)
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{network.slug}-coordination.pdf"'
        return response
    if request.GET.get("format") == "csv":
        return csv_response(
            _report_lines(overlap_rows, rows, empty_rows, areas, outside, language),
            f"{network.slug}-coordination.csv",
            local=True,
        )
    return render(
        request,
        "offers/report.html",
        {
            "network": network,
            "distance": distance,
            "overlaps": overlap_rows,
            "unlocated": unlocated_offers,
            "areas": areas,
            "rows": rows,
            "empty_rows": empty_rows,
            "outside": outside,
            "by_districts": bool(districts),
            "can_manage": permissions.can(request.user, "network.manage", network),
        },
    )


def _report_lines(overlap_rows, rows, empty_rows, areas, outside: bool, language: str) -> list[list]:
    """The coordination report as spreadsheet rows, in the reader's language."""
    header = [_("Section"), _("Category"), _("Target group"), _("Area or offer"), _("Organisation")]
    header += [_("Offers"), _("Hours per week")]
    lines = [
        [_("Overlaps"), row["category"].name(language), str(row["target"]), o.title(language), o.organisation.name]
        + ["", ""]
        for row in overlap_rows
        for o in row["offers"]
    ]
    for row in rows:
        cells = [(area.name, cell) for area, cell in zip(areas, row["cells"], strict=True)]
        if outside:
            cells.append((_("outside the districts"), row["outside"]))
        lines += [
            [_("Gaps"), row["category"], row["target"], name, ""] + [cell.offers, round(cell.hours, 1)]
            for name, cell in cells
        ]
    lines += [[_("Gaps"), row["category"], row["target"], _("all areas"), "", 0, 0.0] for row in empty_rows]
    return [header, *lines]
