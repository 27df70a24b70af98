"""The public offer pages and API answers come from the shared cache until an offer changes (issue 14)."""

import datetime

from django.test import Client
from django.utils import timezone

from erasmi.networks.models import Organisation
from erasmi.offers.analysis import haversine
from erasmi.offers.models import Offer, Place
from erasmi.offers.search import OfferSearch

PAGES = [
    "/en/offers/",
    "/en/offers/?near=99084&radius=5",
    "/en/offers/?q=beratung&language=tr",
    "/api/offers?near=99084&radius=2",
    "/api/offers?page=2&page_size=5",
]


def test_a_visitor_gets_each_public_offer_page_from_the_cache_with_two_queries(
    client, offers, database_cache, django_assert_num_queries
):
    for url in PAGES:
        first = client.get(url)
        with django_assert_num_queries(2):  # the content version and the cache (the database cache here)
            again = client.get(url)
        assert again.status_code == 200 and again.content == first.content
        assert again["Content-Type"] == first["Content-Type"]
    offer = Offer.objects.first()
    client.get(offer.get_absolute_url())
    with django_assert_num_queries(2):
        assert client.get(offer.get_absolute_url()).status_code == 200


def test_a_changed_offer_shows_at_once_on_the_list_the_detail_and_in_the_api(client, offers):
    offer = Offer.objects.get(titles__de="Migrationsberatung für Erwachsene")
    pages = ["/de/offers/", offer.get_absolute_url().replace("/en/", "/de/"), "/api/offers?language=de&page_size=200"]
    for url in pages:
        assert "Migrationsberatung für Erwachsene" in client.get(url).text
    offer.titles = {"de": "Migrationsberatung für Erwachsene und Familien"}
    offer.save()
    for url in pages:
        assert "Migrationsberatung für Erwachsene und Familien" in client.get(url).text


def test_a_renamed_organisation_shows_at_once_on_its_offers(client, offers):
    offer = Offer.objects.select_related("organisation").first()
    assert offer.organisation.name in client.get(offer.get_absolute_url()).text
    organisation = offer.organisation
    organisation.name = "Renamed provider"
    organisation.save()
    assert "Renamed provider" in client.get(offer.get_absolute_url()).text


def test_a_confirmed_offer_is_no_longer_marked_possibly_out_of_date(client, offers):
    offer = Offer.objects.first()
    offer.confirmed = timezone.localdate() - datetime.timedelta(days=400)
    offer.save()
    assert "Possibly out of date" in client.get(offer.get_absolute_url()).text
    offer.confirm()  # the owner says it is current: one field updated, no signal
    assert "Possibly out of date" not in client.get(offer.get_absolute_url()).text


def test_a_signed_in_member_never_gets_the_visitors_page(client, offers, member):
    assert "My account" not in client.get("/en/offers/").text  # cached for visitors
    client.force_login(member)
    assert "My account" in client.get("/en/offers/").text
    visitor = Client()
    assert "My account" not in visitor.get("/en/offers/").text


def test_the_count_of_a_search_is_kept_until_an_offer_changes(client, offers, django_assert_max_num_queries):
    search, _ = OfferSearch.from_params({"q": "beratung"})
    count = search.count()
    with django_assert_max_num_queries(1):  # the content version only
        assert search.count() == count
    Offer.objects.create(
        organisation=Organisation.objects.first(),
        category=Offer.objects.first().category,
        titles={"de": "Neue Beratung"},
    )
    assert search.count() == count + 1


def test_the_near_search_measures_in_the_database_and_reads_only_the_page(offers, django_assert_max_num_queries):
    centre = Place.objects.get(postcode="99084")
    search, _ = OfferSearch.from_params({"near": "99084", "radius": "25"})
    everything = search.rows()
    assert everything and all(d <= 25 for _pk, d in everything)
    assert [d for _pk, d in everything] == sorted(d for _pk, d in everything)
    by_pk = {o.pk: o for o in Offer.objects.filter(pk__in=[pk for pk, _d in everything])}
    for pk, d in everything:
        o = by_pk[pk]
        assert abs(d - haversine(centre.latitude, centre.longitude, o.latitude, o.longitude)) < 1e-6
    with django_assert_max_num_queries(1) as captured:
        page = search.rows(2, 4)
    assert page == everything[2:4]
    sql = captured.captured_queries[0]["sql"].upper()
    assert "LIMIT 2" in sql and "ASIN" in sql and "OFFSET 2" in sql


def test_an_unknown_place_counts_no_offers_even_when_the_count_of_all_is_kept(client, offers):
    from erasmi.offers.search import OfferSearch

    everything, _problems = OfferSearch.from_params({})
    assert everything.count() > 0
    unknown, _problems = OfferSearch.from_params({"near": "Nirgendwo"})
    assert unknown.place_unknown and unknown.count() == 0
