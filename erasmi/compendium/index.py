"""The facet index: the published practices' filterable fields, held in memory.

Faceted search over thousands of practices in SQL costs one aggregate query per
facet, each repeating the search. Here one query checks whether the compendium
changed (a ContentVersion token); if it did, the index is rebuilt from four
queries. Filtering, counting and ordering then run in Python over compact tuples,
and only the practices of the requested page are read from the database.
"""

import threading
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

from django.db.models import Prefetch

from erasmi.compendium.models import Practice, PracticeTranslation, Term
from erasmi.core import search as fulltext
from erasmi.core.models import ContentVersion

VERSION_KEY = "compendium"


@dataclass(slots=True, frozen=True)
class Entry:
    pk: int
    slug: str
    country: int | None
    network_type: int | None
    formalisation: int | None
    fields: frozenset
    targets: frozenset
    member_count: int | None
    founding_year: int | None
    updated: float
    original_language: str
    size: str | None
    decade: int | None


# URL parameter -> Entry attribute and whether it holds several terms
TERM_ATTRIBUTES = {
    "country": ("country", False),
    "network_type": ("network_type", False),
    "formalisation": ("formalisation", False),
    "field": ("fields", True),
    "target": ("targets", True),
}


class CompendiumIndex:
    def __init__(self, version):
        self.version = version
        published = Practice.objects.published()
        fields, targets = {}, {}
        for practice_id, term_id in Practice.fields_of_action.through.objects.filter(
            practice__status=Practice.Status.PUBLISHED
        ).values_list("practice_id", "term_id"):
            fields.setdefault(practice_id, set()).add(term_id)
        for practice_id, term_id in Practice.target_groups.through.objects.filter(
            practice__status=Practice.Status.PUBLISHED
        ).values_list("practice_id", "term_id"):
            targets.setdefault(practice_id, set()).add(term_id)
        self.entries: dict[int, Entry] = {}
        for row in published.values_list(
            "pk",
            "slug",
            "country_id",
            "network_type_id",
            "formalisation_id",
            "member_count",
            "founding_year",
            "updated",
            "original_language",
        ):
            pk = row[0]
            self.entries[pk] = Entry(
                pk=pk,
                slug=row[1],
                country=row[2],
                network_type=row[3],
                formalisation=row[4],
                fields=frozenset(fields.get(pk, ())),
                targets=frozenset(targets.get(pk, ())),
                member_count=row[5],
                founding_year=row[6],
                updated=row[7].timestamp(),
                original_language=row[8],
                size=Practice.size_of(row[5]),
                decade=row[6] // 10 * 10 if row[6] else None,
            )
        self.owner: dict[int, int] = {}
        self.names: dict[int, dict[str, str]] = {}
        for pk, practice_id, language, name in PracticeTranslation.objects.filter(
            practice__status=Practice.Status.PUBLISHED
        ).values_list("pk", "practice_id", "language", "name"):
            self.owner[pk] = practice_id
            self.names.setdefault(practice_id, {})[language] = name.casefold()
        entries = list(self.entries.values())
        self.orders = {
            "founded": [
                e.pk for e in sorted(entries, key=lambda e: (e.founding_year is None, e.founding_year, e.slug))
            ],
            "-founded": [
                e.pk for e in sorted(entries, key=lambda e: (e.founding_year is None, -(e.founding_year or 0), e.slug))
            ],
            "newest": [e.pk for e in sorted(entries, key=lambda e: (-e.updated, e.slug))],
        }
        self._name_orders: dict[str, list[int]] = {}
        self._all_counts = None
        self.terms = {}
        for term in Term.objects.all():
            self.terms.setdefault(term.kind, {})[term.slug] = term

    def order(self, sort: str, language: str) -> list[int]:
        if sort != "name":
            return self.orders[sort]
        if language not in self._name_orders:

            def key(entry):
                names = self.names.get(entry.pk, {})
                return (names.get(language) or names.get(entry.original_language) or "", entry.slug)

            self._name_orders[language] = [e.pk for e in sorted(self.entries.values(), key=key)]
        return self._name_orders[language]

    def matching(self, flt, language: str) -> list[int]:
        """Ids of the published practices the filter selects, in the filter's order."""
        candidates = None
        if flt.q:
            hits = fulltext.matching_ids(PracticeTranslation, flt.q)
            candidates = {self.owner[pk] for pk in hits if pk in self.owner}
        checks = []
        for param, ids in flt.terms.items():
            attribute, many = TERM_ATTRIBUTES[param]
            wanted = frozenset(ids)
            if many:
                checks.append(lambda e, a=attribute, w=wanted: not w.isdisjoint(getattr(e, a)))
            else:
                checks.append(lambda e, a=attribute, w=wanted: getattr(e, a) in w)
        if flt.sizes:
            sizes = set(flt.sizes)
            checks.append(lambda e: e.size in sizes)
        if flt.decades:
            decades = set(flt.decades)
            checks.append(lambda e: e.decade in decades)
        order = self.order(flt.sort, language)
        if candidates is None and not checks:
            return order
        entries = self.entries
        return [
            pk
            for pk in order
            if (candidates is None or pk in candidates) and all(check(entries[pk]) for check in checks)
        ]

    def counts(self, ids: list[int]) -> dict[str, Counter]:
        """How many of these practices have each facet value (counted in C, not in a Python loop)."""
        if len(ids) == len(self.entries) and self._all_counts is not None:
            return self._all_counts
        entries = [self.entries[pk] for pk in ids]
        counts = {
            "country": Counter(map(attrgetter("country"), entries)),
            "network_type": Counter(map(attrgetter("network_type"), entries)),
            "formalisation": Counter(map(attrgetter("formalisation"), entries)),
            "field": Counter(chain.from_iterable(map(attrgetter("fields"), entries))),
            "target": Counter(chain.from_iterable(map(attrgetter("targets"), entries))),
            "size": Counter(map(attrgetter("size"), entries)),
            "decade": Counter(map(attrgetter("decade"), entries)),
        }
        counts["decade"].pop(None, None)
        if len(ids) == len(self.entries):
            self._all_counts = counts
        return counts


_lock = threading.Lock()
_index: CompendiumIndex | None = None


def current() -> CompendiumIndex:
    """The index for the compendium as it is now (rebuilt after any change)."""
    global _index
    version = ContentVersion.current(VERSION_KEY)
    index = _index
    if index is None or index.version != version:
        with _lock:
            index = _index
            if index is None or index.version != version:
                index = _index = CompendiumIndex(version)
    return index


def search(params, language: str, *, strict: bool = False):
    """Read a filter from request parameters: (the filter, the matching ids in order, the index)."""
    from erasmi.compendium.filters import PracticeFilter

    idx = current()
    flt = PracticeFilter.from_params(params, idx.terms, strict=strict)
    return flt, idx.matching(flt, language), idx


LISTED_FIELDS = ["id", "practice_id", "language", "state", "name", "location"]


def load(ids: list[int]) -> list[Practice]:
    """The practices with these ids, for a list page, in the order of the ids (only the listed fields)."""
    translations = Prefetch("translations", queryset=PracticeTranslation.objects.only(*LISTED_FIELDS))
    found = Practice.objects.published().select_related("country", "network_type").prefetch_related(translations)
    found = found.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def changed(**kwargs) -> None:
    """Signal receiver: the compendium changed."""
    ContentVersion.bump(VERSION_KEY)
