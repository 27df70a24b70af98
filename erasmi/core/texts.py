"""A record's own words in several languages: a working group's name, a meeting's title and agenda.

The texts are written in one language (the record's ``language``); their versions in other languages
live in the record's row (``translations``: {language: {field: text}}), so showing them costs no query.
A reader sees the version in their language where there is one, else the text as written, marked
with the language it is in (``lang="de"`` on the element), so that screen readers and browsers read it
right. See ``WrittenInLanguages`` (erasmi.core.models) and ``TranslationsForm`` (erasmi.core.forms).
"""

from django.utils.html import format_html
from django.utils.text import capfirst as django_capfirst
from django.utils.translation import get_language

from erasmi.core import languages


class Text(str):
    """A text that knows the language it is in.

    ``lang`` is what the element showing it carries: `` lang="de"`` when that is not the page's
    language, else nothing (``<h1{{ group.shown.name.lang }}>{{ group.shown.name }}</h1>``); ``html``
    the text marked so inside other words (``{{ event.shown.title.html }}``). As a plain string (a page's
    <title>, a mail) it is just the text.
    """

    def __new__(cls, value="", language: str = ""):
        text = super().__new__(cls, value or "")
        text.language = language or ""
        return text

    def __reduce__(self):
        return (Text, (str(self), self.language))

    @property
    def lang(self) -> str:
        if self.language and self.language != languages.current():
            return format_html(' lang="{}"', self.language)
        return ""

    @property
    def html(self) -> str:
        """The text for inside a sentence or a link: in a ``<span lang="…">`` when it is not in the page's
        language, else as it is (escaped)."""
        if self.lang:
            return format_html("<span{}>{}</span>", self.lang, str(self))
        return format_html("{}", str(self))


def text_in(original: str, written_in: str, translations: dict | None, field: str, language: str) -> tuple[str, str]:
    """The field's text in the language if it has a version in it, else as written; with the language it is in
    ("" when nobody said which language the text is written in)."""
    version = ((translations or {}).get(language) or {}).get(field) if language != written_in else None
    if isinstance(version, str) and version.strip():
        return version, language
    return original or "", written_in or ""


def shown(original: str, written_in: str, version: str | None, language: str | None = None) -> Text:
    """A text for a page from plain values (a list read with ``values_list``): ``version`` is its version in
    the language (read as ``translations__<language>__<field>``), or None."""
    language = language or languages.current()
    if language != written_in and isinstance(version, str) and version.strip():
        return Text(version, language)
    return Text(original, written_in)


class Shown:
    """The record's translated fields in the reader's language, as ``Text``: ``event.shown.title``."""

    def __init__(self, record, language: str | None = None):
        self._record = record
        self._language = language

    def __getattr__(self, field: str) -> Text:
        if field.startswith("_") or field not in self._record.translated_fields:
            raise AttributeError(field)
        return Text(*self._record.text_in(field, self._language))


def capfirst(text) -> str:
    """The first letter capitalised as the reader's language does it (Turkish: i → İ)."""
    text = str(text)
    if text[:1] == "i" and (get_language() or "").startswith(("tr", "az")):
        return "İ" + text[1:]
    return django_capfirst(text)
