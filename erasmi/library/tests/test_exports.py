import csv
import io
import json

from erasmi.library.models import Licence
from erasmi.library.tests.factories import make_resource


def test_the_library_as_json_ld_holds_every_visible_resource_as_a_learning_resource(client, db):
    make_resource("Guide", licence=Licence.CC0, translations={"de": ("Leitfaden", "Text")})
    make_resource("Charter", spoken=("tr",))

    response = client.get("/en/library/export.jsonld")
    data = json.loads(response.content)

    assert response["Content-Type"].startswith("application/ld+json")
    assert data["@context"] == "https://schema.org"
    assert {item["@type"] for item in data["@graph"]} == {"LearningResource"}
    assert sorted(item["name"] for item in data["@graph"]) == ["Charter", "Guide"]
    guide = next(item for item in data["@graph"] if item["name"] == "Guide")
    assert guide["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert guide["workTranslation"] == [{"@type": "LearningResource", "inLanguage": "de", "name": "Leitfaden"}]


def test_the_csv_has_a_row_per_language_version_and_neutralises_formulas(client, db):
    make_resource('=HYPERLINK("http://evil")', translations={"de": ("Leitfaden", "Text")}, author="Anna")

    rows = list(csv.DictReader(io.StringIO(client.get("/en/library/export.csv").content.decode())))

    assert [row["language"] for row in rows] == ["de", "en"]
    assert rows[1]["title"].startswith("'=")
    assert rows[0]["licence"] == "CC BY 4.0"
    assert "licensed under CC BY 4.0 https://creativecommons.org/licenses/by/4.0/" in rows[0]["attribution"]


def test_the_export_follows_the_filters_of_the_page(client, db):
    make_resource("Guide", licence=Licence.CC0)
    make_resource("Charter", licence=Licence.CC_BY)

    data = json.loads(client.get("/en/library/export.jsonld", {"licence": "CC0-1.0"}).content)

    assert [item["name"] for item in data["@graph"]] == ["Guide"]
