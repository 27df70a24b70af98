from erasmi.library.models import Licence, Resource
from erasmi.library.tests.factories import make_resource


def test_the_api_lists_resources_with_the_filters_of_the_page(client, db):
    make_resource("Guide", licence=Licence.CC0, spoken=("tr",), country="TR", kind=Resource.Kind.TOOL, tags="café")
    make_resource("Charter", licence=Licence.CC_BY, spoken=("de",), country="DE")

    by_licence = client.get("/api/resources", {"licence": "CC0-1.0"}).json()
    by_language = client.get("/api/resources", {"language": "de"}).json()
    by_tag = client.get("/api/resources", {"tag": "cafe", "kind": "tool", "country": "TR"}).json()
    by_text = client.get("/api/resources", {"q": "charter"}).json()

    assert [r["title"] for r in by_licence["results"]] == ["Guide"]
    assert by_licence["results"][0]["licence_url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert [r["title"] for r in by_language["results"]] == ["Charter"]
    assert [r["title"] for r in by_tag["results"]] == ["Guide"]
    assert [r["title"] for r in by_text["results"]] == ["Charter"]


def test_unknown_filter_values_are_refused_with_the_reason(client, db):
    response = client.get("/api/resources", {"licence": "GPL"})
    country = client.get("/api/resources", {"country": "XX"})

    assert response.status_code == 400
    assert country.status_code == 400
    assert "XX" in country.json()["detail"]


def test_one_resource_is_a_learning_resource(client, db):
    resource = make_resource("Guide")

    data = client.get(f"/api/resources/{resource.slug}").json()

    assert data["@type"] == "LearningResource"
    assert data["name"] == "Guide"


def test_the_api_list_makes_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    for n in range(4):
        make_resource(f"R{n}", tags="a")
    with django_assert_num_queries(5):
        client.get("/api/resources")
