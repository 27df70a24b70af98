import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches

LOCALE = Path(settings.BASE_DIR) / "erasmi" / "locale"


@pytest.mark.parametrize("language", ["de", "en", "tr", "it", "da"])
def test_catalogue_is_complete(language):
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries, "the catalogue is empty"
    # An empty msgstr is untranslated unless continuation lines follow (a wrapped translation).
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', e, re.MULTILINE)]
    assert not untranslated, untranslated[:3]
    assert "#, fuzzy" not in text
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists()


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("de", "Kompendium guter Praxis"),
        ("en", "Compendium of good practice"),
        ("tr", "İyi uygulamalar derlemesi"),
        ("it", "Compendio di buone pratiche"),
        ("da", "Kompendium over god praksis"),
    ],
)
def test_each_language_has_its_prefix_and_interface(client, db, language, heading):
    response = client.get(f"/{language}/compendium/")
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="ltr">' in response.text
    assert heading in response.text


def test_language_switcher_links_to_the_same_page(client, erfurt):
    response = client.get(f"/de/compendium/{erfurt.slug}/")
    assert f'href="/tr/compendium/{erfurt.slug}/" lang="tr"' in response.text


def test_chosen_language_is_remembered(client, db):
    response = client.get("/it/compendium/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "it"
    response = client.get("/")
    assert response["Location"] == "/it/"


def test_browser_language_is_used_on_first_visit(client, db):
    response = client.get("/", headers={"Accept-Language": "tr-TR,tr;q=0.9"})
    assert response["Location"] == "/tr/"


def test_dates_follow_the_language(client, erfurt):
    assert "Dezember 2020" in client.get(f"/de/compendium/{erfurt.slug}/").text
    assert "Aralık 2020" in client.get(f"/tr/compendium/{erfurt.slug}/").text
    assert "dicembre 2020" in client.get(f"/it/compendium/{erfurt.slug}/").text.lower()


def test_a_right_to_left_language_can_be_configured(client, db):
    languages = [*settings.LANGUAGES, ("ar", "العربيّة")]
    with override_settings(LANGUAGES=languages):
        clear_url_caches()
        response = client.get("/ar/compendium/")
        assert '<html lang="ar" dir="rtl">' in response.text
    clear_url_caches()


def _joined(entry: str, keyword: str) -> str | None:
    """The text of a msgid or msgstr, its continuation lines joined."""
    found = re.search(rf'^{keyword} (".*"(?:\n".*")*)', entry, re.MULTILINE)
    if not found:
        return None
    return "".join(re.findall(r'^"(.*)"$', found.group(1), re.MULTILINE))


def test_english_catalogue_says_what_the_source_says():
    """English is the source language: a translation that differs came from a fuzzy match."""
    text = (LOCALE / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for entry in text.split("\n\n")[1:]:
        if "msgid_plural" in entry:
            continue
        msgid, msgstr = _joined(entry, "msgid"), _joined(entry, "msgstr")
        if msgid:
            assert msgid == msgstr, entry


def test_a_danish_reader_finds_aa_at_the_end_of_the_alphabet_and_a_german_one_with_a():
    from erasmi.core.languages import collation_key

    names = ["Zimbabwe", "Åland", "Afghanistan", "Østrig", "Ærø"]
    assert sorted(names, key=lambda n: collation_key(n, "da")) == ["Afghanistan", "Zimbabwe", "Ærø", "Østrig", "Åland"]
    assert sorted(names, key=lambda n: collation_key(n, "de"))[:2] == ["Afghanistan", "Åland"]


def test_the_country_choices_on_a_danish_page_end_with_aaland(db):
    from django.utils import translation

    from erasmi.core import countries

    with translation.override("da"):
        names = [name for _code, name in countries.choices()]
    assert names.index("Åland") > names.index("Zimbabwe")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "mercoledì 20 gennaio 2027"),  # Django's catalogue wrote "Mercoledì 20 Gennaio"
        ("de", "Mittwoch 20 Januar 2027"),
        ("tr", "Çarşamba 20 Ocak 2027"),
        ("da", "onsdag 20 januar 2027"),
    ],
)
def test_weekdays_and_months_are_written_as_the_language_writes_them(language, expected):
    import datetime

    from django.utils import formats, translation

    with translation.override(language):
        assert formats.date_format(datetime.date(2027, 1, 20), "l j F Y") == expected
        month_alone = formats.date_format(datetime.date(2027, 1, 20), "E Y").split()[0]  # a calendar's heading
        assert month_alone.casefold() == expected.split()[2].casefold()
