"""One PDF per unit, read back: its pages, method cards and exercise, with typed text shown literally."""

import io

from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from erasmi.learning.models import UnitTranslation


def text_of(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def download(client, slug, language):
    with translation.override(language):
        return client.get(reverse("learning:pdf", args=[slug]))


def test_the_pdf_holds_the_unit_its_method_cards_and_the_exercise(client, toolkit):
    response = download(client, "surveys-and-annual-report", "de")
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response)
    assert "Auswerten mit Umfragen und Jahresbericht" in text
    assert "Der Jahresbericht setzt die Ziele" in text
    assert "Jahresbericht mit Zielgrößen" in text and "Mitgliederumfrage" in text
    assert "Dann sehen Sie nicht, ob sich etwas verbessert hat." in text


def test_the_pdf_is_in_turkish_for_a_turkish_reader(client, toolkit):
    text = text_of(download(client, "information-flow", "tr"))
    assert "Bilgi akışı ve bilgilendirme e-postası" in text


def test_markup_typed_into_a_unit_is_printed_as_text(client, toolkit):
    version = UnitTranslation.objects.get(unit__slug="working-groups", language="en")
    version.title = 'Groups <img src="/etc/passwd"/> & <b>goals'
    version.save()
    response = download(client, "working-groups", "en")
    assert response.status_code == 200
    assert 'Groups <img src="/etc/passwd"/> & <b>goals' in text_of(response)
