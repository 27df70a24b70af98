"""Full-text search with stemming per language, one backend per database.

A searchable model has `language`, `search_text` and `search_vector` fields.
- PostgreSQL: `search_vector` holds to_tsvector(<language config>, search_text),
  with a GIN index; a query is parsed once per language with that language's
  configuration and matched against the versions in that language.
- SQLite: an FTS5 table `<table>_fts` holds the text stemmed in Python by the
  Snowball stemmers (the same algorithms PostgreSQL uses), each token tagged with
  its language ("de_arbeitsgrupp"), so that one MATCH searches every language.
Callers use only `index()`, `reindex()` and `matching_ids()`.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer
from django.db import connection
from django.db.models import Q

from erasmi.core import languages

WORD = re.compile(r"\w+", re.UNICODE)


# -- shared ---------------------------------------------------------------


def _fts_table(model) -> str:
    return f"{model._meta.db_table}_fts"


@cache
def _stemmer(language: str):
    algorithm = languages.stemmer_name(language)
    if algorithm and algorithm in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(algorithm)
    return None


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.casefold()).replace("\u0307", "")
    return WORD.findall(text)


def stems(text: str, language: str) -> list[str]:
    tokens = words(text)
    stemmer = _stemmer(language)
    return stemmer.stemWords(tokens) if stemmer else tokens


def _tagged(text: str, language: str) -> list[str]:
    return [f"{language}_{stem}" for stem in stems(text, language)]


# -- schema ---------------------------------------------------------------


def install(schema_editor, model) -> None:
    """Create the search index of a model (called from a migration)."""
    table = model._meta.db_table
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {_fts_table(model)} "
            "USING fts5(body, tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")"
        )
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {table}_search ON {table} USING gin(search_vector)")


def uninstall(schema_editor, model) -> None:
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {_fts_table(model)}")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {model._meta.db_table}_search")


# -- indexing -------------------------------------------------------------


@cache
def _pg_configs() -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def _pg_config(language: str) -> str:
    name = languages.stemmer_name(language)
    return name if name in _pg_configs() else "simple"


def index(model, rows) -> None:
    """Bring the search index up to date for the given saved rows."""
    rows = list(rows)
    if not rows:
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            fts = _fts_table(model)
            cursor.executemany(f"DELETE FROM {fts} WHERE rowid = %s", [(row.pk,) for row in rows])
            cursor.executemany(
                f"INSERT INTO {fts} (rowid, body) VALUES (%s, %s)",
                [(row.pk, " ".join(_tagged(row.search_text, row.language))) for row in rows],
            )
        elif connection.vendor == "postgresql":
            cursor.executemany(
                f"UPDATE {table} SET search_vector = to_tsvector(%s::regconfig, search_text) WHERE id = %s",
                [(_pg_config(row.language), row.pk) for row in rows],
            )


def reindex(model) -> int:
    """Rebuild the whole index of a model; returns the number of rows indexed."""
    rows = model.objects.only("pk", "language", "search_text")
    count = 0
    batch = []
    for row in rows.iterator(chunk_size=2000):
        batch.append(row)
        if len(batch) == 2000:
            index(model, batch)
            count += len(batch)
            batch = []
    index(model, batch)
    return count + len(batch)


# -- querying -------------------------------------------------------------


def matching_ids(model, query: str) -> list[int]:
    """Ids of the rows that match every word of the query in their own language."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        condition = Q(pk__in=[])
        for language in languages.codes():
            condition |= Q(
                language=language,
                search_vector=SearchQuery(query, config=_pg_config(language), search_type="websearch"),
            )
        return list(model.objects.filter(condition).values_list("pk", flat=True))

    groups = []
    for language in languages.codes():
        terms = _tagged(query, language)
        if terms:
            groups.append("(" + " AND ".join(f'"{term}"' for term in terms) + ")")
    if not groups:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {_fts_table(model)} WHERE {_fts_table(model)} MATCH %s", [" OR ".join(groups)]
        )
        return [row[0] for row in cursor.fetchall()]
