from django.urls import reverse

from erasmi.compendium.models import Practice
from erasmi.compendium.tests.factories import make_practice


def list_url(language="en"):
    from django.utils import translation

    with translation.override(language):
        return reverse("compendium:list")


def test_visitor_sees_published_practices_only(client, erfurt):
    make_practice("Hidden Draft Network", status=Practice.Status.SUBMITTED)
    response = client.get(list_url())
    assert response.status_code == 200
    assert "Netzwerk für Integration der Landeshauptstadt Erfurt" in response.text
    assert "Hidden Draft Network" not in response.text


def test_search_finds_a_german_word_in_another_form(client, erfurt):
    response = client.get(list_url(), {"q": "Arbeitsgruppe"})  # the profile says "Arbeitsgruppen"
    assert response.context["page"].paginator.count == 1


def test_search_finds_a_turkish_word_in_another_form(client, erfurt):
    response = client.get(list_url(), {"q": "toplantı"})  # the Turkish version says "toplantıları"
    assert response.context["page"].paginator.count == 1


def test_search_without_a_match_says_so(client, erfurt):
    response = client.get(list_url(), {"q": "Unterwasserrugby"})
    assert response.context["page"].paginator.count == 0
    assert "No practice matches" in response.text


def test_facets_count_across_languages(client, erfurt):
    make_practice("Harbour Network", location="Cork / Munster / Ireland")
    make_practice("Rete Porto", language="it", location="Genova / Liguria / Italia", fields_of_action=["Abitazione"])
    response = client.get(list_url())
    countries = next(g for g in response.context["facets"] if g["param"] == "country")
    counts = {o["value"]: o["count"] for o in countries["options"]}
    assert counts == {"germany": 1, "ireland": 1, "italy": 1}
    fields = next(g for g in response.context["facets"] if g["param"] == "field")
    assert {o["value"]: o["count"] for o in fields["options"]}["housing"] == 2  # "Housing" and "Abitazione"


def test_filters_combine_and_counts_follow(client, erfurt):
    make_practice("Harbour Network")
    response = client.get(list_url(), {"country": "germany", "target": "volunteers"})
    assert [p.slug for p, _t in response.context["items"]] == [erfurt.slug]
    response = client.get(list_url(), {"country": "ireland", "target": "companies"})
    assert response.context["page"].paginator.count == 0


def test_unknown_filter_values_are_ignored_on_the_page(client, erfurt):
    response = client.get(list_url(), {"country": "atlantis", "sort": "sideways"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


def test_sorting_by_founding_year(client, erfurt):
    make_practice("Old Network", founding_year=1990)
    make_practice("Young Network", founding_year=2020)
    response = client.get(list_url(), {"sort": "-founded"})
    assert [p.founding_year for p, _t in response.context["items"]] == [2020, 2004, 1990]


def test_pagination_keeps_the_filters(client, db, settings):
    settings.ERASMI_PAGE_SIZE = 2
    for n in range(5):
        make_practice(f"Network {n}")
    response = client.get(list_url(), {"country": "ireland", "page": 2})
    assert response.context["page"].number == 2
    assert "country=ireland&amp;page=3" in response.text


def test_htmx_request_gets_only_the_results(client, erfurt):
    response = client.get(list_url(), {"q": "Erfurt"}, headers={"HX-Request": "true"})
    assert response.text.startswith('<div id="results"')
    assert "<html" not in response.text


def test_the_number_of_queries_does_not_grow_with_the_page(client, db, settings, django_assert_max_num_queries):
    settings.ERASMI_PAGE_SIZE = 20
    for n in range(3):
        make_practice(f"Small {n}")
    with django_assert_max_num_queries(20) as small:
        client.get(list_url())
    for n in range(30):
        make_practice(f"Large {n}", fields_of_action=["Housing", "Health"], target_groups=["Volunteers", "NGOs"])
    with django_assert_max_num_queries(20) as large:
        client.get(list_url())
    assert len(large.captured_queries) == len(small.captured_queries)


def test_sorting_by_name_uses_the_name_shown_in_each_language(client, db):
    from erasmi.compendium import services

    zebra = make_practice("Zebra Netzwerk", language="de", location="Jena / Thüringen / Deutschland")
    services.save_version({"name": "Alpha network"}, "en", practice=zebra)
    make_practice("Mango Network")
    names = [t.name for _p, t in client.get(list_url("en"), {"sort": "name"}).context["items"]]
    assert names == ["Alpha network", "Mango Network"]
    names = [t.name for _p, t in client.get(list_url("de"), {"sort": "name"}).context["items"]]
    assert names == ["Mango Network", "Zebra Netzwerk"]


def test_the_facet_index_follows_every_change(client, erfurt, editor):
    assert client.get(list_url(), {"q": "Erfurt"}).context["page"].paginator.count == 1
    from erasmi.compendium import services

    services.review(erfurt, "unpublish", reviewer=editor)
    assert client.get(list_url(), {"q": "Erfurt"}).context["page"].paginator.count == 0
    services.review(erfurt, "publish", reviewer=editor)
    erfurt.target_groups.clear()
    response = client.get(list_url(), {"target": "volunteers"})
    assert response.context["page"].paginator.count == 0


def test_a_page_from_the_warm_index_needs_few_queries(client, erfurt, django_assert_max_num_queries):
    client.get(list_url())
    with django_assert_max_num_queries(4):
        client.get(list_url(), {"q": "Netzwerk", "country": "germany"})


def test_a_deleted_practice_leaves_nothing_in_the_search_index(erfurt):
    from erasmi.compendium.models import PracticeTranslation
    from erasmi.core import search

    assert len(search.matching_ids(PracticeTranslation, "Erfurt")) == 2
    erfurt.delete()
    assert search.matching_ids(PracticeTranslation, "Erfurt") == []
