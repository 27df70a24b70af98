"""Search, facets and order of the library, shared by the page, the exports and the API.

A library holds hundreds of resources, not hundreds of thousands: the visible ones' facet values are
read in two queries and filtered and counted in Python, so the counts always follow the reader's
visibility (another network's internal resources are never counted).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.core import countries, languages
from erasmi.core import search as fulltext
from erasmi.library.models import Licence, Resource, ResourceTranslation

FACETS = ["kind", "language", "licence", "country", "tag"]
SORTS = {"newest": gettext_lazy("Newest first"), "title": gettext_lazy("Title")}
MAX_QUERY_LENGTH = 200
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


class FilterError(ValueError):
    """A parameter that cannot be used; the message is for the person who sent it."""


@dataclass
class ResourceFilter:
    q: str = ""
    chosen: dict[str, list[str]] = field(default_factory=dict)  # facet -> values
    sort: str = "newest"

    @classmethod
    def from_params(cls, params, *, strict: bool = False) -> "ResourceFilter":
        """Read GET parameters. strict: unknown values raise FilterError (API); else they are ignored."""
        result = cls()
        result.q = "".join(ch for ch in params.get("q") or "" if ch.isprintable() or ch.isspace()).strip()
        if len(result.q) > MAX_QUERY_LENGTH:
            if strict:
                raise FilterError(_("The search text is longer than %(n)s characters.") % {"n": MAX_QUERY_LENGTH})
            result.q = result.q[:MAX_QUERY_LENGTH]
        valid = {
            "kind": lambda v: v in Resource.Kind.values,
            "licence": lambda v: v in Licence.values,
            "language": lambda v: bool(LANGUAGE_CODE.match(v)),
            "country": countries.is_code,
            "tag": lambda v: 0 < len(v) <= 80,
        }
        for param in FACETS:
            for value in params.getlist(param):
                if valid[param](value):
                    result.chosen.setdefault(param, []).append(value)
                elif strict:
                    raise FilterError(
                        _("Unknown value '%(value)s' for the filter '%(name)s'.") % {"value": value, "name": param}
                    )
        sort = params.get("sort") or "newest"
        if sort in SORTS:
            result.sort = sort
        elif strict:
            raise FilterError(
                _("Unknown sort order '%(value)s'; use one of: %(choices)s.")
                % {"value": sort, "choices": ", ".join(SORTS)}
            )
        return result

    @property
    def any(self) -> bool:
        return bool(self.q or self.chosen)


@dataclass(slots=True)
class Row:
    pk: int
    kind: str
    licence: str
    country: str
    languages: frozenset
    tags: frozenset


@dataclass
class Found:
    ids: list[int]
    counts: dict[str, Counter]
    tag_names: dict[str, str]


def find(user, flt: ResourceFilter, language: str | None = None) -> Found:
    """The visible published resources the filter selects, in its order, with the facet counts."""
    language = language or languages.current()
    visible = Resource.objects.visible_to(user)
    tags, tag_names = {}, {}
    for pk, slug, name in Resource.tags.through.objects.filter(resource__in=visible.values("pk")).values_list(
        "resource_id", "tag__slug", "tag__name"
    ):
        tags.setdefault(pk, set()).add(slug)
        tag_names[slug] = name
    rows = [
        Row(pk, kind, licence, country, frozenset(spoken or ()), frozenset(tags.get(pk, ())))
        for pk, kind, licence, country, spoken in visible.order_by("-published_at", "-pk").values_list(
            "pk", "kind", "licence", "country", "languages"
        )
    ]
    if flt.q:
        hits = fulltext.matching_ids(ResourceTranslation, flt.q)
        matching = set(ResourceTranslation.objects.filter(pk__in=hits).values_list("resource_id", flat=True))
        rows = [row for row in rows if row.pk in matching]
    for param, values in flt.chosen.items():
        wanted = set(values)
        if param in ("language", "tag"):
            attribute = "languages" if param == "language" else "tags"
            rows = [row for row in rows if not wanted.isdisjoint(getattr(row, attribute))]
        else:
            rows = [row for row in rows if getattr(row, param) in wanted]
    if flt.sort == "title" and rows:
        titles = _titles([row.pk for row in rows], language)
        rows.sort(key=lambda row: (languages.collation_key(titles.get(row.pk, "")), row.pk))
    counts = {
        "kind": Counter(row.kind for row in rows),
        "licence": Counter(row.licence for row in rows),
        "country": Counter(row.country for row in rows if row.country),
        "language": Counter(code for row in rows for code in row.languages),
        "tag": Counter(slug for row in rows for slug in row.tags),
    }
    return Found([row.pk for row in rows], counts, tag_names)


def _titles(ids: list[int], language: str) -> dict[int, str]:
    """Each resource's title in the language, else in its original language."""
    titles, originals = {}, {}
    for pk, code, title, original in ResourceTranslation.objects.filter(resource__in=ids).values_list(
        "resource_id", "language", "title", "resource__original_language"
    ):
        if code == language:
            titles[pk] = title
        elif code == original:
            originals[pk] = title
    return {pk: titles.get(pk) or originals.get(pk, "") for pk in ids}


def load(ids: list[int]) -> list[Resource]:
    """The resources with these ids, in the order of the ids, with what a list shows."""
    found = Resource.objects.with_listing().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def facets(found: Found, flt: ResourceFilter) -> list[dict]:
    """The facet groups of the list page: the values with a count, and the chosen ones even without."""
    labels = {
        "kind": dict(Resource.Kind.choices),
        "licence": dict(Licence.choices),
        "language": None,
        "country": None,
        "tag": found.tag_names,
    }
    titles = {
        "kind": _("Type"),
        "language": _("Language"),
        "licence": _("Licence"),
        "country": _("Country"),
        "tag": _("Tag"),
    }
    groups = []
    for param in FACETS:
        chosen = flt.chosen.get(param, [])
        values = [*found.counts[param], *[v for v in chosen if v not in found.counts[param]]]
        options = []
        for value in values:
            if param == "language":
                label = languages.world_name(value)
            elif param == "country":
                label = countries.name(value)
            else:
                label = str(labels[param].get(value, value))
            options.append(
                {"value": value, "label": label, "count": found.counts[param][value], "active": value in chosen}
            )
        if param in ("kind", "licence"):
            order = list(labels[param])
            options.sort(key=lambda o: order.index(o["value"]) if o["value"] in order else len(order))
        else:
            options.sort(key=lambda o: languages.collation_key(o["label"]))
        if options:
            groups.append({"param": param, "title": titles[param], "options": options})
    return groups
