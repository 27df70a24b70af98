import pytest

from erasmi.offers import demo


@pytest.fixture
def offers(erfurt_network):
    demo.load(erfurt_network)


def test_api_near_search_with_distances(client, offers):
    data = client.get(
        "/api/offers", {"near": "99084", "radius": "2", "language": "tr", "category": "counselling"}
    ).json()
    assert data["count"] == 3
    assert [r["distance_km"] for r in data["results"]] == sorted(r["distance_km"] for r in data["results"])
    assert all("tr" in r["languages"] for r in data["results"])


def test_api_refuses_bad_parameters_with_400(client, offers):
    for params, message in [
        ({"near": "Atlantis"}, "The place 'Atlantis' is not known"),
        ({"radius": "7"}, "radius: Input should be 1, 2, 5, 10, 25 or 50"),
        ({"category": "juggling"}, "Unknown category 'juggling'"),
        ({"day": "tomorrow"}, "day: Input should be a valid date"),
        ({"page_size": "0"}, "page_size: Input should be greater than or equal to 1"),
    ]:
        response = client.get("/api/offers", params)
        assert response.status_code == 400, params
        assert message in response.json()["detail"], params


def test_openapi_describes_offers(client, db):
    schema = client.get("/api/openapi.json").json()
    assert {"near", "radius", "language"} <= {p["name"] for p in schema["paths"]["/api/offers"]["get"]["parameters"]}


def test_api_gives_an_offers_description_and_contact(client, offers):
    from erasmi.offers.models import Offer

    offer = Offer.objects.get(titles__de="Integrationskurs A1")
    offer.descriptions = {"de": "Vormittags, mit Kinderbetreuung."}
    offer.registration_needed, offer.contact = True, "kurs@vhs-erfurt.example"
    offer.save()
    found = next(r for r in client.get("/api/offers", {"q": "integrationskurs"}).json()["results"])
    assert found["description"] == "Vormittags, mit Kinderbetreuung."
    assert (found["registration_needed"], found["contact"]) == (True, "kurs@vhs-erfurt.example")
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["OfferOut"]
    assert {"description", "registration_needed", "contact"} <= set(schema["required"])
