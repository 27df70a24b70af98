"""The districts of a network, defined by its coordinators: named lists of postcodes for the gap analysis."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from erasmi.core import once
from erasmi.networks.editing import edit_page
from erasmi.networks.models import HistoryEntry
from erasmi.networks.views import _network
from erasmi.offers.forms import DistrictForm
from erasmi.offers.models import Area


@login_required
def district_list(request, slug):
    """The network's districts, and a form to add one."""
    network = _network(request, slug, "network.manage")
    form = DistrictForm(request.POST or None, network=network)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if earlier := once.claim(request, form):  # a double click adds the district once
                return redirect(earlier)
            district = form.save()
            HistoryEntry.record(network, request.user, HistoryEntry.Action.CREATED, district)
            once.done(request, form, request.path)
        messages.success(request, _("The district “%(name)s” was added.") % {"name": district.name})
        return redirect("offers:districts", slug=slug)
    return render(
        request,
        "offers/districts.html",
        {"network": network, "districts": network.areas.all(), "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def district_edit(request, slug, pk):
    network = _network(request, slug, "network.manage")
    district = get_object_or_404(network.areas, pk=pk)
    return edit_page(
        request,
        district,
        lambda data, instance: DistrictForm(data, instance=instance, network=network),
        network=network,
        template="offers/district_form.html",
        context={"network": network, "district": district},
        saved=_("The district was saved."),
        after=reverse("offers:districts", args=[slug]),
    )


@login_required
def district_delete(request, slug, pk):
    network = _network(request, slug, "network.manage")
    district = get_object_or_404(network.areas, pk=pk)
    if request.method != "POST":
        return render(request, "offers/district_delete.html", {"network": network, "district": district})
    with transaction.atomic():
        if Area.objects.filter(pk=district.pk).delete()[0]:
            HistoryEntry.record(network, request.user, HistoryEntry.Action.DELETED, district)
    messages.success(request, _("The district “%(name)s” was deleted.") % {"name": district.name})
    return redirect(reverse("offers:districts", args=[slug]))
