"""Public search of offers: text, category, target group, language, near a place, open on a day.

Shared by the pages, the exports and the API.
"""

import datetime
import hashlib
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import ExpressionWrapper, FloatField, Q, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from django.utils.translation import gettext as _

from erasmi.core.models import ContentVersion
from erasmi.offers import gazetteer
from erasmi.offers.analysis import EARTH_KM
from erasmi.offers.models import VERSION_KEY, Category, Offer, Place, TargetGroup

RADII = [1, 2, 5, 10, 25, 50]


class SearchError(ValueError):
    pass


@dataclass
class OfferSearch:
    q: str = ""
    category: Category | None = None
    target: TargetGroup | None = None
    language: str = ""
    near: str = ""
    radius: int = 5
    day: datetime.date | None = None
    centre: Place | None = None
    choices: list[str] = field(default_factory=list)  # the (other) places a name may mean

    @classmethod
    def from_params(cls, params, *, strict: bool = False) -> tuple["OfferSearch", list[str]]:
        """The search and the problems found (raised at once when strict)."""
        search, problems = cls(), []

        def problem(message):
            if strict:
                raise SearchError(message)
            problems.append(message)

        search.q = "".join(ch for ch in params.get("q") or "" if ch.isprintable()).strip()[:200]
        if slug := params.get("category"):
            search.category = Category.objects.filter(slug=slug).first()
            if search.category is None:
                problem(_("Unknown category '%(value)s'.") % {"value": slug})
        if slug := params.get("target"):
            search.target = TargetGroup.objects.filter(slug=slug).first()
            if search.target is None:
                problem(_("Unknown target group '%(value)s'.") % {"value": slug})
        if code := params.get("language"):
            search.language = code.strip().lower()[:10]
        if radius := params.get("radius"):
            if radius in {str(choice) for choice in RADII}:  # not isdigit(): "²" is a digit int() cannot read
                search.radius = int(radius)
            else:
                problem(_("The radius must be one of %(choices)s km.") % {"choices": ", ".join(map(str, RADII))})
        if near := (params.get("near") or "").strip():
            search.near = near[:120]
            found = gazetteer.find(search.near)
            search.centre = found.town.as_place() if found.town else None
            search.choices = [town.label for town in found.choices]
            if search.choices and strict and not search.centre:  # a page offers the choices as links
                problem(
                    _("Several places are called '%(value)s': %(choices)s. Which one do you mean?")
                    % {"value": near, "choices": "; ".join(search.choices)}
                )
            elif not search.choices and search.centre is None:
                problem(_("The place '%(value)s' is not known; try a postcode.") % {"value": near})
        if day := params.get("day"):
            try:
                search.day = datetime.date.fromisoformat(day)
            except ValueError:
                problem(_("'%(value)s' is not a date such as 2027-03-31.") % {"value": day})
        return search, problems

    @property
    def place_unknown(self) -> bool:
        """A place was asked for that the directory does not know: nothing is near it (not: everything)."""
        return bool(self.near) and self.centre is None and not self.choices

    @property
    def place_ambiguous(self) -> bool:
        """Several places have the name asked for: nothing is listed until the visitor chooses one."""
        return bool(self.choices) and self.centre is None

    def queryset(self):
        """The matching offers; for a "near" search annotated with `distance` (km), computed in the database."""
        offers = Offer.objects.select_related("organisation", "category")
        if self.place_unknown or self.place_ambiguous:
            return offers.none()
        for word in self.q.casefold().split():
            offers = offers.filter(search_text__contains=word)
        if self.category:
            offers = offers.filter(Q(category=self.category) | Q(category__parent=self.category))
        if self.target:
            offers = offers.filter(target_groups=self.target)
        if self.language:
            offers = offers.filter(languages__icontains=f'"{self.language}"')
        if self.day:
            offers = offers.filter(weekdays__contains=str(self.day.weekday()))
            offers = offers.filter(Q(starts__isnull=True) | Q(starts__lte=self.day))
            offers = offers.filter(Q(ends__isnull=True) | Q(ends__gte=self.day))
        if self.centre:
            # A box around the centre on the indexed coordinates first, then the exact distance.
            lat0, lon0 = self.centre.latitude, self.centre.longitude
            dlat = self.radius / 110.574
            dlon = self.radius / (111.320 * max(math.cos(math.radians(lat0)), 0.01))
            offers = offers.filter(
                latitude__range=(lat0 - dlat, lat0 + dlat), longitude__range=(lon0 - dlon, lon0 + dlon)
            )
            offers = offers.annotate(distance=distance_in_db(lat0, lon0)).filter(distance__lte=self.radius)
        return offers

    def ordered(self):
        """The matching offers in order: nearest first for a "near" search, else by title."""
        return self.queryset().order_by(*(("distance", "pk") if self.centre else ("sort_title", "pk")))

    def load(self, rows: list[tuple[int, float | None]]) -> list[Offer]:
        """The offers of these (id, distance) rows, in their order, with their distance."""
        found = Offer.objects.select_related("organisation", "category").prefetch_related("target_groups")
        found = found.in_bulk([pk for pk, _d in rows])
        offers = []
        for pk, d in rows:
            if pk in found:
                offers.append(found[pk])
                found[pk].distance = d
        return offers

    def rows(self, start: int = 0, stop: int | None = None) -> list[tuple[int, float | None]]:
        """(id, distance) of the matching offers from start to stop, read from the database alone."""
        ordered = self.ordered()
        rows = (
            ordered.values_list("pk", "distance")
            if self.centre
            else ordered.values_list("pk", Value(None, FloatField()))
        )
        return list(rows[start:stop])

    def results(self, limit: int | None = None) -> list[Offer]:
        return self.load(self.rows(0, limit))

    def count(self) -> int:
        """How many offers match: counted once per content version of the offers, then read from the cache."""
        key = f"offers:count:{ContentVersion.current(VERSION_KEY)}:{self.signature()}"
        count = cache.get(key)
        if count is None:
            count = self.queryset().count()
            cache.set(key, count, 24 * 3600)
        return count

    def signature(self) -> str:
        parts = (self.q, self.category and self.category.pk, self.target and self.target.pk, self.language)
        # The place by its coordinates (a town from the gazetteer is no stored row) and, when it is unknown or
        # ambiguous, by what was typed: such a search finds nothing, never the count of all offers.
        centre = (self.centre.latitude, self.centre.longitude) if self.centre else None
        parts += (centre, self.radius if self.centre else None, self.day, self.near.strip().casefold())
        return hashlib.sha256(repr(parts).encode()).hexdigest()


def distance_in_db(lat0: float, lon0: float):
    """Kilometres from (lat0, lon0) to each offer, as the haversine formula in SQL (PostgreSQL and SQLite)."""
    lat, lon = Radians("latitude"), Radians("longitude")
    lat0, lon0 = math.radians(lat0), math.radians(lon0)
    h = Power(Sin((lat - lat0) / 2), 2) + math.cos(lat0) * Cos(lat) * Power(Sin((lon - lon0) / 2), 2)
    return ExpressionWrapper(2 * EARTH_KM * ASin(Sqrt(h)), output_field=FloatField())


class Results:
    """The matching offers as a sequence a Paginator can slice; only a page's rows are read.

    The count comes from the cache while the offers do not change. (No attribute named "ordered":
    the Paginator would test it and so evaluate the whole queryset.)
    """

    def __init__(self, search: OfferSearch):
        self.search = search

    def count(self):
        return self.search.count()

    __len__ = count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            index = slice(index, index + 1)
        return self.search.load(self.search.rows(index.start or 0, index.stop))
