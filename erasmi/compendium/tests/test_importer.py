import datetime

import pytest
from django.core.management import CommandError, call_command

from erasmi.compendium.importers import ProfileError, parse_text, read_file
from erasmi.compendium.models import Practice, PracticeRevision, PracticeTranslation, Term
from erasmi.compendium.tests.conftest import ERFURT_DE, ERFURT_TR


def test_german_seed_fields_land_in_the_right_place():
    profile = read_file(ERFURT_DE)
    v = profile.values
    assert profile.language == "de"
    assert profile.status_as_of == datetime.date(2020, 12, 1)
    assert profile.licence == "CC BY 4.0"
    assert v["name"] == "Netzwerk für Integration der Landeshauptstadt Erfurt"
    assert v["founding_year"] == 2004
    assert v["location"] == "Erfurt / Thüringen / Deutschland"
    assert v["coordinating_organisation"] == "Internationaler Bund - IB Mitte gGmbH im Auftrag der Stadt Erfurt"
    assert v["formalisation"] == "Formelle Kooperationsvereinbarung"
    assert v["members"].startswith("Circa 80;")
    assert v["fields_of_action"] == ["Übergreifende Themen im Kontext von Inklusion / Integration"]
    assert v["target_groups"] == ["Öffentliche Verwaltung", "NGOs", "Ehrenamtliche", "Unternehmen", "Bildungsträger"]
    assert v["network_type"] == "Staatliches Integrationsnetzwerk"
    assert v["short_description"].startswith(
        'Das "Netzwerk für Integration der Landeshauptstadt Erfurt" fungiert seit 1999'
    )
    assert len(v["resources"]) == 3
    assert (
        "Thematische Treffen der acht Arbeitsgruppen (jeweils zwei bis sechs Treffen pro Jahr)"
        in v["internal_communication"]
    )
    # The list broken by the page footer continues in the same field.
    assert v["external_communication"] == [
        "Spezifisches Mitgliedermanagement, das die Organisation von Netzwerkkonferenzen mit themenspezifischen "
        "Panels, Vorträgen und Netzwerkcafé umfasst",
        "Monatliche Infomail",
        "Zweimonatlicher Veranstaltungskalender",
        "Das Angebot von Fortbildungen und Veranstaltungen zum Thema Integration nach Bedarf",
    ]
    assert len(v["success_factors"]) == 6
    assert v["challenges"][0] == "Konkurrenzverhalten zwischen den Mitglieder (z. B. unter Sprachkursanbietern)"
    assert len(v["evaluation"]) == 2
    assert v["impact"].startswith("Das Netzwerk funktioniert seit mehr als zwei Jahrzehnten")
    assert v["website"] == "www.integration-migration-thueringen.de/netzwerk"
    assert v["email"] == "netzwerk@integration-migration-thueringen.de"


def test_turkish_seed_fields_land_in_the_right_place():
    profile = read_file(ERFURT_TR)
    v = profile.values
    assert profile.language == "tr"
    assert profile.status_as_of == datetime.date(2020, 12, 1)
    assert v["name"].startswith("Netzwerk für Integration der Landeshauptstadt Erfurt (Eyalet")
    assert v["founding_year"] == 2004
    assert v["location"] == "Erfurt / Thuringia / Almanya"
    assert v["target_groups"] == ["Kamu Yönetimi", "STK'lar", "Gönüllüler", "Şirketler", "Eğitim sağlayıcılar"]
    assert v["network_type"] == "Devlet entegrasyon ağı"
    assert v["resources"][1] == "Erfurt Belediyesi tarafından finanse edilen bir ağ koordinatörü"
    assert "8 çalışma grubunun tematik toplantıları (yılda 2-6 toplantı)" in v["internal_communication"]
    assert v["external_communication"][-1] == "Gerekğinde entegrasyon konusunda daha fazla eğitim ve etkinlik sunulması"
    # Bullets written inside <li> are not kept as text.
    assert all(not item.startswith("•") for item in v["success_factors"])
    assert len(v["success_factors"]) == 6
    assert v["website"] == "www.integration-migration-thueringen.de/netzwerk"
    assert v["email"] == "netzwerk@integration-migration-thueringen.de"


def test_page_header_and_disclaimer_are_not_content():
    profile = read_file(ERFURT_DE)
    text = repr(profile.values)
    assert "Empowering Regional Actors" not in text
    assert "Co-funded" not in text
    assert "Europäischen Kommission" not in text


def test_both_seed_files_become_one_practice_with_two_versions(erfurt):
    assert Practice.objects.count() == 1
    assert sorted(erfurt.translations.values_list("language", flat=True)) == ["de", "tr"]
    assert erfurt.original_language == "de"
    assert erfurt.translations.get(language="tr").state == PracticeTranslation.State.TRANSLATED
    assert erfurt.founding_year == 2004
    assert erfurt.member_count == 80
    assert erfurt.city == "Erfurt"
    assert erfurt.country.slug == "germany"
    assert erfurt.network_type.slug == "state-integration-network"
    assert erfurt.formalisation.slug == "formal-cooperation-agreement"
    assert erfurt.fields_of_action.get().slug == "cross-cutting"
    assert sorted(erfurt.target_groups.values_list("slug", flat=True)) == [
        "companies",
        "education-providers",
        "ngos",
        "public-administration",
        "volunteers",
    ]
    assert erfurt.website == "www.integration-migration-thueringen.de/netzwerk"
    assert erfurt.status == Practice.Status.PUBLISHED
    assert erfurt.revisions.filter(action=PracticeRevision.Action.IMPORTED).count() == 2


def test_reimport_updates_and_never_duplicates(erfurt):
    call_command("import_practice", str(ERFURT_DE), str(ERFURT_TR), verbosity=0)
    assert Practice.objects.count() == 1
    assert PracticeTranslation.objects.count() == 2
    assert Term.objects.filter(kind=Term.Kind.TARGET_GROUP).count() == 7  # nothing added to the vocabulary


def test_changed_original_marks_the_translation_outdated(erfurt, tmp_path):
    changed = tmp_path / "erfurt-changed.txt"
    changed.write_text(ERFURT_DE.read_text().replace("Circa 80;", "Circa 95;"))
    call_command("import_practice", str(changed), verbosity=0)
    erfurt.refresh_from_db()
    assert erfurt.member_count == 95
    assert erfurt.translations.get(language="tr").state == PracticeTranslation.State.OUTDATED


def test_malformed_file_is_refused_with_file_and_line_and_nothing_is_written(db, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(ERFURT_DE.read_text().replace("Gründungsjahr\t2004", "Gründungsjahr\tzweitausendvier"))
    with pytest.raises(CommandError) as error:
        call_command("import_practice", str(ERFURT_TR), str(broken), verbosity=0)
    message = str(error.value)
    assert "broken.txt, line 27" in message
    assert "'zweitausendvier' is not a year" in message
    assert Practice.objects.count() == 0
    assert PracticeTranslation.objects.count() == 0


def test_profile_without_a_required_section_is_refused(tmp_path):
    text = ERFURT_DE.read_text()
    start, end = text.index("3. ERFOLGSFAKTOREN"), text.index("4. WEITERE")
    with pytest.raises(ProfileError, match=r"the required section 3 \(Success factors and challenges\) is missing"):
        parse_text(text[:start] + text[end:], "cut.txt")


def test_a_text_that_is_not_a_profile_is_refused():
    with pytest.raises(ProfileError, match=r"notes.txt, line 1: this is not an ERASMI profile"):
        parse_text("Erneutes Treffen des ERASMI-Netzwerks im virtuellen Raum\n\n09.12.2020\n", "notes.txt")


def test_english_profile_is_detected_and_its_terms_are_shared(db, english_profile_text, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(english_profile_text)
    call_command("import_practice", str(path), verbosity=0)
    practice = Practice.objects.get()
    assert practice.original_language == "en"
    assert practice.country.slug == "ireland"
    assert practice.formalisation.slug == "informal-cooperation"
    assert sorted(practice.fields_of_action.values_list("slug", flat=True)) == ["housing", "labour-market"]
    assert practice.status_as_of == datetime.date(2021, 3, 1)


def test_labels_match_leniently_and_unknown_labels_fall_back_on_their_position(english_profile_text):
    text = english_profile_text.replace("Founding year\t", "Year founded in\t").replace(
        "Coordinating organisation\t", "Lead body\t"
    )
    profile = parse_text(text.replace("Name of the network\t", "Name of network:\t"), "lenient.txt")
    assert profile.values["name"] == "Harbour Welcome Network"
    assert profile.values["founding_year"] == 2016
    assert profile.values["coordinating_organisation"] == "Cork City Council"
    assert any("read as coordinating_organisation by its position" in w for w in profile.warnings)


def test_language_can_be_given(english_profile_text):
    assert parse_text(english_profile_text, "x.txt", language="it").language == "it"


DANISH_PROFILE = """Eksempel på god praksis: VELKOMST AARHUS

Oplysninger pr.: marts 2021

1. GENERELLE OPLYSNINGER

Netværkets navn\tVelkomst Aarhus
Stiftelsesår\t2015
Sted\tAarhus / Midtjylland / Danmark
Koordinerende organisation\tAarhus Kommune
Formaliseringsgrad\tFormel samarbejdsaftale
Medlemmer\tCirka 30
Indsatsområde(r)\tArbejdsmarked; Bolig
Målgrupper\tFrivillige
Netværkstype\tCivilsamfundsnetværk

2. NETVÆRKSPROFIL

Kort beskrivelse\tEt netværk.
Ressourcer\t• Frivillige
Intern kommunikation & moderationsteknikker\t• Møder
Ekstern kommunikation og arrangementsformater\t• Nyhedsbrev

3. SUCCESFAKTORER OG UDFORDRINGER

Succesfaktorer\t• Tillid
Udfordringer og løsninger\t• Økonomi
Evaluering og bæredygtighed\t• Årlig rapport
Effekt, innovation og overførselspotentiale\tKan overføres.
"""


def test_danish_profile_without_section_four_is_read_in_danish(db, tmp_path):
    path = tmp_path / "aarhus.txt"
    path.write_text(DANISH_PROFILE)
    call_command("import_practice", str(path), verbosity=0)
    practice = Practice.objects.get()
    assert practice.original_language == "da"
    assert practice.status_as_of == datetime.date(2021, 3, 1)
    assert practice.country.slug == "denmark"
    assert practice.formalisation.slug == "formal-cooperation-agreement"
    assert sorted(practice.fields_of_action.values_list("slug", flat=True)) == ["housing", "labour-market"]
    t = practice.translations.get()
    assert t.internal_communication == ["Møder"]
    assert t.impact == "Kan overføres."


def test_italian_labels_with_small_differences_are_recognised():
    text = (
        DANISH_PROFILE.replace("Netværkets navn", "Nome della rete:")
        .replace("Stiftelsesår", "Anno fondazione")
        .replace("Kort beskrivelse", "Breve descrizione")
        .replace("1. GENERELLE OPLYSNINGER", "1. INFORMAZIONI GENERALI")
        .replace("2. NETVÆRKSPROFIL", "2. PROFILO DELLA RETE")
        .replace("3. SUCCESFAKTORER OG UDFORDRINGER", "3. FATTORI DI SUCCESSO E SFIDE")
        .replace("Eksempel på god praksis", "Esempio di buona pratica")
        .replace("Oplysninger pr.: marts 2021", "Stato delle informazioni: marzo 2021")
    )
    profile = parse_text(text, "it.txt", language="it")
    assert profile.values["name"] == "Velkomst Aarhus"
    assert profile.values["founding_year"] == 2015
    assert profile.status_as_of == datetime.date(2021, 3, 1)


def test_the_turkish_heading_challenges_and_solutions_is_recognised(tmp_path):
    text = ERFURT_TR.read_text(encoding="utf-8") if hasattr(ERFURT_TR, "read_text") else open(ERFURT_TR).read()
    path = tmp_path / "erfurt-tr.txt"
    path.write_text(text.replace("Zorluklar ve öğrenilen dersler", "Zorluklar ve çözümler"), encoding="utf-8")
    challenges = read_file(path).values["challenges"]
    assert challenges[-1] == "Gönüllülerden ve göçmenlerden girdi eksikliği"
