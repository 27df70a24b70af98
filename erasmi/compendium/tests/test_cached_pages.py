"""The public compendium pages and API answers come from the shared cache until the compendium changes."""

from erasmi.compendium.models import Practice, Term
from erasmi.compendium.tests.factories import make_practice

ERFURT = "Netzwerk für Integration der Landeshauptstadt Erfurt"


def pages(practice) -> list[str]:
    return [
        "/de/compendium/",
        "/de/compendium/?q=Arbeitsgruppe&country=germany",
        f"/de/compendium/{practice.slug}/",
        "/api/practices?language=de",
        f"/api/practices/{practice.slug}",
    ]


def test_a_visitor_gets_each_public_compendium_page_from_the_cache_with_two_queries(
    client, erfurt, database_cache, django_assert_num_queries
):
    for url in pages(erfurt):
        first = client.get(url)
        with django_assert_num_queries(2):  # the content version and the cache (the database cache here)
            again = client.get(url)
        assert again.status_code == 200 and again.content == first.content


def test_an_htmx_request_gets_its_fragment_not_the_cached_page(client, erfurt):
    whole = client.get("/en/compendium/")
    fragment = client.get("/en/compendium/", headers={"HX-Request": "true"})
    assert "<html" in whole.text and "<html" not in fragment.text


def test_a_changed_practice_shows_at_once_on_every_page(client, erfurt):
    for url in pages(erfurt):
        assert ERFURT in client.get(url).text
    translation = erfurt.translations.get(language="de")
    translation.name = "Erfurter Integrationsnetzwerk"
    translation.save()
    for url in pages(erfurt):
        assert "Erfurter Integrationsnetzwerk" in client.get(url).text


def test_a_new_practice_and_a_renamed_term_show_at_once_in_the_facets(client, erfurt):
    assert "(1)" in client.get("/en/compendium/").text
    make_practice("Harbour Network")
    page = client.get("/en/compendium/").text
    assert "Harbour Network" in page
    germany = Term.objects.get(kind=Term.Kind.COUNTRY, slug="germany")
    germany.names = {**germany.names, "en": "Federal Republic of Germany"}
    germany.save()
    assert "Federal Republic of Germany" in client.get("/en/compendium/").text


def test_a_withdrawn_practice_is_gone_at_once_from_its_cached_page(client, erfurt):
    assert client.get(f"/en/compendium/{erfurt.slug}/").status_code == 200
    erfurt.change_status(Practice.Status.CHANGES_REQUESTED)  # an editor withdraws it
    assert client.get(f"/en/compendium/{erfurt.slug}/").status_code == 404
