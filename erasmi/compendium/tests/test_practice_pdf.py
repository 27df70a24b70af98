"""One practice as a PDF from its page: what the authors typed is printed as text."""

import io

from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from erasmi.compendium.models import Practice
from erasmi.compendium.tests.factories import make_practice


def text_of(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_a_practice_downloads_as_a_pdf_from_its_page(client, db):
    practice = make_practice(
        "Kunst & Kultur <b>für alle", success_factors=["Trust <i>between</i> members", "Café </i> <para>"]
    )
    page = client.get(practice.get_absolute_url())
    assert f'href="{reverse("compendium:pdf", args=[practice.slug])}"' in page.text
    response = client.get(reverse("compendium:pdf", args=[practice.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response)
    assert "Kunst & Kultur <b>für alle" in text
    assert "Trust <i>between</i> members" in text and "Café </i> <para>" in text
    assert "Success factors" in text


def test_the_pdf_speaks_the_readers_language(client, erfurt):
    with translation.override("tr"):
        response = client.get(reverse("compendium:pdf", args=[erfurt.slug]))
    text = text_of(response)
    assert "Başarı faktörleri" in text or "Genel bilgi" in text


def test_an_unpublished_practice_has_no_pdf_for_visitors(client, db):
    hidden = make_practice("Hidden network", status=Practice.Status.SUBMITTED)
    assert client.get(reverse("compendium:pdf", args=[hidden.slug])).status_code == 404
