"""Importing offers from CSV (the columns of the CSV export): every row checked, all or nothing."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.core import tabular
from erasmi.networks.models import Network, Organisation
from erasmi.offers.models import Category, Offer, TargetGroup

REQUIRED = ["title", "organisation", "category"]
MAX_ROWS = 5000
# The columns of the CSV export, headed in the reader's language; the import reads them in any language.
COLUMNS = {
    "id": gettext_lazy("Number"),
    "title": gettext_lazy("Title"),
    "organisation": gettext_lazy("Organisation"),
    "category": gettext_lazy("Category"),
    "target_groups": gettext_lazy("Target groups"),
    "languages": gettext_lazy("Languages of the offer"),
    "online": gettext_lazy("online"),
    "address": gettext_lazy("Address"),
    "postcode": gettext_lazy("Postcode"),
    "city": gettext_lazy("City"),
    "latitude": gettext_lazy("Latitude"),
    "longitude": gettext_lazy("Longitude"),
    "schedule": gettext_lazy("Weekly schedule"),
    "starts": gettext_lazy("From"),
    "ends": gettext_lazy("Until"),
    "cost": gettext_lazy("Cost"),
    "registration_needed": gettext_lazy("Registration needed"),
    "contact": gettext_lazy("Contact"),
    "confirmed": gettext_lazy("Last confirmed"),
}
LIST_SEPARATOR = "; "  # between the names of target groups in a cell


def column_keys() -> dict[str, str]:
    """Column heading (the key itself, or its heading in any interface language) -> column key."""
    from erasmi.core import languages

    keys = {tabular.key(column): column for column in COLUMNS}
    for code in languages.codes():
        with translation.override(code):
            keys.update({tabular.key(str(heading)): column for column, heading in COLUMNS.items()})
    return keys


def _named(values: dict, text: str):
    """A vocabulary value by its slug or its name in any language."""
    text = text.strip()
    if text in values:
        return values[text]
    return next(
        (value for value in values.values() if text.casefold() in map(str.casefold, value.names.values())), None
    )


class OfferImportError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def _bool(value: str) -> bool:
    """A yes/no answer in any interface language; an empty cell is no."""
    if not (value or "").strip():
        return False
    answer = tabular.yes_no(value)
    if answer is None:
        raise ValueError(_("'%(value)s' is neither yes nor no") % {"value": value})
    return answer


def _float(value: str):
    return float(value.replace(",", ".")) if (value or "").strip() else None


def _date(value: str):
    return datetime.date.fromisoformat(value) if (value or "").strip() else None


@transaction.atomic
def import_offers(network: Network, data: bytes, language: str, name: str = "offers.csv") -> int:
    """Create the offers of a CSV file (any usual dialect) for the network's member organisations.

    Raises OfferImportError.
    """
    try:
        table = tabular.read(name, data, max_rows=MAX_ROWS)
    except tabular.TableError as error:
        raise OfferImportError([str(error)]) from None
    keys = column_keys()
    header = [keys.get(tabular.key(cell), str(cell or "").strip().casefold()) for cell in table.rows[0][1]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise OfferImportError(
            [
                _("The file lacks the columns: %(cols)s (it was read as %(how)s; its first row reads: %(cells)s)")
                % {"cols": ", ".join(missing), "how": table.describe(), "cells": " | ".join(header)}
            ]
        )
    reader = (
        (number, {title: tabular.text(cell) for title, cell in zip(header, cells, strict=False)})
        for number, cells in table.rows[1:]
    )
    organisations = {o.name.casefold(): o for o in Organisation.objects.filter(memberships__network=network)}
    categories = {c.slug: c for c in Category.objects.all()}
    targets = {t.slug: t for t in TargetGroup.objects.all()}
    problems, offers = [], []
    for number, row in reader:
        where = _("Row %(n)s") % {"n": number}
        organisation = organisations.get((row.get("organisation") or "").strip().casefold())
        if organisation is None:
            problems.append(
                f"{where}: "
                + _("'%(value)s' is not a member organisation of the network.") % {"value": row.get("organisation")}
            )
            continue
        category = _named(categories, row.get("category") or "")
        if category is None:
            problems.append(f"{where}: " + _("Unknown category '%(value)s'.") % {"value": row.get("category")})
            continue
        cell = row.get("target_groups") or ""
        wanted = [part for part in (cell.split(";") if ";" in cell else cell.split()) if part.strip()]
        unknown = [name for name in wanted if _named(targets, name) is None]
        if unknown:
            problems.append(f"{where}: " + _("Unknown target group '%(value)s'.") % {"value": ", ".join(unknown)})
            continue
        try:
            offer = Offer(
                organisation=organisation,
                network=network,
                titles={language: row["title"].strip()},
                category=category,
                languages=(row.get("languages") or "").split(),
                online=_bool(row.get("online")),
                address=row.get("address") or "",
                postcode=row.get("postcode") or "",
                city=row.get("city") or "",
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                schedule=json.loads(row.get("schedule") or "[]"),
                starts=_date(row.get("starts")),
                ends=_date(row.get("ends")),
                cost=row.get("cost") or "",
                registration_needed=_bool(row.get("registration_needed")),
                contact=row.get("contact") or "",
            )
            offer.full_clean(exclude=["organisation", "network", "category"])
        except ValidationError as error:
            messages = [f"{field}: {'; '.join(errs)}" for field, errs in error.message_dict.items()]
            problems.append(f"{where}: " + " ".join(messages))
            continue
        except (ValueError, json.JSONDecodeError) as error:
            problems.append(f"{where}: " + _("a value cannot be read (%(error)s).") % {"error": error})
            continue
        offers.append((offer, [_named(targets, name) for name in wanted]))
    if problems:
        raise OfferImportError(problems)
    for offer, groups in offers:
        offer.save()
        offer.target_groups.set(groups)
    return len(offers)
