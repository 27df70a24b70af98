"""Search, facet filters and sorting of the practice list, shared by the pages and the API.

The filter is read here; the facet index (index.py) applies it.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from erasmi.compendium.models import Practice, Term

# URL parameter -> vocabulary
TERM_FACETS = {
    "country": Term.Kind.COUNTRY,
    "network_type": Term.Kind.NETWORK_TYPE,
    "formalisation": Term.Kind.FORMALISATION,
    "field": Term.Kind.FIELD_OF_ACTION,
    "target": Term.Kind.TARGET_GROUP,
}
SORTS = {
    "name": gettext_lazy("Name"),
    "newest": gettext_lazy("Recently updated"),
    "founded": gettext_lazy("Founding year, oldest first"),
    "-founded": gettext_lazy("Founding year, newest first"),
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

        # Control characters (NUL among them) are no search text; PostgreSQL refuses NUL.
        result.q = "".join(ch for ch in params.get("q") or "" if ch.isprintable() or ch.isspace()).strip()
        if len(result.q) > MAX_QUERY_LENGTH:
            refuse(_("The search text is longer than %(n)s characters.") % {"n": MAX_QUERY_LENGTH})
            result.q = result.q[:MAX_QUERY_LENGTH]
        for param, kind in TERM_FACETS.items():
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
            if decade.isascii() and decade.isdecimal() and len(decade) == 4 and decade.endswith("0"):
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
