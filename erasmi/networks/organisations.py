"""Coordinators keep their member organisations: add one by hand, edit its details, end its membership.

An organisation's details (address, website, phone, e-mail) are the organisation's own: if it
is a member of several networks, a coordinator of any of them may correct them, and each network
sees the correction; the history entry goes to the network whose coordinator edited. What is
per network stays per network: the membership (dates, agreement) and its contact person, chosen
among this network's own records of the organisation's people. A coordinator reaches only the
organisations that are (or were) members of their own network.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from erasmi.core import once
from erasmi.core.forms import locked
from erasmi.networks.forms import MembershipEndForm, OrganisationAddForm, OrganisationForm
from erasmi.networks.models import HistoryEntry, Membership, Network
from erasmi.networks.views import _network


def _membership(network, pk) -> Membership:
    return get_object_or_404(network.memberships.select_related("organisation", "network", "contact"), pk=pk)


@login_required
def organisation_add(request, slug):
    network = _network(request, slug, "network.manage")
    form = OrganisationAddForm(request.POST or None, network=network)
    if request.method == "POST":
        valid = form.is_valid()  # the one-time key is read even if other fields are wrong
        with transaction.atomic():
            # A double click adds one organisation: the second click finds the first one's result
            # (before the name check, which would now say the organisation is a member already).
            if earlier := once.claim(request, form):
                return redirect(earlier)
            if not valid:
                transaction.set_rollback(True)  # the key stays free for the corrected form
            else:
                organisation = form.save()
                membership = Membership.objects.create(
                    network=network, organisation=organisation, joined=form.cleaned_data["joined"]
                )
                HistoryEntry.record(
                    network, request.user, HistoryEntry.Action.CREATED, membership, {"joined": str(membership.joined)}
                )
                after = reverse("networks:organisation", args=[slug, membership.pk])
                once.done(request, form, after)
        if valid:
            messages.success(request, _("%(name)s was added as a member.") % {"name": organisation})
            return redirect(after)
    return render(
        request,
        "networks/organisation_add.html",
        {"network": network, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def organisation_edit(request, slug, pk):
    network = _network(request, slug, "network.manage")
    membership = _membership(network, pk)
    organisation = membership.organisation
    if request.method != "POST":
        form = OrganisationForm(instance=organisation, membership=membership)
    else:
        with transaction.atomic():
            membership = locked(membership)
            form = OrganisationForm(request.POST, instance=locked(organisation), membership=membership)
            if form.is_valid():
                if not form.changed:
                    messages.info(request, _("Nothing was changed."))
                else:
                    form.save()
                    if "contact" in form.changes:
                        membership.contact = form.cleaned_data["contact"]
                        membership.save(update_fields=["contact"])
                    summary = form.change_summary()
                    if "contact" in summary:
                        summary["contact"] = str(membership.contact or "")
                    HistoryEntry.record(network, request.user, HistoryEntry.Action.CHANGED, organisation, summary)
                    # The other networks it is a member of see the change of its own details too (not who made
                    # it: that is this network's business); the contact person is this network's only.
                    shared = {key: value for key, value in summary.items() if key != "contact"}
                    others = Network.objects.filter(memberships__organisation=organisation).exclude(pk=network.pk)
                    for other in others.distinct():
                        if shared:
                            HistoryEntry.record(other, None, HistoryEntry.Action.CHANGED, organisation, shared)
                    messages.success(request, _("The organisation was saved."))
                return redirect("networks:organisation", slug=slug, pk=membership.pk)
    return render(
        request,
        "networks/organisation_form.html",
        {"network": network, "membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def membership_end(request, slug, pk):
    """The organisation leaves on a chosen day (today by default), after the coordinator confirms."""
    network = _network(request, slug, "network.manage")
    membership = _membership(network, pk)
    form = MembershipEndForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            membership = locked(membership)
            left = form.cleaned_data["left"]
            if membership.left != left:
                membership.left = left
                membership.save(update_fields=["left"])
                HistoryEntry.record(network, request.user, HistoryEntry.Action.CHANGED, membership, {"left": str(left)})
        messages.success(
            request,
            _("The membership of %(name)s ends on %(date)s.")
            % {"name": membership.organisation, "date": formats.date_format(left)},
        )
        return redirect("networks:members", slug=slug)
    return render(
        request,
        "networks/membership_end.html",
        {"network": network, "membership": membership, "form": form},
        status=400 if form.errors else 200,
    )
