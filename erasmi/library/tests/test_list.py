from erasmi.library.models import Licence, Resource
from erasmi.library.tests.factories import make_resource


def _titles(response) -> list[str]:
    return [t.title for _r, t in response.context["items"]]


def _facet(response, param) -> dict:
    group = next((g for g in response.context["facets"] if g["param"] == param), {"options": []})
    return {o["value"]: o["count"] for o in group["options"]}


def test_published_resources_are_listed_and_submitted_ones_are_not(client, db):
    make_resource("Network café guide")
    make_resource("Draft charter", status=Resource.Status.SUBMITTED)

    response = client.get("/en/library/")

    assert _titles(response) == ["Network café guide"]


def test_search_finds_a_german_description_with_a_german_word_form(client, db):
    make_resource("Arbeitsgruppen gründen", language="de", description="Wie Arbeitsgruppen Ziele vereinbaren.")
    make_resource("Info mail template", description="A monthly info mail.")

    response = client.get("/en/library/", {"q": "Arbeitsgruppe"})

    assert _titles(response) == ["Arbeitsgruppen gründen"]


def test_facets_filter_by_licence_language_type_country_and_tag(client, db):
    make_resource("A", licence=Licence.CC_BY, spoken=("de",), kind=Resource.Kind.METHOD, country="DE", tags="café")
    make_resource("B", licence=Licence.CC0, spoken=("tr", "de"), kind=Resource.Kind.TOOL, country="TR")
    make_resource("C", licence=Licence.CC0, spoken=("it",), kind=Resource.Kind.TOOL, country="IT", tags="café")

    assert _titles(client.get("/en/library/", {"licence": "CC0-1.0", "language": "de"})) == ["B"]
    assert sorted(_titles(client.get("/en/library/", {"kind": "tool"}))) == ["B", "C"]
    assert _titles(client.get("/en/library/", {"country": "IT"})) == ["C"]
    assert sorted(_titles(client.get("/en/library/", {"tag": "cafe"}))) == ["A", "C"]
    counts = client.get("/en/library/", {"licence": "CC0-1.0"})
    assert _facet(counts, "language") == {"de": 1, "tr": 1, "it": 1}
    assert _facet(counts, "licence") == {"CC0-1.0": 2}


def test_facet_labels_are_in_the_readers_language(client, db):
    make_resource("A", spoken=("tr",), country="TR", kind=Resource.Kind.TEACHING_MATERIAL)

    page = client.get("/de/library/").content.decode()

    assert "Türkisch" in page
    assert "Türkei" in page


def test_unknown_filter_values_are_ignored_on_the_page(client, db):
    make_resource("A")

    response = client.get("/en/library/", {"licence": "nonsense", "country": "XX", "sort": "?"})

    assert response.status_code == 200
    assert _titles(response) == ["A"]


def test_sorting_by_title_follows_the_readers_alphabet(client, db):
    for title in ("Zukunft", "Ärger", "Anfang"):
        make_resource(title, language="de")

    assert _titles(client.get("/de/library/", {"sort": "title"})) == ["Anfang", "Ärger", "Zukunft"]


def test_the_list_makes_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    for n in range(3):
        make_resource(f"Resource {n}", tags="a, b")
    client.get("/en/library/")
    # the tags of the visible resources, their facet values, the page: resources, versions, tags
    with django_assert_num_queries(5):
        client.get("/en/library/")
    for n in range(3, 12):
        make_resource(f"Resource {n}", tags="a, c", translations={"de": (f"Ressource {n}", "")})
    with django_assert_num_queries(5):
        client.get("/en/library/")
