"""The configured languages, and how content falls back between them."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

# Snowball stemmer and PostgreSQL text-search configuration per language; a
# language missing here is searched without stemming ("simple").
STEMMERS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "it": "italian",
    "tr": "turkish",
    "ar": "arabic",
    "ru": "russian",
    "fa": None,
    "uk": None,
}


def codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def current() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in codes() else settings.LANGUAGE_CODE


def name_in_words(code: str) -> str:
    """The language's name in the reader's language, for a sentence: 'Englisch' on a German page."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def name(code: str) -> str:
    """The language's name in itself, e.g. 'Türkçe'."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def is_rtl(code: str) -> bool:
    return code in settings.LANGUAGES_BIDI


def choices() -> list[tuple[str, str]]:
    return [(code, name(code)) for code in codes()]


def stemmer_name(code: str) -> str | None:
    return STEMMERS.get(code)


def quoted(texts, separator: str = ", ") -> str:
    """Each text in the reader's quotation marks („…“ in German, “…” in English), joined."""
    from django.utils.translation import gettext as _

    return separator.join(_("“%(text)s”") % {"text": text} for text in texts)
