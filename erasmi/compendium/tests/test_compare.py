from django.urls import reverse

from erasmi.compendium.models import Practice
from erasmi.compendium.tests.factories import make_practice


def test_two_practices_side_by_side(client, erfurt):
    other = make_practice("Harbour Network", success_factors=["Trust between members"])
    response = client.get(reverse("compendium:compare"), {"p": [erfurt.slug, other.slug]})
    assert response.status_code == 200
    assert "Regelmäßiger Erfahrungsaustausch" in response.text
    assert "Trust between members" in response.text
    assert [p.slug for p, _t in response.context["columns"]] == [erfurt.slug, other.slug]


def test_one_practice_is_not_a_comparison(client, erfurt):
    response = client.get(reverse("compendium:compare"), {"p": [erfurt.slug]})
    assert response.status_code == 400
    assert "Choose two to four practices" in response.text


def test_five_practices_are_too_many(client, db):
    slugs = [make_practice(f"Network {n}").slug for n in range(5)]
    assert client.get(reverse("compendium:compare"), {"p": slugs}).status_code == 400


def test_unpublished_practices_cannot_be_compared(client, erfurt):
    hidden = make_practice("Hidden", status=Practice.Status.SUBMITTED)
    response = client.get(reverse("compendium:compare"), {"p": [erfurt.slug, hidden.slug]})
    assert response.status_code == 400
    assert "Hidden" not in response.text
