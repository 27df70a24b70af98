"""The Turkish names of the shared vocabulary read as Turkish; the seed's earlier wordings still map onto them."""

import importlib

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from erasmi.compendium import services
from erasmi.compendium.importers import read_file
from erasmi.compendium.models import Practice, Term, TermProposal
from erasmi.compendium.seeds import ERFURT_TR

CROSS_CUTTING = "Dahil etme / entegrasyonla ilgili kesişen konular"


def test_the_turkish_seed_profile_lands_under_the_cross_cutting_term_shown_by_its_new_name(client, db):
    services.import_profiles([read_file(ERFURT_TR)])  # the Turkish profile alone: only its wording can map

    practice = Practice.objects.get()
    term = Term.objects.get(kind="field_of_action", slug="cross-cutting")
    assert list(practice.fields_of_action.all()) == [term]
    assert practice.target_groups.filter(slug="public-administration").exists()
    assert not TermProposal.objects.exists()  # nothing left for an editor to map by hand
    practice.change_status(Practice.Status.PUBLISHED)
    with translation.override("tr"):
        page = client.get(reverse("compendium:detail", args=[practice.slug])).text
    facets = page.split('id="about-title"')[1]
    assert f'<span class="tag">{CROSS_CUTTING}</span>' in facets
    assert '<span class="tag">Kamu yönetimi</span>' in facets
    assert "Genel olarak" not in facets and "Kamu Yönetimi" not in facets


def test_the_migration_renames_the_terms_of_an_existing_database_and_keeps_the_former_wording(db):
    cross_cutting = Term.objects.get(kind="field_of_action", slug="cross-cutting")
    cross_cutting.names["tr"], cross_cutting.aliases = "Genel olarak Dahil Etme / Entegrasyon", []
    cross_cutting.save()
    administration = Term.objects.get(kind="target_group", slug="public-administration")
    administration.names["tr"] = "Kamu Yönetimi"
    administration.save()
    labour = Term.objects.get(kind="field_of_action", slug="labour-market")
    labour.names["tr"] = "Çalışma hayatı"  # an editor's own choice since: it stays
    labour.save()

    importlib.import_module("erasmi.compendium.migrations.0006_turkish_term_names").rename(apps, None)

    cross_cutting.refresh_from_db()
    administration.refresh_from_db()
    labour.refresh_from_db()
    assert cross_cutting.names["tr"] == CROSS_CUTTING and cross_cutting.names["de"].startswith("Übergreifende")
    assert cross_cutting.aliases == ["Genel olarak Dahil Etme / Entegrasyon"]
    assert administration.names["tr"] == "Kamu yönetimi"
    assert labour.names["tr"] == "Çalışma hayatı"
    found = services.Vocabulary().find("field_of_action", "Genel olarak Dahil Etme / Entegrasyon")
    assert found == cross_cutting
