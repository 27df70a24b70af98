from django import template

from erasmi.core import countries, languages
from erasmi.library import exports

register = template.Library()


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> with the data: read by search engines and OER portals, never run."""
    return exports.script_tag(data)


@register.filter
def country_name(code):
    return countries.name(code) if code else ""


@register.filter
def language_name(code: str) -> str:
    """For a sentence of the page: the language's name in the reader's language."""
    return languages.name_in_sentence(code)
