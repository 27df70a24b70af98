"""The JSON API (OpenAPI schema at /api/openapi.json). Read-only, public content only."""

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from erasmi.compendium import index
from erasmi.compendium.exports import practice_as_dict
from erasmi.compendium.filters import FilterError
from erasmi.compendium.models import Practice
from erasmi.core import languages

api = NinjaAPI(
    title="Erasmi API",
    version="1",
    description="Public data of the Erasmi platform: the compendium of good practice.",
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)


class ErrorOut(Schema):
    detail: str


@api.exception_handler(ValidationError)
def validation_error(request, exc):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", [])[1:]) or "request"
        problems.append(f"{where}: {error.get('msg')}")
    return api.create_response(request, {"detail": "; ".join(problems)}, status=400)


@api.exception_handler(FilterError)
def filter_error(request, exc):
    return api.create_response(request, {"detail": str(exc)}, status=400)


class PracticeQuery(Schema):
    q: str = Field("", description="Full-text search in all languages", max_length=200)
    country: list[str] = Field([], description="Country slug, e.g. germany (repeatable)")
    network_type: list[str] = Field([], description="Network type slug (repeatable)")
    formalisation: list[str] = Field([], description="Degree of formalisation slug (repeatable)")
    field: list[str] = Field([], description="Field of action slug (repeatable)")
    target: list[str] = Field([], description="Target group slug (repeatable)")
    size: list[str] = Field([], description="small, medium, large or very_large (repeatable)")
    decade: list[str] = Field([], description="Founding decade, e.g. 2000 (repeatable)")
    sort: str = Field("name", description="name, newest, founded or -founded")
    language: str = Field("en", description="Language of the returned texts (falls back to the original)")
    page: int = Field(1, ge=1)
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
    language = _language(params.language)
    _filter, ids, _index = index.search(request.GET, language, strict=True)
    start = (params.page - 1) * params.page_size
    rows = index.load(ids[start : start + params.page_size])
    results = []
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
                    "url": request.build_absolute_uri(reverse("compendium:detail", args=[practice.slug])),
                }
            )
    return {"count": len(ids), "page": params.page, "page_size": params.page_size, "results": results}


@api.get("/practices/{slug}", response={200: dict, 404: ErrorOut}, tags=["compendium"])
def get_practice(request, slug: str):
    """One published practice with all its fields, facets and language versions."""
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
