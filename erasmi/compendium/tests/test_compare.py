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


def test_one_practice_is_explained_on_the_list_where_it_stays_chosen(client, erfurt):
    other = make_practice("Harbour Network")
    response = client.get(reverse("compendium:compare"), {"p": [erfurt.slug]}, follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('compendium:list')}?p={erfurt.slug}"
    assert "Tick at least two practices to compare them side by side." in response.text
    assert "is chosen. Tick at least one more practice" in response.text
    assert f'id="cmp-{erfurt.slug}" checked' in response.text
    assert f'id="cmp-{other.slug}"' in response.text


def test_a_chosen_practice_stays_chosen_when_a_filter_hides_it(client, erfurt):
    other = make_practice("Harbour Network", location="Cork / Munster / Ireland")
    response = client.get(reverse("compendium:list"), {"p": erfurt.slug, "q": "Harbour"})
    assert [p.slug for p, _t in response.context["items"]] == [other.slug]
    assert f'id="chosen-{erfurt.slug}" checked' in response.text  # still in the comparison form


def test_five_practices_are_too_many(client, db):
    slugs = [make_practice(f"Network {n}").slug for n in range(5)]
    assert client.get(reverse("compendium:compare"), {"p": slugs}).status_code == 400


def test_unpublished_practices_cannot_be_compared(client, erfurt):
    hidden = make_practice("Hidden", status=Practice.Status.SUBMITTED)
    response = client.get(reverse("compendium:compare"), {"p": [erfurt.slug, hidden.slug]})
    assert response.status_code == 400
    assert "Hidden" not in response.text
