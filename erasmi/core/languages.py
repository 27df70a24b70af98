"""The configured languages, and how content falls back between them."""

from functools import cache, lru_cache

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


# Languages that write the names of languages in small letters inside a sentence ("È mostrato in tedesco").
SMALL_LANGUAGE_NAMES = {"it", "da", "fr", "es", "pt", "sv", "nb", "pl", "nl"}


def name_in_sentence(code: str) -> str:
    """The language's name in the reader's language as it stands inside a sentence of that language."""
    found = name_in_words(code)
    return found[:1].lower() + found[1:] if current() in SMALL_LANGUAGE_NAMES else found


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


# Languages an offer can be given in: ISO 639-1, and the ISO 639-3 languages that migrants often speak
# that have no two-letter code (Dari, Central and Northern Kurdish).
EXTRA_CODES = ("prs", "ckb", "kmr")


@cache
def _world_names(language: str) -> dict[str, str]:
    import gettext

    import pycountry

    try:
        catalogue = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[language])
        translate = catalogue.gettext
    except OSError:  # no names in this language: English ones
        translate = str
    names = {}
    for entry in pycountry.languages:
        code = getattr(entry, "alpha_2", None) or (entry.alpha_3 if entry.alpha_3 in EXTRA_CODES else None)
        if code:
            names[code] = translate(entry.name).split(";")[0].strip()
    return names


def world_name_in(code: str, language: str) -> str:
    return _world_names(language).get(code, code)


def world_name(code: str) -> str:
    """A language's name in the reader's language ('Arabisch' on a German page); unknown codes as they are."""
    return _world_names(current()).get(code, code)


def world(codes=None) -> list[tuple[str, str]]:
    """(code, name in the reader's language) of all languages, or of the given codes, sorted as the reader reads."""
    names = _world_names(current())
    chosen = names if codes is None else {code: names.get(code, code) for code in codes}
    language = current()
    return sorted(chosen.items(), key=lambda item: _collation_key(item[1], language))


# Letters that a language sorts after "z" instead of with their base letter: Danish "æ, ø, å" ("Åland" comes
# after "Zimbabwe"). "æ" and "ø" do not decompose, so they already sort last; "å" would be read as "a".
_LAST_LETTERS = {"da": {"å": "\uffff"}}


def collation_key(text: str, language: str | None = None) -> str:
    """A sort key that puts accented letters with their base letter ("Ä" with "A"), case ignored, except where the
    reader's language has a letter of its own at the end of the alphabet (Danish "Å")."""
    return _collation_key(text, language or current())


@lru_cache(maxsize=100_000)  # the same names are sorted on every request of a member list
def _collation_key(text: str, language: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text.casefold())
    for letter, key in _LAST_LETTERS.get(language, {}).items():
        text = text.replace(letter, key)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def collated_ids(queryset, field: str) -> list:
    """The queryset's primary keys in the reader's alphabetical order of `field` ("Afrikanisch" before "AWO",
    "Çorum" with "C"), which the database's byte-wise order cannot give. Reads only the keys and the field."""
    rows = queryset.order_by().values_list("pk", field)
    language = current()  # once: asking for the active language costs more than a cached key
    return [pk for pk, _ in sorted(rows, key=lambda row: (_collation_key(row[1] or "", language), row[0]))]


def in_reading_order(queryset, field: str):
    """The queryset ordered as the reader reads `field`, for lists of tens or hundreds (choices in a form)."""
    from django.db.models import Case, IntegerField, Value, When

    ids = collated_ids(queryset, field)
    if not ids:
        return queryset
    position = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)), output_field=IntegerField())
    return queryset.order_by(position)
