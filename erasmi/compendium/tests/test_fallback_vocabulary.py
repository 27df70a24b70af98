"""A profile shown in another language than the reader's names its network type, formalisation, fields of action
and target groups in the reader's language, like its badges; the rest stays as the authors wrote it."""

from django.urls import reverse
from django.utils import translation

from erasmi.compendium.tests.test_practice_pdf import text_of


def _get(client, language, name, *args, query=""):
    with translation.override(language):
        return client.get(reverse(name, args=args) + query)


def test_an_italian_reader_of_the_german_profile_reads_the_vocabulary_in_italian(client, erfurt):
    page = _get(client, "it", "compendium:detail", erfurt.slug).text
    assert "Rete pubblica per l&#x27;integrazione" in page and "Staatliches Integrationsnetzwerk" not in page
    assert "Accordo formale di cooperazione" in page and "Formelle Kooperationsvereinbarung" not in page
    assert "Pubblica amministrazione" in page and "Öffentliche Verwaltung" not in page
    assert "vertreten sind u.a. Ämter/Behörden" in page  # free text stays as written


def test_a_reader_of_a_version_in_their_language_reads_it_as_written(client, erfurt):
    page = _get(client, "de", "compendium:detail", erfurt.slug).text
    assert "Staatliches Integrationsnetzwerk" in page and "Öffentliche Verwaltung" in page


def test_the_comparison_and_the_pdf_name_the_vocabulary_in_the_readers_language(client, erfurt):
    from erasmi.compendium.tests.factories import make_practice

    other = make_practice("Rete di prova")
    page = _get(client, "it", "compendium:compare", query=f"?p={erfurt.slug}&p={other.slug}").text
    assert "Rete pubblica per l&#x27;integrazione" in page and "Staatliches Integrationsnetzwerk" not in page
    with translation.override("it"):
        pdf = text_of(client.get(reverse("compendium:pdf", args=[erfurt.slug])))
    assert "Pubblica amministrazione" in pdf and "Öffentliche Verwaltung" not in pdf
