"""Closing and reopening a working group (its page, editing and tasks are in views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from erasmi.core import permissions
from erasmi.networks.models import HistoryEntry, WorkingGroup
from erasmi.networks.views import _network


def _group(request, slug, group) -> WorkingGroup:
    network = _network(request, slug, "network.view_internal")
    working_group = get_object_or_404(
        WorkingGroup.objects.select_related("network", "lead"), network=network, slug=group
    )
    permissions.require(request.user, "group.manage", working_group)
    return working_group


@login_required
def group_close(request, slug, group):
    """The group's work is done: after confirming, it is closed; its meetings, documents and tasks stay."""
    working_group = _group(request, slug, group)
    if request.method != "POST":
        if working_group.is_closed:
            return redirect(working_group.get_absolute_url())
        upcoming = working_group.events.upcoming().filter(status="scheduled").count()
        return render(
            request,
            "networks/group_close.html",
            {"network": working_group.network, "group": working_group, "upcoming": upcoming},
        )
    with transaction.atomic():
        closed = WorkingGroup.objects.filter(pk=working_group.pk, closed__isnull=True).update(
            closed=timezone.localdate()
        )
        if closed:  # a second click changes nothing and writes no second entry
            HistoryEntry.record(working_group.network, request.user, HistoryEntry.Action.CLOSED, working_group)
    messages.success(request, _("The working group was closed. Its meetings, documents and tasks are kept."))
    return redirect(working_group.get_absolute_url())


@require_POST
@login_required
def group_reopen(request, slug, group):
    working_group = _group(request, slug, group)
    with transaction.atomic():
        if WorkingGroup.objects.filter(pk=working_group.pk, closed__isnull=False).update(closed=None):
            HistoryEntry.record(working_group.network, request.user, HistoryEntry.Action.REOPENED, working_group)
    messages.success(request, _("The working group was reopened."))
    return redirect(working_group.get_absolute_url())
