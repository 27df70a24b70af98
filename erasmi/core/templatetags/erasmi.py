from django import template

from erasmi.core import languages

register = template.Library()


@register.filter
def spoken_language(code: str) -> str:
    """An offer's language by its name in the reader's language ('Arabisch' on a German page)."""
    return languages.world_name(code)
