import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from erasmi.offers import gazetteer
from erasmi.offers.models import Place

ROWS = [
    {"postal_code": "50667", "city": "Köln", "state": "Nordrhein-Westfalen", "latitude": 50.94, "longitude": 6.95},
    {"postal_code": "50668", "city": "Köln", "state": "Nordrhein-Westfalen", "latitude": 50.95, "longitude": 6.96},
    {"postal_code": "35279", "city": "Neustadt", "state": "Hessen", "latitude": 50.85, "longitude": 9.12},
    {"postal_code": "01844", "city": "Neustadt", "state": "Sachsen", "latitude": 51.02, "longitude": 14.21},
    {"postal_code": "99084", "city": "Erfurt", "state": "Thüringen", "latitude": 50.97, "longitude": 11.03},
]


def test_a_town_is_found_whatever_its_spelling(db):
    gazetteer.load("DE", ROWS)
    for typed in ("Köln", "Koeln", "koln", "KÖLN", " köln "):
        town = gazetteer.find(typed).town
        assert (town.name, round(town.latitude, 3)) == ("Köln", 50.945), typed


def test_two_towns_of_one_name_are_offered_as_a_choice(db):
    gazetteer.load("DE", ROWS)
    found = gazetteer.find("Neustadt")
    assert found.town is None
    assert [town.label for town in found.choices] == ["Neustadt (Hessen)", "Neustadt (Sachsen)"]
    chosen = gazetteer.find("Neustadt (Sachsen)").town
    assert (chosen.region, chosen.latitude) == ("Sachsen", 51.02)


def test_loading_a_country_again_replaces_its_places_and_keeps_the_admins(db):
    Place.objects.create(postcode="99999", name="Testdorf", latitude=50, longitude=10)
    assert gazetteer.load("DE", ROWS) == 5
    assert gazetteer.load("DE", ROWS[:2]) == 2
    assert sorted(Place.objects.values_list("name", flat=True)) == ["Köln", "Köln", "Testdorf"]
    assert gazetteer.find("testdorf").town.name == "Testdorf"


def test_a_place_the_gazetteer_lacks_is_found_at_its_offers_addresses(offers):
    Place.objects.all().delete()
    town = gazetteer.find("Erfurt").town
    assert town is not None and 50.9 < town.latitude < 51.1
    assert gazetteer.find("Nirgendwo").town is None


def test_a_countrys_name_in_any_interface_language_gives_its_code():
    names = ["Deutschland", "Almanya", "Germania", "Tyskland", "Germany", "DE"]
    assert {gazetteer.country_code(name) for name in names} == {"DE"}
    assert gazetteer.country_code("Danimarka") == "DK" and gazetteer.country_code("Atlantis") is None


def test_load_places_loads_the_real_towns_and_postcodes_of_the_networks_country(erfurt_network, capsys):
    erfurt_network.country = "Deutschland"
    erfurt_network.save()
    call_command("load_places")
    assert Place.objects.filter(country="DE").count() > 20000
    assert gazetteer.find("Weimar").town.region == "Thüringen"
    assert gazetteer.find("99423").town.name == "Weimar"
    assert len(gazetteer.find("Neustadt").choices) > 5
    call_command("load_places", if_missing=True)
    assert "loaded already" in capsys.readouterr().out


@pytest.mark.parametrize("language", ["de", "tr"])
def test_an_unknown_place_says_so_and_lists_nothing(client, offers, language):
    with translation.override(language):
        response = client.get(reverse("offers:list"), {"near": "Nirgendwo"})
    assert response.context["page"].paginator.count == 0
    expected = {"de": "nicht bekannt", "tr": "bilinmiyor"}[language]
    assert expected in response.text


def test_a_visitor_chooses_which_neustadt_and_then_sees_the_offers_near_it(client, offers):
    gazetteer.load("DE", ROWS)
    response = client.get(reverse("offers:list"), {"near": "Neustadt", "radius": "5"})
    assert response.context["page"].paginator.count == 0
    assert "Neustadt (Hessen)" in response.text and "near=Neustadt+%28Hessen%29" in response.text
    assert "is not known" not in response.text


def test_a_visitor_finds_offers_near_a_town_by_its_name(client, offers):
    gazetteer.load("DE", ROWS)
    response = client.get(reverse("offers:list"), {"near": "erfurt", "radius": "2", "language": "tr"})
    titles = [o.title("de") for o in response.context["page"].object_list]
    assert "Migrationsberatung für Erwachsene" in titles and "Beratung in Weimar" not in titles


def test_the_api_names_the_places_a_name_may_mean(client, offers):
    gazetteer.load("DE", ROWS)
    response = client.get("/api/offers", {"near": "Neustadt"})
    assert response.status_code == 400
    assert "Neustadt (Hessen); Neustadt (Sachsen)" in response.json()["detail"]
    assert client.get("/api/offers", {"near": "Neustadt (Hessen)"}).status_code == 200


def test_loading_places_renews_the_cached_pages_of_a_search_near_a_town(db):
    from erasmi.core.models import ContentVersion
    from erasmi.offers import gazetteer
    from erasmi.offers.models import VERSION_KEY

    before = ContentVersion.current(VERSION_KEY)
    rows = [{"postal_code": "99084", "city": "Erfurt", "state": "Thüringen", "latitude": 50.98, "longitude": 11.03}]
    gazetteer.load("DE", rows)
    assert ContentVersion.current(VERSION_KEY) != before
