"""Countries by ISO 3166-1 alpha-2 code, named in the reader's language (pycountry's translations)."""

from functools import cache

from erasmi.core import languages


@cache
def _names(language: str) -> dict[str, str]:
    import gettext

    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]).gettext
    except OSError:  # no names in this language: English ones
        translate = str
    return {c.alpha_2: translate(getattr(c, "common_name", None) or c.name) for c in pycountry.countries}


def name(code: str, language: str | None = None) -> str:
    """The country's name ('Deutschland' on a German page); unknown codes as they are."""
    return _names(language or languages.current()).get(code, code)


def is_code(code: str) -> bool:
    return code in _names("en")


def choices() -> list[tuple[str, str]]:
    """(code, name) of every country, sorted as the reader reads."""
    names = _names(languages.current())
    return sorted(names.items(), key=lambda item: languages.collation_key(item[1]))
