"""Search, facet filters and sorting of the practice list, shared by the pages and the API."""

from dataclasses import dataclass, field

from django.db.models import F, FilteredRelation, Q
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.compendium.models import Practice, Term
from erasmi.core import languages

# URL parameter -> (Term kind, lookup)
TERM_FACETS = {
    "country": (Term.Kind.COUNTRY, "country"),
    "network_type": (Term.Kind.NETWORK_TYPE, "network_type"),
    "formalisation": (Term.Kind.FORMALISATION, "formalisation"),
    "field": (Term.Kind.FIELD_OF_ACTION, "fields_of_action"),
    "target": (Term.Kind.TARGET_GROUP, "target_groups"),
}
SORTS = {
    "name": (gettext_lazy("Name"), ["sort_name", "slug"]),
    "newest": (gettext_lazy("Recently updated"), ["-updated", "slug"]),
    "founded": (gettext_lazy("Founding year, oldest first"), ["founding_year", "slug"]),
    "-founded": (gettext_lazy("Founding year, newest first"), ["-founding_year", "slug"]),
}
MAX_QUERY_LENGTH = 200


class FilterError(ValueError):
    """A parameter that cannot be used; the message is for the person who sent it."""


@dataclass
class PracticeFilter:
    q: str = ""
    terms: dict[str, list[int]] = field(default_factory=dict)  # parameter -> term ids
    term_slugs: dict[str, list[str]] = field(default_factory=dict)
    sizes: list[str] = field(default_factory=list)
    decades: list[int] = field(default_factory=list)
    sort: str = "name"

    @classmethod
    def from_params(cls, params, terms_by_kind: dict[str, dict[str, Term]], *, strict: bool = False):
        """Read GET parameters. strict: unknown values raise FilterError (API); else they are ignored."""
        result = cls()

        def refuse(message):
            if strict:
                raise FilterError(message)

        result.q = (params.get("q") or "").strip()
        if len(result.q) > MAX_QUERY_LENGTH:
            refuse(_("The search text is longer than %(n)s characters.") % {"n": MAX_QUERY_LENGTH})
            result.q = result.q[:MAX_QUERY_LENGTH]
        for param, (kind, _lookup) in TERM_FACETS.items():
            for slug in params.getlist(param):
                term = terms_by_kind.get(kind, {}).get(slug)
                if term is None:
                    refuse(_("Unknown value '%(value)s' for the filter '%(name)s'.") % {"value": slug, "name": param})
                    continue
                result.terms.setdefault(param, []).append(term.pk)
                result.term_slugs.setdefault(param, []).append(slug)
        for size in params.getlist("size"):
            if size in Practice.SIZE_RANGES:
                result.sizes.append(size)
            else:
                refuse(_("Unknown value '%(value)s' for the filter '%(name)s'.") % {"value": size, "name": "size"})
        for decade in params.getlist("decade"):
            if decade.isdigit() and len(decade) == 4 and decade.endswith("0"):
                result.decades.append(int(decade))
            else:
                refuse(_("'%(value)s' is not a decade such as 1990.") % {"value": decade})
        sort = params.get("sort") or "name"
        if sort in SORTS:
            result.sort = sort
        else:
            refuse(
                _("Unknown sort order '%(value)s'; use one of: %(choices)s.")
                % {"value": sort, "choices": ", ".join(SORTS)}
            )
        return result

    def apply(self, practices, language: str | None = None):
        practices = practices.search(self.q)
        for param, ids in self.terms.items():
            lookup = TERM_FACETS[param][1]
            if lookup in ("fields_of_action", "target_groups"):
                through = getattr(Practice, lookup).through
                practices = practices.filter(pk__in=through.objects.filter(term_id__in=ids).values("practice_id"))
            else:
                practices = practices.filter(**{f"{lookup}__in": ids})
        if self.sizes:
            condition = Q()
            for size in self.sizes:
                low, high = Practice.SIZE_RANGES[size]
                condition |= Q(member_count__gte=low) & (Q(member_count__lte=high) if high else Q())
            practices = practices.filter(condition)
        if self.decades:
            condition = Q()
            for decade in self.decades:
                condition |= Q(founding_year__gte=decade, founding_year__lte=decade + 9)
            practices = practices.filter(condition)
        if self.sort == "name":
            practices = with_sort_name(practices, language or languages.current())
        return practices.order_by(*SORTS[self.sort][1])

    def is_active(self, param: str, value) -> bool:
        if param in TERM_FACETS:
            return value in self.terms.get(param, [])
        if param == "size":
            return value in self.sizes
        if param == "decade":
            return value in self.decades
        return False

    @property
    def any(self) -> bool:
        return bool(self.q or self.terms or self.sizes or self.decades)


def with_sort_name(practices, language: str):
    """Annotate the name shown in that language (or the original's) for sorting by name."""
    return practices.annotate(
        shown=FilteredRelation("translations", condition=Q(translations__language=language)),
        original=FilteredRelation("translations", condition=Q(translations__language=F("original_language"))),
    ).annotate(sort_name=Lower(Coalesce("shown__name", "original__name")))


def terms_by_kind() -> dict[str, dict[str, Term]]:
    result: dict[str, dict[str, Term]] = {}
    for term in Term.objects.all():
        result.setdefault(term.kind, {})[term.slug] = term
    return result
