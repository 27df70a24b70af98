from django.urls import reverse
from django.utils import translation

from erasmi.compendium.models import Practice
from erasmi.compendium.tests.factories import make_practice


def detail_url(practice, language):
    with translation.override(language):
        return reverse("compendium:detail", args=[practice.slug])


def test_german_version_shows_every_section(client, erfurt):
    response = client.get(detail_url(erfurt, "de"))
    assert response.status_code == 200
    text = response.text
    assert "Netzwerk für Integration der Landeshauptstadt Erfurt" in text
    assert "Thematische Treffen der acht Arbeitsgruppen" in text
    assert 'href="https://www.integration-migration-thueringen.de/netzwerk"' in text
    assert "mailto:netzwerk@integration-migration-thueringen.de" in text
    assert "not available in your language" not in text


def test_turkish_version_is_shown_under_the_turkish_prefix(client, erfurt):
    response = client.get(detail_url(erfurt, "tr"))
    assert "Devlet entegrasyon ağı" in response.text
    assert '<html lang="tr"' in response.text


def test_detail_says_when_it_falls_back_to_another_language(client, erfurt):
    response = client.get(detail_url(erfurt, "it"))
    assert response.context["fallback"] is True
    assert response.context["t"].language == "de"
    assert 'lang="de"' in response.text


def test_outdated_translation_is_flagged(client, erfurt):
    original = erfurt.translations.get(language="de")
    original.members = "Circa 95"
    original.save()
    response = client.get(detail_url(erfurt, "tr"))
    assert response.context["t"].state == "outdated"


def test_unpublished_practice_is_hidden_from_visitors_and_other_members(client, db, member, other_member):
    practice = make_practice("Pending Network", status=Practice.Status.SUBMITTED, submitted_by=member)
    assert client.get(detail_url(practice, "en")).status_code == 404
    client.force_login(other_member)
    assert client.get(detail_url(practice, "en")).status_code == 404
    client.force_login(member)
    assert client.get(detail_url(practice, "en")).status_code == 200


def test_unpublished_practice_is_visible_to_editors(client, db, editor):
    practice = make_practice("Pending Network", status=Practice.Status.SUBMITTED)
    client.force_login(editor)
    assert client.get(detail_url(practice, "en")).status_code == 200


def test_detail_queries_are_few(client, erfurt, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(detail_url(erfurt, "de"))


def test_the_fallback_notice_names_the_language_in_the_readers_language(client, db):
    from erasmi.compendium.tests.factories import make_practice

    practice = make_practice("Only English", status="published")
    text = client.get(practice.get_absolute_url().replace("/en/", "/de/")).text
    assert "Es wird auf Englisch gezeigt" in text or "auf Englisch" in text
    assert "English" not in text.split('class="notice"')[1].split("</p>")[0]


def test_a_visitor_sees_no_history_link_on_an_imported_practice(client, erfurt):
    assert erfurt.submitted_by_id is None  # imported, so no author: the link once showed for the anonymous
    response = client.get(detail_url(erfurt, "de"))
    assert reverse("compendium:history", args=[erfurt.slug]) not in response.text
