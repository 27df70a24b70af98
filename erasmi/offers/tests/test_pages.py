import csv
import io
import json

import pytest
from django.urls import reverse

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.networks.models import Person, Role
from erasmi.offers.models import Offer


def titles(response):
    return [o.title("de") for o in response.context["page"].object_list]


def test_visitor_finds_turkish_counselling_near_a_postcode(client, offers):
    response = client.get(
        reverse("offers:list"), {"near": "99084", "radius": "2", "language": "tr", "category": "counselling"}
    )
    assert titles(response) == [
        "Migrationsberatung für Erwachsene",
        "Migrationsberatung am Abend",
        "Beratung für Familien",
    ]
    distances = [o.distance for o in response.context["page"].object_list]
    assert distances == sorted(distances) and distances[-1] <= 2
    # Weimar has Turkish counselling too, but 20 km away.
    wider = client.get(
        reverse("offers:list"), {"near": "99084", "radius": "25", "language": "tr", "category": "counselling"}
    )
    assert "Beratung in Weimar" in titles(wider)


def test_open_on_a_day_and_text_search(client, offers):
    friday = client.get(reverse("offers:list"), {"day": "2027-03-05"})  # a Friday
    assert titles(friday) == ["Frauen-Sprachcafé"]
    assert titles(client.get(reverse("offers:list"), {"q": "bewerbung"})) == ["Bewerbungstraining"]


def test_unknown_place_and_bad_values_are_explained(client, offers):
    response = client.get(reverse("offers:list"), {"near": "Atlantis", "radius": "7", "day": "31.02.2027"})
    problems = response.context["problems"]
    assert "The place 'Atlantis' is not known; try a postcode." in problems
    assert "The radius must be one of 1, 2, 5, 10, 25, 50 km." in problems
    assert "'31.02.2027' is not a date such as 2027-03-31." in problems


def test_the_list_carries_the_map_data_and_works_without_tiles(client, offers):
    response = client.get(reverse("offers:list"), {"near": "99084", "radius": "5"})
    features = response.context["map"]["features"]
    assert len(features) == len(response.context["page"].object_list)  # every offer on the page has a pin
    assert 'id="map-data"' in response.text
    assert "vendor/leaflet-1.9/leaflet.js" in response.text  # served by the platform, no CDN


def test_exports_with_the_same_filters(client, offers):
    params = {"category": "language-course"}
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("offers:export", args=["csv"]), params).content.decode()))
    )
    assert sorted(r["Title"] for r in rows) == [
        "German B1 in the evening",
        "Integration course A1",
        "Women's language café",
    ]
    geo = json.loads(client.get(reverse("offers:export", args=["geojson"]), params).content)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 50 < lat < 52 and 10 < lon < 12


def test_only_the_owning_organisation_and_coordinators_change_an_offer(
    client, member, other_member, coordinator, offers
):
    offer = Offer.objects.get(titles__de="Integrationskurs A1")
    url = reverse("offers:edit", args=[offer.pk])
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    client.force_login(member)  # in the network, but not of the owning organisation
    assert client.get(url).status_code == 404
    person = Person.for_user(member)
    person.organisation = offer.organisation
    person.save()
    assert client.get(url).status_code == 200
    client.force_login(coordinator)
    assert Role.objects.get(person__user=coordinator).kind == "coordinator"
    assert client.get(url).status_code == 200


def test_a_member_updates_the_offer_and_bad_values_are_refused(client, member, offers):
    offer = Offer.objects.get(titles__de="Integrationskurs A1")
    person = Person.for_user(member)
    person.organisation = offer.organisation
    person.save()
    client.force_login(member)
    url = reverse("offers:edit", args=[offer.pk])
    data = {
        "title": "Integrationskurs A1 (neu)",
        "category": offer.category_id,
        "target_groups": [],
        "latitude": "95",
        "longitude": "11.03",
        "day0": "0",
        "start0": "12:00",
        "end0": "10:00",
        "starts": "2027-05-01",
        "ends": "2027-04-01",
        "still_current": "on",
    }
    response = client.post(url.replace("/en/", "/de/"), data)
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert "latitude" in errors and "end0" in errors and "ends" in errors
    offer.refresh_from_db()
    assert offer.title("de") == "Integrationskurs A1"
    data.update(latitude="50.99", end0="13:00", ends="2027-12-31")
    response = client.post(url.replace("/en/", "/de/"), data)
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title("de") == "Integrationskurs A1 (neu)"
    assert offer.schedule == [{"weekday": 0, "start": "12:00", "end": "13:00"}]


def test_coordination_report_shows_the_demo_overlap_and_gaps(client, member, offers, other_member):
    client.force_login(member)
    response = client.get(reverse("offers:report", args=["erfurt"]))
    overlaps = [[o.title("de") for o in g["offers"]] for g in response.context["overlaps"]]
    assert ["Migrationsberatung für Erwachsene", "Migrationsberatung am Abend"] in overlaps
    assert [o.title("de") for o in response.context["unlocated"]] == []
    report = client.get(reverse("offers:report", args=["erfurt"]), {"format": "csv"})
    assert report["Content-Type"].startswith("text/csv")
    assert "Overlaps,Migration counselling" in report.content.decode("utf-8-sig")
    client.force_login(other_member)
    assert client.get(reverse("offers:report", args=["erfurt"])).status_code == 404


def test_coordination_report_as_pdf(client, member, offers):
    from pypdf import PdfReader

    client.force_login(member)
    response = client.get(reverse("offers:report", args=["erfurt"]), {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Coordination report: Network erfurt" in text
    assert "Evening migration counselling" in text  # the offers' English titles
    assert "No offer in" in text


def test_a_page_of_offers_loads_only_that_page(client, offers, django_assert_max_num_queries, settings):
    from erasmi.offers.models import Offer

    template = Offer.objects.first()
    for n in range(60):
        template.pk = None
        template.titles = {"de": f"Kopie {n:02d}"}
        template.save()
    client.get(reverse("offers:list"))  # the languages offers are given in and the count are read once, then cached
    with django_assert_max_num_queries(6) as captured:
        response = client.get(reverse("offers:list"), {"page": 2})
    assert len(response.context["page"].object_list) == 20
    assert all(
        "LIMIT" in q["sql"]
        or "COUNT" in q["sql"]
        or "IN (" in q["sql"]
        or "offers_category" in q["sql"]
        or "offers_targetgroup" in q["sql"]
        or "core_contentversion" in q["sql"]
        for q in captured.captured_queries
    )


@pytest.mark.parametrize("language", ["de", "tr", "it", "da"])
def test_the_report_distance_keeps_a_dot_decimal_in_every_language(client, member, offers, language):
    from django.utils import translation

    client.force_login(member)
    with translation.override(language):
        url = reverse("offers:report", args=["erfurt"])
    page = client.get(url, {"distance": "2.5"}).text
    assert 'value="2.5"' in page and "distance=2.5&amp;format=pdf" in page
    assert "2,5" not in page.split("<h2")[0]


def test_the_offer_form_speaks_german_and_sorts_categories_by_their_german_names(client, coordinator, offers):
    from django.utils import translation

    offer = Offer.objects.filter(network=offers).first()
    client.force_login(coordinator)
    with translation.override("de"):
        page = client.get(reverse("offers:edit", args=[offer.pk]))
    assert '<label for="id_category">Kategorie *' in page.text and "<legend>Zielgruppen</legend>" in page.text
    names = [label for value, label in page.context["form"].fields["category"].choices if value]
    assert names == sorted(names, key=str.casefold)


def test_the_same_weekly_time_twice_is_refused(client, coordinator, offers):
    from erasmi.core.tests.formdata import as_browser_sends

    offer = Offer.objects.filter(network=offers, online=False).first()
    client.force_login(coordinator)
    edit = reverse("offers:edit", args=[offer.pk])
    data = as_browser_sends(client.get(edit).context["form"])
    twice = {"day0": "4", "start0": "17:00", "end0": "19:00", "day1": "4", "start1": "17:00", "end1": "19:00"}
    response = client.post(edit, {**data, **twice})
    assert response.status_code == 400 and "This time is given twice." in response.text


def test_offer_languages_are_chosen_by_name_and_every_offered_language_can_be_searched(client, coordinator, offers):
    from django.utils import translation

    from erasmi.core.tests.formdata import as_browser_sends

    offer = Offer.objects.filter(network=offers).first()
    client.force_login(coordinator)
    with translation.override("de"):
        edit = reverse("offers:edit", args=[offer.pk])
        listing = reverse("offers:list")
    form = client.get(edit).context["form"]
    choices = dict(form.fields["spoken"].choices)
    assert choices["ar"] == "Arabisch" and choices["fa"] == "Persisch" and choices["prs"] == "Dari"
    data = as_browser_sends(form)
    assert client.post(edit, {**data, "spoken": ["ar", "uk", "prs"]}).status_code == 302
    assert Offer.objects.get(pk=offer.pk).languages == ["ar", "uk", "prs"]
    page = client.get(listing)
    offered = dict(page.context["languages"])
    assert offered["uk"] == "Ukrainisch" and offered["prs"] == "Dari"
    assert [o.pk for o in client.get(listing, {"language": "prs"}).context["page"].object_list] == [offer.pk]
    assert "Ukrainisch" in client.get(reverse("offers:detail", args=[offer.pk]).replace("/en/", "/de/")).text


def test_a_search_for_a_categorys_name_finds_its_offers(client, offers):
    from erasmi.offers.models import Category

    treff = Offer.objects.create(
        organisation=offers.memberships.first().organisation,
        network=offers,
        titles={"de": "Treffpunkt am Anger"},
        category=Category.objects.get(slug="language-course-a1"),
        online=True,
    )
    for words in ("Sprachkurs", "dil kursu", "corso di lingua"):  # the category's (and its parent's) names
        found = [o.pk for o in client.get(reverse("offers:list"), {"q": words}).context["page"].object_list]
        assert treff.pk in found, words


def test_without_a_map_an_offer_finds_its_place_from_the_postcode(client, coordinator, offers):
    from erasmi.offers.models import Category, Place

    place = Place.objects.get_or_create(
        postcode="99084", defaults={"name": "Erfurt", "latitude": 50.98, "longitude": 11.03}
    )[0]
    person = Person.for_user(coordinator)
    person.organisation = offers.memberships.first().organisation
    person.save()
    client.force_login(coordinator)
    form = client.get(reverse("offers:create"))
    assert 'id="pick-map"' not in form.text  # no tile server: no map to click blindly
    data = {"title": "Sprachcafé", "category": Category.objects.get(slug="counselling").pk, "postcode": "99084"}
    data["city"] = "Erfurt"
    response = client.post(reverse("offers:create"), {**as_browser_sends(form.context["form"]), **data})
    assert response.status_code == 302
    offer = Offer.objects.latest("pk")
    assert (offer.latitude, offer.longitude) == (place.latitude, place.longitude)
    unknown = {**as_browser_sends(form.context["form"]), **data, "postcode": "00000", "city": "Nirgendwo"}
    assert client.post(reverse("offers:create"), unknown).status_code == 400


def test_a_language_typed_as_a_word_finds_the_offers_given_in_it(client, offers):
    offer = Offer.objects.filter(network=offers).first()
    offer.languages = ["ar", "uk"]
    offer.save()
    for words in ("Arabisch", "arapça", "Ukrainian", "ucraino"):
        found = [o.pk for o in client.get(reverse("offers:list"), {"q": words}).context["page"].object_list]
        assert offer.pk in found, words


def test_an_offers_page_shows_its_description_and_whom_to_contact_for_registration(client, offers):
    offer = Offer.objects.get(titles__de="Integrationskurs A1")
    offer.descriptions = {"de": "Vormittags, mit Kinderbetreuung."}
    offer.registration_needed, offer.contact = True, "kurs@vhs-erfurt.example, 0361 123456"
    offer.save()
    url = offer.get_absolute_url()
    page = client.get(url.replace("/en/", "/de/"))
    assert "<p>Vormittags, mit Kinderbetreuung.</p>" in page.text
    assert "kurs@vhs-erfurt.example" in page.text and "0361 123456" in page.text
    # Read in English, the only description there is is shown (with the title in the same language).
    assert "Vormittags, mit Kinderbetreuung." in client.get(url).text
    offer.contact = ""
    offer.save()
    assert f"Please ask {offer.organisation.name}." in client.get(url).text


def test_an_unknown_place_says_so_and_lists_no_offer(client, offers):
    response = client.get(reverse("offers:list"), {"near": "Atlantis"})
    assert response.context["page"].paginator.count == 0
    assert "The place &#x27;Atlantis&#x27; is not known; try a postcode." in response.text
    assert "No offers are listed: the place is not known." in response.text
    exported = client.get(reverse("offers:export", args=["csv"]), {"near": "Atlantis"}).content.decode()
    assert len(list(csv.reader(io.StringIO(exported)))) == 1  # the header alone, not every offer
    geo = json.loads(client.get(reverse("offers:export", args=["geojson"]), {"near": "Atlantis"}).content)
    assert geo["features"] == []


def test_the_download_links_carry_the_current_search_and_filters(client, offers):
    response = client.get(reverse("offers:list"), {"category": "language-course", "near": "99084", "page": "1"})
    query = "category=language-course&amp;near=99084"
    assert f'{reverse("offers:export", args=["csv"])}?{query}"' in response.text
    assert f'{reverse("offers:export", args=["geojson"])}?{query}"' in response.text


def test_the_add_offer_link_is_shown_only_to_people_who_can_add_an_offer(client, member, coordinator, offers):
    add = reverse("offers:create")
    assert add not in client.get(reverse("offers:list")).text  # a visitor
    client.force_login(member)  # in the network, but of no organisation
    assert add not in client.get(reverse("offers:list")).text
    assert client.get(add).status_code == 302
    person = Person.for_user(member)
    person.organisation = offers.memberships.get(organisation__name="Former Ltd").organisation
    person.save()  # of an organisation that has left the network
    assert add not in client.get(reverse("offers:list")).text
    person.organisation = offers.memberships.get(organisation__name="Caritas").organisation
    person.save()
    assert add in client.get(reverse("offers:list")).text
    assert client.get(add).status_code == 200
    client.force_login(coordinator)  # a coordinator of no organisation
    assert Person.for_user(coordinator).organisation is None
    assert add in client.get(reverse("offers:list")).text


def test_a_coordinator_chooses_the_member_organisation_of_an_offer_they_add(client, coordinator, offers):
    from erasmi.offers.models import Category

    client.force_login(coordinator)
    form = client.get(reverse("offers:create"))
    choices = [label for value, label in form.context["form"].fields["membership"].choices if value]
    assert "Caritas" in choices and "VHS" in choices
    assert "Former Ltd" not in choices  # not a member any more
    data = {
        **as_browser_sends(form.context["form"]),
        "title": "Nähcafé",
        "category": Category.objects.get(slug="counselling").pk,
        "postcode": "99084",
    }
    refused = client.post(reverse("offers:create"), data)
    assert refused.status_code == 400 and "membership" in refused.context["form"].errors
    caritas = offers.memberships.get(organisation__name="Caritas")
    response = client.post(reverse("offers:create"), {**data, "membership": str(caritas.pk)})
    assert response.status_code == 302
    offer = Offer.objects.get(titles__en="Nähcafé")
    assert (offer.organisation.name, offer.network) == ("Caritas", offers)
