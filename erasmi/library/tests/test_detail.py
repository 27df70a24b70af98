import json
import re

from erasmi.library.models import Licence
from erasmi.library.tests.factories import make_resource, pdf_file


def _json_ld(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(found.group(1))


def test_the_page_carries_a_schema_org_learning_resource(client, db):
    resource = make_resource(
        "Network café guide",
        description="Info tables & <b>talks</b>",
        author="Anna Weber",
        organisation="City of Erfurt",
        spoken=("de", "tr"),
        tags="network café, info tables",
        licence=Licence.CC_BY_SA,
    )

    data = _json_ld(client.get(resource.get_absolute_url()).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Network café guide"
    assert data["description"] == "Info tables & <b>talks</b>"
    assert data["inLanguage"] == ["de", "tr"]
    assert data["learningResourceType"] == "method"
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert data["author"] == {"@type": "Person", "name": "Anna Weber"}
    assert data["sourceOrganization"] == {"@type": "Organization", "name": "City of Erfurt"}
    assert sorted(data["keywords"]) == ["info tables", "network café"]
    assert data["url"].endswith(resource.get_absolute_url())
    assert data["creditText"].startswith("Network café guide by Anna Weber, licensed under CC BY-SA 4.0")


def test_user_text_cannot_close_the_json_ld_block(client, db):
    resource = make_resource("</script><script>alert(1)</script>")

    page = client.get(resource.get_absolute_url()).content.decode()

    assert "</script><script>alert(1)" not in page
    assert _json_ld(page)["name"] == "</script><script>alert(1)</script>"


def test_a_file_is_offered_for_download_and_named_in_the_metadata(client, db):
    resource = make_resource(upload=pdf_file("café-guide.pdf"))

    page = client.get(resource.get_absolute_url()).content.decode()
    download = client.get(f"{resource.get_absolute_url()}file/")

    assert "Download café-guide.pdf" in page
    assert _json_ld(page)["associatedMedia"]["name"] == "café-guide.pdf"
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "café-guide.pdf" in download["Content-Disposition"] or "caf" in download["Content-Disposition"]


def test_the_page_is_shown_in_the_readers_language_when_there_is_a_version(client, db):
    resource = make_resource(
        "Network café guide", translations={"de": ("Leitfaden Netzwerkcafé", "Wie ein Netzwerkcafé gelingt.")}
    )

    page = client.get(f"/de/library/{resource.slug}/").content.decode()

    assert "Leitfaden Netzwerkcafé" in page
    assert "Übersetzt aus" in page or "Translated from" in page


def test_the_detail_page_makes_a_fixed_number_of_queries(client, db, django_assert_num_queries, member):
    from erasmi.library import services

    resource = make_resource(tags="a, b, c", translations={"de": ("Titel", "Text")})
    client.get(resource.get_absolute_url())  # warm the caches of the process (languages, countries)
    for count in (2, 8):
        while resource.comments.count() < count:
            services.add_comment(resource, author=member, body="A comment")
        # the resource, its versions, its tags, the comments with their authors and reports
        with django_assert_num_queries(4):
            assert client.get(resource.get_absolute_url()).status_code == 200
    client.force_login(member)
    # + the session and the user
    with django_assert_num_queries(6):
        assert client.get(resource.get_absolute_url()).status_code == 200
