from django import template

from erasmi.core import languages

register = template.Library()


class InReadersLanguage(str):
    """A term's name given in the reader's language inside a version in another: its element says so (`lang`)."""

    def __new__(cls, text: str, lang: str):
        named = super().__new__(cls, text)
        named.lang = lang
        return named


def _marked(written, shown, language: str):
    if isinstance(shown, list):
        return [_marked(a, b, language) for a, b in zip(written, shown, strict=True)]
    return InReadersLanguage(shown, language) if shown != written else shown


@register.simple_tag
def field_value(field, practice, translation):
    """The value of a template field: shared ones live on the practice, the rest on the version. Shown in another
    language than the reader's, the values of the shared vocabularies are named in the reader's language (each
    such name has a `lang`, for the element around it)."""
    if translation is None:
        return None
    value = getattr(practice if field.shared else translation, field.key)
    language = languages.current()
    if translation.language != language:
        value = _marked(value, practice.in_words_of(field.key, value, language), language)
    return value


@register.filter
def website_url(text: str) -> str:
    """A link target for a website as written in a profile ('www.x.de/y' -> 'https://www.x.de/y')."""
    first = (text or "").split()[0] if text else ""
    if not first:
        return ""
    return first if first.startswith(("http://", "https://")) else f"https://{first}"


@register.filter
def language_name(code: str) -> str:
    """For a sentence of the page: the language's name in the reader's language."""
    return languages.name_in_sentence(code)
