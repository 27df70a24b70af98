"""The coordination report is readable: empty rows folded, no offer lost, a CSV German Excel opens, a short PDF."""

import csv
import io

from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from erasmi.offers.models import Area


def report_url(language="en"):
    with translation.override(language):
        return reverse("offers:report", args=["erfurt"])


def test_categories_and_target_groups_without_any_offer_are_folded_away(client, member, offers):
    client.force_login(member)
    response = client.get(report_url())
    shown = {(row["category"], row["target"]) for row in response.context["rows"]}
    folded = {(row["category"], row["target"]) for row in response.context["empty_rows"]}
    assert ("Migration counselling", "Migrants") in shown
    assert ("Language course A1", "Women") in folded and not shown & folded
    assert all(any(cell.offers for cell in row["cells"]) for row in response.context["rows"])
    assert '<details class="gaps-folded"><summary>' in response.text
    # Gaps stand out: an area without an offer is marked, in colour and in words.
    assert '<td class="gap-empty"><strong>none</strong></td>' in response.text


def test_offers_outside_every_district_are_shown_as_outside_the_districts(client, coordinator, offers):
    Area.objects.create(network=offers, name="Altstadt", postcodes=["99084"])
    client.force_login(coordinator)
    response = client.get(report_url())
    rows = {(row["category"], row["target"]): row for row in response.context["rows"]}
    # Weimar's counselling lies in no district of Erfurt: it is counted outside, not dropped.
    migrants = rows[("Migration counselling", "Migrants")]
    assert [cell.offers for cell in migrants["cells"]] == [2]
    assert migrants["outside"].offers == 1
    assert '<th scope="col">outside the districts</th>' in response.text
    lines = list(
        csv.reader(
            io.StringIO(client.get(response.request["PATH_INFO"], {"format": "csv"}).content.decode("utf-8-sig"))
        )
    )
    assert ["Gaps", "Migration counselling", "Migrants", "outside the districts", "", "1", "3.0"] in lines
    pdf = PdfReader(io.BytesIO(client.get(report_url(), {"format": "pdf"}).content))
    assert "Outside the districts" in "".join(page.extract_text() for page in pdf.pages)


def test_the_report_csv_opens_in_german_excel_with_german_headers_semicolons_and_decimal_commas(client, member, offers):
    client.force_login(member)
    response = client.get(report_url("de"), {"format": "csv"})
    assert response.content.startswith("\ufeff".encode())  # Excel reads UTF-8 only after a byte order mark
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Abschnitt",
        "Kategorie",
        "Zielgruppe",
        "Gebiet oder Angebot",
        "Organisation",
        "Angebote",
        "Stunden pro Woche",
    ]
    assert rows[1][:3] == ["Überschneidungen", "Migrationsberatung", "Migrant*innen"]
    assert ["Lücken", "Migrationsberatung", "Migrant*innen", "99084 Erfurt", "", "2", "8,0"] in rows
    assert ["Lücken", "Sprachkurs A1", "Frauen", "alle Gebiete", "", "0", "0,0"] in rows
    assert all(len(row) == 7 for row in rows)


def test_the_report_pdf_of_the_demo_network_fits_on_two_pages(client, member, offers):
    client.force_login(member)
    for language in ["en", "de"]:
        pdf = PdfReader(io.BytesIO(client.get(report_url(language), {"format": "pdf"}).content))
        assert len(pdf.pages) <= 2, language
        text = "".join(page.extract_text() for page in pdf.pages)
        assert ("No offer in any area" if language == "en" else "In keinem Gebiet ein Angebot") in text


def test_the_hint_above_the_table_says_what_the_gap_cells_look_like(client, member, offers):
    """The cells of a gap read "keine" and are coloured; a hint about "empty cells" sent readers looking for blanks."""
    client.force_login(member)
    page = client.get(report_url("de")).text
    assert "leere Felder" not in page
    assert "farbig markierten Felder sind Lücken" in page and "<strong>keine</strong>" in page


def test_the_distance_reads_as_a_german_number_on_the_page_and_in_the_pdf(client, member, offers):
    """The field keeps "2.5" (a number input needs the dot); wherever the distance is text it is "2,5 km"."""
    client.force_login(member)
    page = client.get(report_url("de"), {"distance": "2.5"}).text
    assert 'value="2.5"' in page
    text = page.split("<h2")[1]
    assert "höchstens 2,5 km voneinander entfernt" in text and "2.5" not in text
    pdf = PdfReader(io.BytesIO(client.get(report_url("de"), {"distance": "2.5", "format": "pdf"}).content))
    assert "höchstens 2,5 km voneinander" in "".join(p.extract_text() for p in pdf.pages).replace("\n", " ")
