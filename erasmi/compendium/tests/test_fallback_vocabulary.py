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


def test_a_term_named_in_the_readers_language_inside_a_german_only_profile_carries_the_readers_lang(client, db):
    """A screen reader reads "Kamu yönetimi" with a Turkish voice, though the profile around it is German."""
    from erasmi.compendium import services
    from erasmi.compendium.importers import read_file
    from erasmi.compendium.models import Practice
    from erasmi.compendium.seeds import ERFURT_DE
    from erasmi.compendium.tests.factories import make_practice

    services.import_profiles([read_file(ERFURT_DE)])
    practice = Practice.objects.get()
    network_type = practice.network_type.name("tr")
    administration = practice.target_groups.get(slug="public-administration").name("tr")
    page = _get(client, "tr", "compendium:detail", practice.slug).text
    assert '<article class="practice" lang="de">' in page  # shown in German, the only version
    assert f'<dd lang="tr"><p>{network_type}</p>' in page
    assert f'<li lang="tr">{administration}</li>' in page
    assert "<dd><p>Circa 80; vertreten" in page  # free text as the authors wrote it: German, like the profile
    other = make_practice("Rete di prova")
    page = _get(client, "tr", "compendium:compare", query=f"?p={practice.slug}&p={other.slug}").text
    assert f'<td lang="tr"><p>{network_type}</p>' in page or f'<td lang="tr">{network_type}' in page
    assert f'<li lang="tr">{administration}</li>' in page
    listing = _get(client, "tr", "compendium:list").text
    assert f'{practice.slug}/" lang="de">Netzwerk für Integration der Landeshauptstadt Erfurt</a>' in listing
    assert f'{practice.slug}/">Netzwerk für Integration' in _get(client, "de", "compendium:list").text
