"""JSON, CSV and PDF exports of the compendium, and reading JSON and CSV back.

JSON: a list of practices, each with its shared fields, facet slugs and one
entry per language. CSV: one row per practice and language; list fields hold
one item per line inside the cell, which spreadsheets keep as it is.
"""

import csv
import datetime
import io
import json
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from erasmi.compendium.importers import ParsedProfile, ProfileError
from erasmi.compendium.models import Practice
from erasmi.compendium.template import LIST_FIELDS, TRANSLATED_FIELDS
from erasmi.core.cells import restore
from erasmi.core.generation import generated_file
from erasmi.core.models import ContentVersion
from erasmi.core.spreadsheets import csv_text

FORMAT_VERSION = 1
SHARED = ["slug", "status", "is_example", "original_language", "founding_year", "member_count", "city"]
META = ["website", "email", "status_as_of", "licence", "source"]
FACET_COLUMNS = ["country", "network_type", "formalisation", "fields_of_action", "target_groups"]


def export_queryset(ids: list[int] | None = None):
    """The published practices (all, or those with these ids in their order) with everything an export
    needs, in a fixed number of queries."""
    practices = Practice.objects.published().with_listing().select_related("formalisation")
    practices = practices.prefetch_related("fields_of_action", "target_groups").order_by("slug")
    if ids is None:
        return practices
    found = practices.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def export_bytes(fmt: str, practices, language: str) -> bytes:
    from erasmi.compendium import pdf

    if fmt == "json":
        return to_json(practices).encode()
    if fmt == "csv":
        return to_csv(practices).encode()
    return pdf.compendium_pdf(practices, language)


def practice_as_dict(practice: Practice) -> dict:
    data = {key: getattr(practice, key) for key in SHARED + META}
    data["status_as_of"] = practice.status_as_of.isoformat() if practice.status_as_of else None
    data["country"] = practice.country.slug if practice.country else None
    data["network_type"] = practice.network_type.slug if practice.network_type else None
    data["formalisation"] = practice.formalisation.slug if practice.formalisation_id else None
    data["fields_of_action"] = [t.slug for t in practice.fields_of_action.all()]
    data["target_groups"] = [t.slug for t in practice.target_groups.all()]
    data["translations"] = {
        t.language: {"state": t.state, **t.content()}
        for t in sorted(practice.translations.all(), key=lambda t: t.language)
    }
    return data


def to_json(practices) -> str:
    return json.dumps(
        {
            "format": "erasmi-compendium",
            "version": FORMAT_VERSION,
            "practices": [practice_as_dict(p) for p in practices],
        },
        ensure_ascii=False,
        indent=2,
    )


CSV_COLUMNS = [*SHARED, *META, *FACET_COLUMNS, "language", "state", *[f.key for f in TRANSLATED_FIELDS]]


def _cell(value):
    if isinstance(value, list):
        return "\n".join(value)
    if value is None:
        return ""
    return value


def to_csv(practices, language: str | None = None) -> str:
    return csv_text([CSV_COLUMNS, *_csv_rows(practices, language)])


def _csv_rows(practices, language: str | None):
    for practice in practices:
        data = practice_as_dict(practice)
        for lang, version in data["translations"].items():
            if language and lang != language:
                continue
            row = {key: _cell(data[key]) for key in [*SHARED, *META, *FACET_COLUMNS]}
            row["language"] = lang
            row.update({key: _cell(value) for key, value in version.items()})
            yield [row.get(column, "") for column in CSV_COLUMNS]


# -- reading back ----------------------------------------------------------


def _profile(path: str, language: str, shared: dict, version: dict) -> ParsedProfile:
    values = {f.key: version.get(f.key, [] if f.key in LIST_FIELDS else "") for f in TRANSLATED_FIELDS}
    for key in ("founding_year", "website", "email"):
        if shared.get(key) not in (None, ""):
            values[key] = int(shared[key]) if key == "founding_year" else shared[key]
    status_as_of = shared.get("status_as_of")
    return ParsedProfile(
        path=path,
        language=language,
        status_as_of=datetime.date.fromisoformat(status_as_of) if status_as_of else None,
        licence=shared.get("licence") or "",
        values=values,
    )


def read_json(text: str, path: str) -> list[ParsedProfile]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProfileError(path, error.lineno, _("invalid JSON: %(msg)s") % {"msg": error.msg}) from None
    if not isinstance(data, dict) or data.get("format") != "erasmi-compendium":
        raise ProfileError(path, 1, _("this is not an Erasmi compendium export"))
    profiles = []
    for practice in data.get("practices", []):
        translations = practice.get("translations") or {}
        original = practice.get("original_language")
        # The original first, so that the others are recorded as its translations.
        for language in sorted(translations, key=lambda lang: lang != original):
            if not translations[language].get("name"):
                raise ProfileError(path, None, _("a version without a network name"))
            profiles.append(_profile(path, language, practice, translations[language]))
    return profiles


def read_csv(text: str, path: str) -> list[ParsedProfile]:
    reader = csv.DictReader(io.StringIO(text))
    missing = {"language", "name"} - set(reader.fieldnames or [])
    if missing:
        raise ProfileError(
            path, 1, _("the CSV file lacks the columns: %(cols)s") % {"cols": ", ".join(sorted(missing))}
        )
    # The original versions first, so that the others are recorded as their translations.
    cells = ({key: restore(value) for key, value in row.items()} for row in reader)  # as exported
    rows = sorted(
        enumerate(cells, start=1), key=lambda item: item[1].get("language") != item[1].get("original_language")
    )
    profiles = []
    for number, row in rows:
        if not row.get("name"):
            raise ProfileError(path, None, _("record %(n)s: the network name is empty") % {"n": number})
        version = {
            key: ([item for item in value.split("\n") if item.strip()] if key in LIST_FIELDS else value)
            for key, value in row.items()
        }
        profiles.append(_profile(path, row["language"], row, version))
    return profiles


def cached_file(fmt: str, language: str) -> Path:
    """The export file for the compendium as it is now, written once per change of the compendium.

    A PDF of thousands of practices takes a while; every later download of the same
    version is a file read. Files of earlier versions are removed. One process generates
    at a time and a failure is remembered for a while (see ``generated_file``): raises
    GenerationUnavailable then.
    """
    from erasmi.compendium.index import VERSION_KEY

    version = ContentVersion.current(VERSION_KEY)
    folder = Path(settings.ERASMI_CACHE_DIR) / "exports"
    name = f"compendium-{language}.{fmt}" if fmt == "pdf" else f"compendium.{fmt}"

    def build() -> bytes:
        return export_bytes(fmt, export_queryset(), language)

    return generated_file(folder / f"{version}-{name}", build, key=name, replaces=f"*-{name}")


FILTERED_KEEP = 600  # seconds a PDF of a search is kept for the next who asks for the same


def filtered_pdf(ids: list[int], language: str) -> Path:
    """The PDF of what a search found: generated one at a time (like the whole compendium's, see
    ``generated_file``), so that a visitor varying the search cannot keep every worker busy with PDFs,
    and kept a while for the same search. Raises GenerationUnavailable."""
    import hashlib
    import time

    from erasmi.compendium.index import VERSION_KEY

    version = ContentVersion.current(VERSION_KEY)
    folder = Path(settings.ERASMI_CACHE_DIR) / "exports" / "filtered"
    digest = hashlib.sha256(json.dumps([str(version), language, ids]).encode()).hexdigest()[:32]

    def build() -> bytes:
        for old in folder.glob("*.pdf"):  # the folder holds what was asked for lately, not every search
            if old.stat().st_mtime < time.time() - FILTERED_KEEP:
                old.unlink(missing_ok=True)
        return export_bytes("pdf", export_queryset(ids), language)

    return generated_file(folder / f"{digest}-{language}.pdf", build, key="compendium-filtered.pdf")
