"""A record's own texts in several languages: the reader's version where there is one, else as written."""

from django.utils import translation

from erasmi.core.texts import Text, shown, text_in
from erasmi.networks.models import WorkingGroup


def group(**values) -> WorkingGroup:
    return WorkingGroup(name="Sprache und Bildung", topic="Sprachkurse", language="de", **values)


def test_a_text_is_given_in_the_readers_language_where_it_has_a_version_else_as_written():
    written = group(translations={"tr": {"name": "Dil ve eğitim"}, "it": {"name": "  "}})
    assert written.text_in("name", "tr") == ("Dil ve eğitim", "tr")
    assert written.text_in("topic", "tr") == ("Sprachkurse", "de")  # no Turkish topic: as written
    assert written.text_in("name", "it") == ("Sprache und Bildung", "de")  # an empty version is none
    assert written.text_in("name", "da") == ("Sprache und Bildung", "de")
    assert written.text_in("name", "de") == ("Sprache und Bildung", "de")
    with translation.override("tr"):
        assert written.text_in("name") == ("Dil ve eğitim", "tr")  # the reader's language by default


def test_the_original_wins_over_a_version_in_its_own_language_and_an_unknown_language_is_none():
    written = group(translations={"de": {"name": "Alt"}})
    assert written.text_in("name", "de") == ("Sprache und Bildung", "de")
    unknown = WorkingGroup(name="Sprache", translations={})
    assert unknown.text_in("name", "tr") == ("Sprache", "")
    assert text_in("Sprache", "de", None, "name", "tr") == ("Sprache", "de")


def test_a_text_on_a_page_carries_its_language_only_where_it_is_not_the_pages():
    written = group(translations={"tr": {"name": "Dil ve eğitim"}})
    with translation.override("tr"):
        name, topic = written.shown.name, written.shown.topic
        assert (name, name.language, name.lang, name.html) == ("Dil ve eğitim", "tr", "", "Dil ve eğitim")
        assert (topic, topic.lang) == ("Sprachkurse", ' lang="de"')
        assert topic.html == '<span lang="de">Sprachkurse</span>'
    with translation.override("de"):
        assert written.shown.topic.lang == ""
    assert Text("<b>", "de").html.startswith("<span") and "&lt;b&gt;" in Text("<b>", "de").html


def test_plain_values_read_from_a_list_are_shown_the_same_way():
    assert shown("Netzwerktreffen", "de", "Ağ toplantısı", "tr") == "Ağ toplantısı"
    fallback = shown("Netzwerktreffen", "de", None, "tr")
    assert (fallback, fallback.language) == ("Netzwerktreffen", "de")
