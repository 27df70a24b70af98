"""Importing offers from CSV (the columns of the CSV export): every row checked, all or nothing."""

import datetime
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from erasmi.core import tabular
from erasmi.networks.models import Network, Organisation
from erasmi.offers.models import Category, Offer, TargetGroup

REQUIRED = ["title", "organisation", "category"]
MAX_ROWS = 5000


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
    header = [str(cell or "").strip().casefold() for cell in table.rows[0][1]]
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
        category = categories.get((row.get("category") or "").strip())
        if category is None:
            problems.append(f"{where}: " + _("Unknown category '%(value)s'.") % {"value": row.get("category")})
            continue
        wanted = (row.get("target_groups") or "").split()
        unknown = [slug for slug in wanted if slug not in targets]
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
        offers.append((offer, [targets[slug] for slug in wanted]))
    if problems:
        raise OfferImportError(problems)
    for offer, groups in offers:
        offer.save()
        offer.target_groups.set(groups)
    return len(offers)
