"""Renaming and deleting documents of a network's archive (listing and uploading are in views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from erasmi.core import permissions
from erasmi.core.forms import locked
from erasmi.networks import services
from erasmi.networks.forms import DocumentEditForm
from erasmi.networks.models import Document, HistoryEntry
from erasmi.networks.views import _network


def _document(request, slug, pk) -> Document:
    network = _network(request, slug, "network.view_internal")
    document = get_object_or_404(
        Document.objects.select_related("network", "working_group__lead", "working_group__network"),
        network=network,
        pk=pk,
    )
    permissions.require(request.user, "document.manage", document)
    return document


@login_required
def document_edit(request, slug, pk):
    document = _document(request, slug, pk)
    if request.method != "POST":
        form = DocumentEditForm(instance=document)
    else:
        with transaction.atomic():
            form = DocumentEditForm(request.POST, instance=locked(document))
            if form.is_valid():
                if form.changed:
                    form.save()
                    HistoryEntry.record(
                        document.network, request.user, HistoryEntry.Action.CHANGED, document, form.change_summary()
                    )
                    messages.success(request, _("The document was saved."))
                else:
                    messages.info(request, _("Nothing was changed."))
                return redirect("networks:document", slug=slug, pk=pk)
    return render(
        request,
        "networks/document_form.html",
        {"network": document.network, "document": document, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def document_delete(request, slug, pk):
    """Delete a document with every version, after confirming; the history keeps a line of it."""
    document = _document(request, slug, pk)
    if request.method != "POST":
        return render(
            request,
            "networks/document_delete.html",
            {"network": document.network, "document": document, "versions": document.versions.count()},
        )
    services.delete_document(document, request.user)
    messages.success(request, _("The document “%(title)s” was deleted.") % {"title": document.title})
    return redirect("networks:documents", slug=slug)
