"""Workflows of the networks app that span several models."""

import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from erasmi.core import languages, tabular
from erasmi.networks.importers import MemberList, Row
from erasmi.networks.models import (
    Document,
    DocumentVersion,
    HistoryEntry,
    MemberImportPreview,
    Membership,
    Network,
    Organisation,
    Person,
    Role,
    WorkingGroup,
)


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


def _groups(network: Network) -> dict[str, WorkingGroup]:
    groups = {}
    for group in network.working_groups.all():
        groups[tabular.key(group.slug)] = group
        groups[tabular.key(group.name)] = group
    return groups


def _group_names(row: Row, groups: dict[str, WorkingGroup]) -> list[WorkingGroup] | None:
    """The working groups named in the row's cell (a group's own name may contain a comma); None if one is unknown."""
    cell = row.values.get("working_groups_cell") or ""
    if not cell:
        return []
    if whole := groups.get(tabular.key(cell)):
        return [whole]
    unknown = [name for name in row.values["working_groups"] if tabular.key(name) not in groups]
    if unknown:
        return None
    return [groups[tabular.key(name)] for name in row.values["working_groups"]]


def preview_members(network: Network, member_list: MemberList) -> list[Row]:
    """Check the working groups against the network's; mark each valid row as new, an update or unchanged."""
    existing, groups, memberships = _existing(network), _groups(network), _latest_memberships(network)
    column = member_list.titles.get("working_groups", "")
    for row in member_list.rows:
        if _group_names(row, groups) is None:
            unknown = [name for name in row.values["working_groups"] if tabular.key(name) not in groups]
            row.fail(
                column,
                _("The network has no working group %(names)s; its groups are: %(groups)s.")
                % {
                    "names": languages.quoted(unknown),
                    "groups": ", ".join(sorted({g.name for g in groups.values()})) or "–",
                },
            )
        if not row.errors:
            organisation, _membership, changes = _planned(network, row, existing, memberships)
            row.action = "new" if organisation.pk is None else ("update" if changes else "unchanged")
    return member_list.rows


def store_preview(network: Network, member_list: MemberList, file_name: str, user) -> MemberImportPreview:
    """Keep a checked member list for one confirmation; previews older than a day are removed."""
    MemberImportPreview.objects.filter(created__lt=timezone.now() - MemberImportPreview.LIFETIME).delete()
    return MemberImportPreview.objects.create(
        network=network,
        created_by=user,
        file_name=file_name[:255],
        rows=[{"number": r.number, "values": r.values, "errors": r.errors} for r in member_list.rows],
        columns={"used": member_list.used, "ignored": member_list.ignored},
    )


class PreviewUsed(Exception):
    """The preview was imported already (a second click), or it expired."""


@transaction.atomic
def confirm_import(network: Network, preview_id, user) -> tuple[int, int]:
    """Import a stored preview exactly once: the request whose delete removes the row imports it.

    Under parallel requests the delete waits for the first transaction; when that one commits,
    the others delete nothing and import nothing. If the import fails, the delete is rolled back
    with it and the preview can be confirmed again.
    """
    fresh = MemberImportPreview.objects.filter(
        pk=preview_id, network=network, created_by=user, created__gte=timezone.now() - MemberImportPreview.LIFETIME
    )
    preview = fresh.first()
    if preview is None or not fresh.delete()[0]:
        raise PreviewUsed
    rows = [Row(number=r["number"], values=r["values"], errors=r["errors"]) for r in preview.rows]
    return import_members(network, rows, actor=user)


def _contact(network: Network, organisation: Organisation, contact: dict) -> tuple[Person, bool]:
    """The organisation's contact person in this network (found by e-mail or name, else new; not saved),
    and whether the row changes anything about them. Only people with a role in this network are looked
    at; no account is linked."""
    people = Person.objects.filter(organisation=organisation, roles__network=network) if organisation.pk else None
    person = None
    if people is not None and contact["email"]:
        person = people.filter(email__iexact=contact["email"]).first()
    if people is not None and person is None:
        person = people.filter(first_name__iexact=contact["first_name"], last_name__iexact=contact["last_name"]).first()
    changed = person is None
    if person is None:
        person = Person(organisation=organisation, first_name=contact["first_name"], last_name=contact["last_name"])
    for key in ("email", "phone"):
        if contact[key] and getattr(person, key) != contact[key]:
            setattr(person, key, contact[key])
            changed = True
    return person, changed


ORGANISATION_FIELDS = ("actor_type", "sector", "street", "postcode", "city", "languages", "website", "email")


def _latest_memberships(network: Network) -> dict[int, Membership]:
    memberships = {}
    for membership in network.memberships.order_by("joined"):
        memberships[membership.organisation_id] = membership  # the latest period wins
    return memberships


def _planned(network: Network, row: Row, existing: dict, memberships: dict) -> tuple[Organisation, Membership, dict]:
    """The organisation and membership a row describes, not saved, and the changes it makes to them.

    The preview and the import use it alike: a row that changes nothing is shown as unchanged and
    writes nothing (no history either). An empty cell leaves what the workspace knows.
    """
    values = row.values
    organisation = existing.get(values["name"].casefold()) or Organisation(name=values["name"])
    changes = {}
    for key in ORGANISATION_FIELDS:
        if values.get(key) and getattr(organisation, key) != values[key]:
            setattr(organisation, key, values[key])
            changes[key] = values[key]
    membership = memberships.get(organisation.pk) if organisation.pk else None
    if membership is None:
        membership = Membership(network=network, organisation=organisation)
        changes["joined"] = values.get("joined") or str(membership.joined)
    for key in ("joined", "left", "agreement_signed"):
        value = datetime.date.fromisoformat(values[key]) if values.get(key) else None
        if value is not None and getattr(membership, key) != value:
            setattr(membership, key, value)
            changes[key] = str(value)
    if values.get("agreement") == "no" and (membership.agreement_signed or membership.agreement_date_unknown):
        membership.agreement_signed, membership.agreement_date_unknown = None, False
        changes["agreement"] = "no"
    elif (
        values.get("agreement") == "yes"
        and membership.agreement_signed is None
        and not membership.agreement_date_unknown
    ):
        membership.agreement_date_unknown = True
        changes["agreement"] = "yes"
    if values.get("contact"):
        person, changed = _contact(network, organisation, values["contact"])
        # A new or changed person, or one who is not yet the membership's contact person.
        if changed or person.pk is None or membership.contact_id != person.pk:
            changes["contact"] = " ".join(
                filter(None, [values["contact"]["first_name"], values["contact"]["last_name"]])
            )
    return organisation, membership, changes


@transaction.atomic
def import_members(network: Network, rows: list[Row], actor=None) -> tuple[int, int]:
    """Write a checked member list; all rows or none. Returns (new, updated); unchanged rows write nothing."""
    if any(row.errors for row in rows):
        raise ValueError("the member list has errors")
    existing, groups, memberships = _existing(network), _groups(network), _latest_memberships(network)
    created = updated = 0
    for row in rows:
        organisation, membership, changes = _planned(network, row, existing, memberships)
        is_new = organisation.pk is None
        if changes:
            organisation.save()
            membership.organisation = organisation
            membership.full_clean(exclude=["network", "organisation"])
            membership.save()
            existing[organisation.name.casefold()] = organisation
            memberships[organisation.pk] = membership
            HistoryEntry.record(
                network, actor, HistoryEntry.Action.IMPORTED, membership, {"row": row.number, **changes}
            )
            created, updated = created + is_new, updated + (not is_new)
        if row.values.get("contact"):
            person, changed = _contact(network, organisation, row.values["contact"])
            if changed:
                person.save()
            Role.objects.get_or_create(network=network, person=person, defaults={"kind": Role.Kind.MEMBER})
            if membership.pk and membership.contact_id != person.pk:  # the row names the network's contact
                membership.contact = person
                membership.save(update_fields=["contact"])
            named = _group_names(row, groups)
            if named is None:
                raise ValueError(f"row {row.number}: a working group was removed since the preview")
            for group in named:
                group.members.add(person)
    return created, updated


@transaction.atomic
def add_version(document: Document, upload, user, note: str = "") -> DocumentVersion:
    """Store an upload as the next version of the document (numbers never repeat), with a note on what is new."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    last = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = DocumentVersion.objects.create(
        document=document,
        number=last + 1,
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=user,
        note=note,
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
        formal = current.filter(Q(agreement_signed__isnull=False) | Q(agreement_date_unknown=True)).exists()
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


def delete_document(document: Document, actor) -> bool:
    """Delete a document with all its versions; the files leave private storage once the deletion is committed.

    False when it was deleted already (a second click).
    """
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document.pk).select_related("network").first()
        if document is None:
            return False
        files = list(document.versions.values_list("file", flat=True))
        HistoryEntry.record(document.network, actor, HistoryEntry.Action.DELETED, document, {"versions": len(files)})
        document.delete()
        storage = DocumentVersion._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])
    return True
