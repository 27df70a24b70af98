"""Workflows of the networks app that span several models."""

import datetime

from django.db import transaction

from erasmi.networks.importers import Row
from erasmi.networks.models import Document, DocumentVersion, HistoryEntry, Membership, Network, Organisation


def _existing(network: Network) -> dict[str, Organisation]:
    return {m.organisation.name.casefold(): m.organisation for m in network.memberships.select_related("organisation")}


def preview_members(network: Network, rows: list[Row]) -> list[Row]:
    """Mark each valid row as a new member or an update of an existing one."""
    existing = _existing(network)
    for row in rows:
        if not row.errors:
            row.action = "update" if row.values["name"].casefold() in existing else "new"
    return rows


@transaction.atomic
def import_members(network: Network, rows: list[Row], actor=None) -> tuple[int, int]:
    """Write a checked member list; all rows or none. Returns (new, updated)."""
    if any(row.errors for row in rows):
        raise ValueError("the member list has errors")
    existing = _existing(network)
    created = updated = 0
    for row in rows:
        values = dict(row.values)
        dates = {
            key: datetime.date.fromisoformat(values.pop(key)) if values.get(key) else None
            for key in ("joined", "left", "agreement_signed")
        }
        organisation = existing.get(values["name"].casefold())
        if organisation is None:
            organisation = Organisation(name=values["name"])
            created += 1
        else:
            updated += 1
        for key, value in values.items():
            if value or key == "languages":
                setattr(organisation, key, value)
        organisation.save()
        membership = network.memberships.filter(organisation=organisation).order_by("-joined").first()
        if membership is None:
            membership = Membership(network=network, organisation=organisation)
        for key, value in dates.items():
            if value is not None:
                setattr(membership, key, value)
        membership.full_clean(exclude=["network", "organisation"])
        membership.save()
        HistoryEntry.record(network, actor, HistoryEntry.Action.IMPORTED, membership, {"row": row.number})
    return created, updated


@transaction.atomic
def add_version(document: Document, upload, user) -> DocumentVersion:
    """Store an upload as the next version of the document (numbers never repeat)."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    last = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = DocumentVersion.objects.create(
        document=document,
        number=last + 1,
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=user,
    )
    HistoryEntry.record(
        document.network, user, HistoryEntry.Action.UPLOADED, document, {"version": version.number, "file": upload.name}
    )
    return version
