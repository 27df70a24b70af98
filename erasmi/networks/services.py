"""Workflows of the networks app that span several models."""

import datetime

from django.db import transaction
from django.db.models import Count

from erasmi.networks.importers import Row
from erasmi.networks.models import Document, DocumentVersion, HistoryEntry, Membership, Network, Organisation


def composition(memberships) -> dict:
    """Who is in: counts by actor type and sector, the share of migrant self-organisations, what is missing."""
    by_type = {value: 0 for value in Organisation.ActorType.values}
    by_sector = {value: 0 for value in Organisation.Sector.values}
    counted = memberships.order_by().values_list("organisation__actor_type", "organisation__sector")
    for actor_type, sector, n in counted.annotate(n=Count("pk")):
        by_type[actor_type] += n
        by_sector[sector] += n
    total = sum(by_type.values())
    migrant = by_type[Organisation.ActorType.MIGRANT_ORGANISATION]
    return {
        "total": total,
        "by_type": [(Organisation.ActorType(value).label, n) for value, n in by_type.items()],
        "by_sector": [(Organisation.Sector(value).label, n) for value, n in by_sector.items()],
        "migrant_share": round(100 * migrant / total) if total else 0,
        "missing": [Organisation.ActorType(value).label for value, n in by_type.items() if not n],
    }


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


def practice_values(network: Network, language: str) -> dict:
    """A compendium profile of the network, in the ERASMI template, from what the workspace knows."""
    from django.utils import timezone, translation
    from django.utils.translation import ngettext

    from erasmi.compendium.models import Term
    from erasmi.events.models import Event
    from erasmi.networks.models import Role

    with translation.override(language):
        current = network.memberships.current()
        made_of = composition(current)
        types = ", ".join(f"{label} ({n})" for label, n in made_of["by_type"] if n)
        coordinator = (
            Role.objects.filter(network=network, kind=Role.Kind.COORDINATOR, person__organisation__isnull=False)
            .select_related("person__organisation")
            .first()
        )
        groups = list(network.working_groups.values_list("name", flat=True))
        year_ago = timezone.now() - datetime.timedelta(days=365)
        meetings = network.events.filter(kind=Event.Kind.NETWORK_MEETING, starts__gte=year_ago).count()
        formal = current.filter(agreement_signed__isnull=False).exists()
        formalisation = Term.objects.filter(kind=Term.Kind.FORMALISATION, slug="formal-cooperation-agreement").first()
        internal = []
        if meetings:
            internal.append(
                ngettext(
                    "%(n)s network meeting in the last twelve months",
                    "%(n)s network meetings in the last twelve months",
                    meetings,
                )
                % {"n": meetings}
            )
        if groups:
            internal.append(
                ngettext("%(n)s working group: %(names)s", "%(n)s working groups: %(names)s", len(groups))
                % {"n": len(groups), "names": ", ".join(groups)}
            )
        return {
            "name": network.name,
            "founding_year": network.founded,
            "location": " / ".join(part for part in (network.city, network.country) if part),
            "coordinating_organisation": coordinator.person.organisation.name if coordinator else "",
            "formalisation": formalisation.name(language) if formal and formalisation else "",
            "members": f"{made_of['total']}; {types}" if made_of["total"] else "",
            "short_description": network.description,
            "internal_communication": internal,
        }


@transaction.atomic
def publish_to_compendium(network: Network, user, language: str):
    """Create (or bring up to date) the network's own compendium profile; editors review it as any other."""
    from erasmi.compendium import services as compendium

    network = Network.objects.select_for_update().get(pk=network.pk)  # two clicks: the second finds the first's
    values = {key: value for key, value in practice_values(network, language).items() if value not in ("", None, [])}
    if network.practice_id:
        return compendium.edit_practice(network.practice, values=values, language=language, user=user)
    practice = compendium.submit_practice(values=values, language=language, user=user)
    network.practice = practice
    network.save(update_fields=["practice"])
    return practice
