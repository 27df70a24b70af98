from erasmi.compendium.models import Practice
from erasmi.compendium.tests.factories import make_practice


def test_list_with_search_and_filters(client, erfurt):
    make_practice("Harbour Network")
    response = client.get("/api/practices", {"q": "Arbeitsgruppe", "country": "germany", "language": "tr"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    assert data["results"][0]["slug"] == erfurt.slug
    assert data["results"][0]["language"] == "tr"
    assert data["results"][0]["languages"] == ["de", "tr"]


def test_list_pages(client, db):
    for n in range(5):
        make_practice(f"Network {n}")
    data = client.get("/api/practices", {"page_size": 2, "page": 3}).json()
    assert data["count"] == 5
    assert len(data["results"]) == 1


def test_detail_has_all_languages(client, erfurt):
    data = client.get(f"/api/practices/{erfurt.slug}").json()
    assert set(data["translations"]) == {"de", "tr"}
    assert data["translations"]["tr"]["network_type"] == "Devlet entegrasyon ağı"


def test_unpublished_practice_is_not_found(client, db):
    practice = make_practice("Hidden", status=Practice.Status.SUBMITTED)
    assert client.get(f"/api/practices/{practice.slug}").status_code == 404


def test_bad_parameters_get_400_with_a_clear_message(client, db):
    cases = [
        ({"country": "atlantis"}, "Unknown value 'atlantis' for the filter 'country'."),
        ({"page": "x"}, "page: Input should be a valid integer"),
        ({"page_size": "1000"}, "page_size: Input should be less than or equal to 100"),
        ({"sort": "sideways"}, "sort: Input should be 'name', 'newest', 'founded' or '-founded'"),
        ({"language": "xx"}, "language: Input should be 'de', 'en', 'tr', 'it' or 'da'"),
        ({"decade": "199"}, "decade: String should match pattern '^[0-9]{3}0$'"),
        ({"size": "huge"}, "size: Input should be 'small', 'medium', 'large' or 'very_large'"),
        ({"q": "x" * 300}, "q: String should have at most 200 characters"),
    ]
    for params, message in cases:
        response = client.get("/api/practices", params)
        assert response.status_code == 400, params
        assert message in response.json()["detail"], params


def test_openapi_schema_describes_the_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/practices" in schema["paths"]
    assert "/api/practices/{slug}" in schema["paths"]
    names = {p["name"] for p in schema["paths"]["/api/practices"]["get"]["parameters"]}
    assert {"q", "country", "target", "page"} <= names


def test_list_query_count_does_not_grow_with_page_size(client, db, django_assert_max_num_queries):
    for n in range(25):
        make_practice(f"Network {n}")
    client.get("/api/practices")  # builds the facet index once
    with django_assert_max_num_queries(4) as few:
        client.get("/api/practices", {"page_size": 2})
    with django_assert_max_num_queries(4) as many:
        client.get("/api/practices", {"page_size": 25})
    assert len(few.captured_queries) == len(many.captured_queries)


def test_odd_input_never_breaks_the_api_or_the_page(client, erfurt):
    odd = ["'; DROP TABLE x; --", '"unbalanced', "AND OR NOT", "*", "()", "ع", "🙂", "a" * 200, "NEAR(a b)"]
    for text in odd:
        assert client.get("/api/practices", {"q": text}).status_code in (200, 400), text
        assert client.get("/en/compendium/", {"q": text}).status_code == 200, text
    assert client.get("/en/compendium/", {"q": "a\x00b"}).status_code == 400  # one rule for NUL bytes
    assert client.get("/api/practices", {"page": "0"}).status_code == 400
    assert client.get("/api/practices", {"page_size": "-1"}).status_code == 400
    assert client.get("/en/compendium/", {"page": "-3"}).status_code == 200
