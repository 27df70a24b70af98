"""The JSON API (OpenAPI schema at /api/openapi.json). Read-only, public content only.

The schema declares every enum and bound the code enforces (a request valid by the schema is only refused
for a vocabulary slug or place that does not exist, with a 400 and the reason).
"""

import datetime
import enum
from typing import Annotated

import orjson
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder

from erasmi.compendium import index
from erasmi.compendium.exports import practice_as_dict
from erasmi.compendium.filters import SORTS, FilterError
from erasmi.compendium.models import Practice
from erasmi.core import languages, pagecache
from erasmi.core.paging import MAX_PAGE
from erasmi.library import exports as library_exports
from erasmi.library import filters as library_filters
from erasmi.library.models import Licence, Resource
from erasmi.offers.models import CONFIRMATION_PERIOD, Offer, description_in, title_in
from erasmi.offers.models import VERSION_KEY as OFFERS_VERSION
from erasmi.offers.search import RADII, OfferSearch
from erasmi.offers.search import SearchError as OfferSearchError


class FastJSON(BaseRenderer):
    """orjson: a list of 50 offers is written in a tenth of the time json takes."""

    media_type = "application/json"

    def render(self, request, data, *, response_status):
        return orjson.dumps(data, default=NinjaJSONEncoder().default)


api = NinjaAPI(
    renderer=FastJSON(),
    title="Erasmi API",
    version="1",
    description="Public data of the Erasmi platform: the compendium of good practice.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


def _cached(request, version: str, build) -> object:
    """The answer of build() as a JSON response, kept per content version (see core.pagecache).

    Built from plain values and returned as the response itself: the schema documents it, and the
    tests check the answers against it.
    """
    return pagecache.cached(request, [version], lambda: api.create_response(request, build(), status=200))


class ErrorOut(Schema):
    detail: str


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    problems = []
    for error in exc.errors:
        parts = [part for part in error.get("loc", [])[1:] if part != "params" and not isinstance(part, int)]
        where = ".".join(str(part) for part in parts) or "request"
        problems.append(f"{where}: {error.get('msg')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


@api.exception_handler(FilterError)
def filter_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


Language = enum.StrEnum("Language", {code: code for code in languages.codes()})
Sort = enum.StrEnum("Sort", {name: name for name in SORTS})
Size = enum.StrEnum("Size", {name: name for name in Practice.SIZE_RANGES})
Radius = enum.IntEnum("Radius", {f"km{km}": km for km in RADII})
Slug = Annotated[str, Field(max_length=100)]
Decade = Annotated[str, Field(pattern=r"^[0-9]{3}0$")]
UNKNOWN_SLUG = " An unknown slug is refused with 400."


class PracticeQuery(Schema):
    q: str = Field("", description="Full-text search in all languages", max_length=200)
    country: list[Slug] = Field([], description="Country slug, e.g. germany (repeatable)." + UNKNOWN_SLUG)
    network_type: list[Slug] = Field([], description="Network type slug (repeatable)." + UNKNOWN_SLUG)
    formalisation: list[Slug] = Field([], description="Degree of formalisation slug (repeatable)." + UNKNOWN_SLUG)
    field: list[Slug] = Field([], description="Field of action slug (repeatable)." + UNKNOWN_SLUG)
    target: list[Slug] = Field([], description="Target group slug (repeatable)." + UNKNOWN_SLUG)
    size: list[Size] = Field([], description="Network size (repeatable)")
    decade: list[Decade] = Field([], description="Founding decade, e.g. 2000 (repeatable)")
    sort: Sort = Field(Sort.name, description="Order of the results")
    language: Language = Field(
        languages.codes()[0] if "en" not in languages.codes() else "en",
        description="Language of the returned texts (falls back to the original)",
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=100)


class PracticeSummary(Schema):
    slug: str
    name: str
    language: str
    languages: list[str]
    location: str
    country: str | None
    network_type: str | None
    founding_year: int | None
    member_count: int | None
    is_example: bool
    url: str


class PracticePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[PracticeSummary]


def _language(code: str) -> str:
    if code not in languages.codes():
        raise FilterError(f"Unknown language '{code}'; use one of: {', '.join(languages.codes())}.")
    return code


@api.get("/practices", response={200: PracticePage, 400: ErrorOut}, tags=["compendium"])
def list_practices(request, params: Query[PracticeQuery]):
    """Published practices, with the same search, filters and sorting as the compendium page."""
    return _cached(request, index.VERSION_KEY, lambda: _practice_page(request, params))


def _practice_page(request, params) -> dict:
    language = _language(str(params.language))
    _filter, ids, _index = index.search(request.GET, language, strict=True)
    start = (params.page - 1) * params.page_size
    rows = index.load(ids[start : start + params.page_size])
    results = []
    base = request.build_absolute_uri(reverse("compendium:detail", args=["-"]))[: -len("-/")]
    with translation.override(language):
        for practice in rows:
            t = practice.translation(language)
            results.append(
                {
                    "slug": practice.slug,
                    "name": t.name,
                    "language": t.language,
                    "languages": practice.available_languages(),
                    "location": t.location,
                    "country": practice.country.slug if practice.country else None,
                    "network_type": practice.network_type.slug if practice.network_type else None,
                    "founding_year": practice.founding_year,
                    "member_count": practice.member_count,
                    "is_example": practice.is_example,
                    "url": f"{base}{practice.slug}/",
                }
            )
    return {"count": len(ids), "page": params.page, "page_size": params.page_size, "results": results}


@api.get("/practices/{slug}", response={200: dict, 404: ErrorOut}, tags=["compendium"])
def get_practice(request, slug: str):
    """One published practice with all its fields, facets and language versions."""
    return _cached(request, index.VERSION_KEY, lambda: _practice(slug))


def _practice(slug: str) -> dict:
    practice = (
        Practice.objects.published()
        .with_listing()
        .select_related("formalisation")
        .prefetch_related("fields_of_action", "target_groups")
        .filter(slug=slug)
        .first()
    )
    if practice is None:
        raise Http404
    return practice_as_dict(practice)


class OfferQuery(Schema):
    q: str = Field("", max_length=200, description="Words in title or description")
    category: str = Field("", max_length=100, description="Category slug; includes its sub-categories." + UNKNOWN_SLUG)
    target: str = Field("", max_length=100, description="Target group slug." + UNKNOWN_SLUG)
    language: str = Field("", pattern=r"^([a-zA-Z]{2,3})?$", description="Language the offer is given in, e.g. tr")
    near: str = Field("", max_length=120, description="Postcode or place name; an unknown place is refused with 400.")
    radius: Radius = Field(Radius.km5, description="Kilometres around 'near'")
    day: datetime.date | None = Field(None, description="Open on this date (YYYY-MM-DD)")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(50, ge=1, le=200)


class OfferOut(Schema):
    id: int
    title: str
    description: str = Field(description="In the language of the title, else in another one")
    organisation: str
    category: str
    target_groups: list[str]
    languages: list[str]
    online: bool
    postcode: str
    city: str
    latitude: float | None
    longitude: float | None
    distance_km: float | None
    schedule: list[dict]
    registration_needed: bool
    contact: str = Field(description="How to register or ask (empty when the offer gives none)")
    possibly_outdated: bool
    url: str


class OfferPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[OfferOut]


@api.exception_handler(OfferSearchError)
def offer_search_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.get("/offers", response={200: OfferPage, 400: ErrorOut}, tags=["offers"])
def list_offers(request, params: Query[OfferQuery]):
    """Offers with the same search as the offer pages; nearest first for a "near" search."""
    return _cached(request, OFFERS_VERSION, lambda: _offer_page(request, params))


OFFER_FIELDS = ["id", "titles", "descriptions", "organisation__name", "category__slug", "languages", "online"]
OFFER_FIELDS += ["postcode", "city", "latitude", "longitude", "schedule", "registration_needed", "contact"]
OFFER_FIELDS += ["confirmed"]


def _offer_page(request, params) -> dict:
    """A page of offers, read as plain values (no model instances)."""
    search, _problems = OfferSearch.from_params(request.GET, strict=True)
    start = (params.page - 1) * params.page_size
    rows = search.rows(start, start + params.page_size)
    found = {row["id"]: row for row in Offer.objects.filter(pk__in=[pk for pk, _d in rows]).values(*OFFER_FIELDS)}
    targets = {}
    for offer_id, slug in Offer.target_groups.through.objects.filter(offer__in=found).values_list(
        "offer_id", "targetgroup__slug"
    ):
        targets.setdefault(offer_id, []).append(slug)
    language = languages.current()
    outdated = timezone.localdate() - CONFIRMATION_PERIOD
    base = request.build_absolute_uri(reverse("offers:detail", args=[1]))[: -len("1/")]
    results = []
    for pk, distance in rows:
        if (o := found.get(pk)) is None:
            continue
        results.append(
            {
                "id": pk,
                "title": title_in(o["titles"], language),
                "description": description_in(o["titles"], o["descriptions"], language),
                "organisation": o["organisation__name"],
                "category": o["category__slug"],
                "target_groups": sorted(targets.get(pk, [])),
                "languages": o["languages"],
                "online": o["online"],
                "postcode": o["postcode"],
                "city": o["city"],
                "latitude": o["latitude"],
                "longitude": o["longitude"],
                "distance_km": round(distance, 2) if distance is not None else None,
                "schedule": o["schedule"],
                "registration_needed": o["registration_needed"],
                "contact": o["contact"],
                "possibly_outdated": o["confirmed"] < outdated,
                "url": f"{base}{pk}/",
            }
        )
    return {"count": search.count(), "page": params.page, "page_size": params.page_size, "results": results}


# -- library ----------------------------------------------------------------

ResourceKind = enum.StrEnum("ResourceKind", {name: name for name in Resource.Kind.values})
ResourceLicence = enum.StrEnum("ResourceLicence", {name.replace("-", "_"): name for name in Licence.values})
ResourceSort = enum.StrEnum("ResourceSort", {name: name for name in library_filters.SORTS})
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class ResourceQuery(Schema):
    q: str = Field("", description="Full-text search in all languages", max_length=200)
    kind: list[ResourceKind] = Field([], description="Type of resource (repeatable)")
    language: list[LanguageCode] = Field([], description="Language of the resource, ISO 639, e.g. tr (repeatable)")
    licence: list[ResourceLicence] = Field([], description="Licence, SPDX identifier (repeatable)")
    country: list[CountryCode] = Field([], description="Country, ISO 3166-1 alpha-2, e.g. DE (repeatable)")
    tag: list[Slug] = Field([], description="Tag slug (repeatable)")
    sort: ResourceSort = Field(ResourceSort.newest, description="Order of the results")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=100)


class ResourceSummary(Schema):
    slug: str
    title: str
    language: str = Field(description="Language of the title and description")
    description: str
    kind: str
    languages: list[str]
    licence: str
    licence_url: str
    attribution: str
    author: str
    organisation: str
    country: str
    tags: list[str]
    url: str


class ResourcePage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ResourceSummary]


@api.exception_handler(library_filters.FilterError)
def library_filter_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.get("/resources", response={200: ResourcePage, 400: ErrorOut}, tags=["library"])
def list_resources(request, params: Query[ResourceQuery]):
    """Published resources of the library the caller may see, with the same search and filters as its page.

    A network's internal resources are listed only for a signed-in member of that network."""
    flt = library_filters.ResourceFilter.from_params(request.GET, strict=True)
    found = library_filters.find(request.user, flt)
    start = (params.page - 1) * params.page_size
    results = []
    for resource in library_filters.load(found.ids[start : start + params.page_size]):
        version = resource.translation()
        results.append(
            {
                "slug": resource.slug,
                "title": version.title,
                "language": version.language,
                "description": version.description,
                "kind": resource.kind,
                "languages": resource.languages,
                "licence": resource.licence,
                "licence_url": resource.licence_url,
                "attribution": resource.attribution(version.title),
                "author": resource.author,
                "organisation": resource.organisation,
                "country": resource.country,
                "tags": sorted(tag.slug for tag in resource.tags.all()),
                "url": request.build_absolute_uri(resource.get_absolute_url()),
            }
        )
    return {"count": len(found.ids), "page": params.page, "page_size": params.page_size, "results": results}


@api.get("/resources/{slug}", response={200: dict, 404: ErrorOut}, tags=["library"])
def get_resource(request, slug: str):
    """One resource as a schema.org LearningResource (JSON-LD)."""
    resource = Resource.objects.visible_to(request.user).with_listing().filter(slug=slug).first()
    if resource is None:
        raise Http404
    return library_exports.learning_resource(resource)
