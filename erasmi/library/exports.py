"""The library in the conventions of open educational resources: schema.org LearningResource (LRMI) as
JSON-LD, for each page and for the whole library, and the same as CSV (through core.spreadsheets)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from erasmi.core import countries
from erasmi.library.models import Resource, ResourceTranslation

CONTEXT = "https://schema.org"


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def learning_resource(resource: Resource, version: ResourceTranslation | None = None) -> dict:
    """One resource as a schema.org LearningResource (LRMI), in the version's language."""
    version = version or resource.translation()
    url = _absolute(resource.get_absolute_url())
    data = {
        "@context": CONTEXT,
        "@type": "LearningResource",
        "@id": url,
        "url": url,
        "name": version.title,
        "description": version.description,
        "inLanguage": list(resource.languages),
        "learningResourceType": resource.kind,
        "license": resource.licence_url or resource.get_licence_display(),
        "creditText": resource.attribution(version.title),
        "isAccessibleForFree": True,
        "keywords": [tag.name for tag in resource.tags.all()],
        "datePublished": resource.published_at.date().isoformat() if resource.published_at else None,
        "dateModified": resource.updated.isoformat(),
    }
    if resource.author:
        data["author"] = {"@type": "Person", "name": resource.author}
    if resource.organisation:
        data["sourceOrganization"] = {"@type": "Organization", "name": resource.organisation}
    if resource.country:
        data["countryOfOrigin"] = {
            "@type": "Country",
            "identifier": resource.country,
            "name": countries.name(resource.country, "en"),
        }
    if resource.file:
        data["associatedMedia"] = {
            "@type": "MediaObject",
            "name": resource.file_name,
            "contentUrl": _absolute(reverse("library:download", args=[resource.slug])),
            "contentSize": str(resource.file_size or ""),
        }
    elif resource.link:
        data["sameAs"] = resource.link
    translations = [t for t in resource.translations.all() if t.pk != version.pk]
    if translations:
        data["workTranslation"] = [
            {"@type": "LearningResource", "inLanguage": t.language, "name": t.title} for t in translations
        ]
    return data


def script_tag(data: dict) -> str:
    """A JSON-LD block for a page: data, never run, with <, > and & escaped as json_script does."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  (escaped above)


def to_json(resources) -> str:
    return json.dumps(
        {"@context": CONTEXT, "@graph": [_without_context(learning_resource(r)) for r in resources]},
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )


def _without_context(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "@context"}


CSV_COLUMNS = [
    "slug",
    "url",
    "type",
    "languages",
    "licence",
    "licence_url",
    "author",
    "organisation",
    "country",
    "network",
    "shared",
    "tags",
    "file",
    "link",
    "published",
    "language",
    "state",
    "title",
    "description",
    "attribution",
]


def csv_rows(resources):
    """The header, then one row per resource and language version."""
    yield CSV_COLUMNS
    for resource in resources:
        shared = {
            "slug": resource.slug,
            "url": _absolute(resource.get_absolute_url()),
            "type": resource.kind,
            "languages": " ".join(resource.languages),
            "licence": resource.get_licence_display(),
            "licence_url": resource.licence_url,
            "author": resource.author,
            "organisation": resource.organisation,
            "country": resource.country,
            "network": resource.network.name if resource.network_id else "",
            "shared": "yes" if resource.shared or not resource.network_id else "no",
            "tags": ", ".join(tag.name for tag in resource.tags.all()),
            "file": _absolute(reverse("library:download", args=[resource.slug])) if resource.file else "",
            "link": resource.link,
            "published": resource.published_at.date().isoformat() if resource.published_at else "",
        }
        for version in resource.translations.all():
            row = {
                **shared,
                "language": version.language,
                "state": version.state,
                "title": version.title,
                "description": version.description,
                "attribution": resource.attribution(version.title),
            }
            yield [row[column] for column in CSV_COLUMNS]
