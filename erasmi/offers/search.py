"""Public search of offers: text, category, target group, language, near a place, open on a day.

Shared by the pages, the exports and the API.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from erasmi.offers import gazetteer
from erasmi.offers.analysis import haversine as distance
from erasmi.offers.models import Category, Offer, Place, TargetGroup

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
            # A box around the centre first (indexed), the exact distance afterwards.
            dlat = self.radius / 110.574
            dlon = self.radius / (111.320 * max(math.cos(math.radians(self.centre.latitude)), 0.01))
            offers = offers.filter(
                latitude__range=(self.centre.latitude - dlat, self.centre.latitude + dlat),
                longitude__range=(self.centre.longitude - dlon, self.centre.longitude + dlon),
            )
        return offers

    def matching_ids(self) -> list[int]:
        """Ids of all matching offers in order: nearest first for a "near" search, else by title.

        Only ids and coordinates are read here; the offers of one page are loaded afterwards.
        """
        offers = self.queryset()
        if not self.centre:
            return list(offers.order_by("sort_title", "pk").values_list("pk", flat=True))
        lat0, lon0 = self.centre.latitude, self.centre.longitude
        near = []
        for pk, lat, lon in offers.values_list("pk", "latitude", "longitude").iterator(chunk_size=5000):
            d = distance(lat0, lon0, lat, lon)
            if d <= self.radius:
                near.append((d, pk))
        near.sort()
        self.distances = {pk: d for d, pk in near}
        return [pk for _d, pk in near]

    def load(self, ids: list[int]) -> list[Offer]:
        """The offers with these ids, in their order, with their distance for a "near" search."""
        found = Offer.objects.select_related("organisation", "category").prefetch_related("target_groups").in_bulk(ids)
        offers = [found[pk] for pk in ids if pk in found]
        for offer in offers:
            offer.distance = getattr(self, "distances", {}).get(offer.pk)
        return offers

    def results(self, limit: int | None = None) -> list[Offer]:
        ids = self.matching_ids()
        return self.load(ids[:limit] if limit else ids)


class Results:
    """The matching offers as a sequence a Paginator can slice; only a page's offers are loaded.

    Without a "near" search the database counts and slices; with one, the ids come
    ordered by distance from matching_ids(). (No attribute named "ordered": the
    Paginator would test it and so evaluate the whole queryset.)
    """

    def __init__(self, search: OfferSearch):
        self.search = search
        self.ids = search.matching_ids() if search.centre else None
        self._ordered_qs = None if self.ids is not None else search.queryset().order_by("sort_title", "pk")

    def count(self):
        return len(self.ids) if self.ids is not None else self._ordered_qs.count()

    __len__ = count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            index = slice(index, index + 1)
        ids = self.ids[index] if self.ids is not None else list(self._ordered_qs.values_list("pk", flat=True)[index])
        return self.search.load(ids)
