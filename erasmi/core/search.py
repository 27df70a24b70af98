"""Full-text search with stemming per language, one backend per database.

A searchable model has `language` and `search_text` fields. Its index lives in a
narrow side table `<table>_search`, so that a search reads index rows, not the
wide content rows:
- PostgreSQL: (id, language, vector) with vector = to_tsvector(<the language's
  configuration>, search_text) and a GIN index; a query is parsed once per
  language with that language's configuration and matched against the rows in
  that language.
- SQLite: an FTS5 table holding the text stemmed in Python by the Snowball
  stemmers (the algorithms PostgreSQL uses), each token tagged with its language
  ("de_arbeitsgrupp"), so that one MATCH searches every language.
Callers use only `install()` (from a migration), `index()`, `remove()`, `reindex()`
and `matching_ids()`.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer
from django.db import connection

from erasmi.core import languages

WORD = re.compile(r"\w+", re.UNICODE)


def _table(model) -> str:
    return f"{model._meta.db_table}_search"


# -- words ------------------------------------------------------------------


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


# -- schema -----------------------------------------------------------------


def install(schema_editor, model) -> None:
    """Create the search table of a model (called from a migration)."""
    search_table = _table(model)
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {search_table} "
            "USING fts5(body, tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")"
        )
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE TABLE IF NOT EXISTS {search_table} ("
            "id bigint PRIMARY KEY, language varchar(10) NOT NULL, vector tsvector NOT NULL)"
        )
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {search_table}_vector ON {search_table} USING gin(vector)")


def uninstall(schema_editor, model) -> None:
    schema_editor.execute(f"DROP TABLE IF EXISTS {_table(model)}")


# -- indexing ---------------------------------------------------------------


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
    table = _table(model)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(row.pk,) for row in rows])
            cursor.executemany(
                f"INSERT INTO {table} (rowid, body) VALUES (%s, %s)",
                [(row.pk, " ".join(_tagged(row.search_text, row.language))) for row in rows],
            )
        elif connection.vendor == "postgresql":
            cursor.executemany(
                f"INSERT INTO {table} (id, language, vector) VALUES (%s, %s, to_tsvector(%s::regconfig, %s)) "
                "ON CONFLICT (id) DO UPDATE SET language = EXCLUDED.language, vector = EXCLUDED.vector",
                [(row.pk, row.language, _pg_config(row.language), row.search_text) for row in rows],
            )


def remove(model, pks) -> None:
    """Drop deleted rows from the index (called when rows are deleted)."""
    with connection.cursor() as cursor:
        key = "rowid" if connection.vendor == "sqlite" else "id"
        cursor.executemany(f"DELETE FROM {_table(model)} WHERE {key} = %s", [(pk,) for pk in pks])


def forget(sender, instance, **kwargs) -> None:
    """post_delete receiver for searchable models (cascaded deletes included)."""
    remove(sender, [instance.pk])


def clear(model) -> None:
    """Empty the search table of a model (after its rows were deleted without signals, e.g. by flush)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_table(model)}")


def reindex(model) -> int:
    """Rebuild the whole index of a model; returns the number of rows indexed."""
    count, batch = 0, []
    for row in model.objects.only("pk", "language", "search_text").iterator(chunk_size=2000):
        batch.append(row)
        if len(batch) == 2000:
            index(model, batch)
            count, batch = count + len(batch), []
    index(model, batch)
    return count + len(batch)


# -- querying ---------------------------------------------------------------


def matching_ids(model, query: str) -> list[int]:
    """Ids of the rows that match every word of the query in their own language."""
    table = _table(model)
    if connection.vendor == "postgresql":
        conditions, params = [], []
        for language in languages.codes():
            conditions.append("(language = %s AND vector @@ websearch_to_tsquery(%s::regconfig, %s))")
            params += [language, _pg_config(language), query]
        sql = f"SELECT id FROM {table} WHERE {' OR '.join(conditions)}"
    else:
        groups = []
        for language in languages.codes():
            if terms := _tagged(query, language):
                groups.append("(" + " AND ".join(f'"{term}"' for term in terms) + ")")
        if not groups:
            return []
        sql, params = f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [" OR ".join(groups)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
