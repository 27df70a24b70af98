"""Characters that Python calls digits but int() cannot read ("²", "①") in a parameter are a 4xx or ignored."""

import pytest

ODD_DIGITS = ["²", "①", "²²²0", "٣"]


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_an_odd_digit_as_the_offers_radius_is_not_a_server_error(client, db, value):
    client.raise_request_exception = False
    for path in ("/en/offers/", "/en/offers/export.csv"):
        response = client.get(path, {"near": "Erfurt", "radius": value})
        assert response.status_code < 500, (path, value)


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_an_odd_digit_as_the_compendiums_decade_is_not_a_server_error(client, db, value):
    client.raise_request_exception = False
    for path in ("/en/compendium/", "/en/compendium/export.csv", "/api/practices"):
        response = client.get(path, {"decade": value})
        assert response.status_code < 500, (path, value)


def test_the_radius_and_decade_still_read_plain_digits(client, db):
    from erasmi.compendium.filters import PracticeFilter
    from erasmi.offers.search import OfferSearch

    assert OfferSearch.from_params({"radius": "10"})[0].radius == 10
    assert PracticeFilter.from_params(_params(decade=["1990"]), {}).decades == [1990]


def _params(**lists):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, values in lists.items():
        query.setlist(key, values)
    return query
