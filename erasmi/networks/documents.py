"""Renaming and deleting documents of a network's archive (listing and uploading are in views.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from erasmi.core import permissions
from erasmi.networks import services
from erasmi.networks.editing import edit_page
from erasmi.networks.forms import DocumentEditForm
from erasmi.networks.models import Document
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
    return edit_page(
        request,
        document,
        lambda data, instance: DocumentEditForm(data, instance=instance),
        network=document.network,
        template="networks/document_form.html",
        context={"network": document.network, "document": document},
        saved=_("The document was saved."),
        after=reverse("networks:document", args=[slug, pk]),
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
