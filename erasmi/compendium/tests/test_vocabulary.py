"""Facet values map onto the shared vocabulary; what does not waits for an editor, never a public filter."""

import pytest
from django.urls import reverse
from django.utils import translation

from erasmi.compendium import services
from erasmi.compendium.importers import parse_text
from erasmi.compendium.models import Practice, Term, TermProposal
from erasmi.compendium.template import SECTIONS, TITLE_PREFIXES


def profile_text(language: str, **values) -> str:
    """A profile in the ERASMI template, written with the template's labels in that language."""
    lines = [f"{TITLE_PREFIXES[language][0]}: {values['name']}", ""]
    for section in SECTIONS:
        lines.append(f"{section.number}. {section.headings[language][0].upper()}")
        for f in section.fields:
            value = values.get(f.key, "x" if f.key not in ("founding_year", "email", "website") else "")
            if isinstance(value, list):
                value = " ".join(f"• {item}" for item in value)
            if value != "":
                lines.append(f"{f.labels[language][0]}\t{value}")
        lines.append("")
    return "\n".join(lines)


def import_profile(language: str, **values) -> Practice:
    services.import_profiles([parse_text(profile_text(language, **values), f"{values['name']}.txt")])
    return Practice.objects.get(translations__name=values["name"])


def slugs(terms) -> list[str]:
    return sorted(terms.values_list("slug", flat=True))


ITALIAN = {
    "name": "Rete Accoglienza Torino",
    "founding_year": "2015",
    "location": "Torino / Piemonte / Italia",
    "formalisation": "Protocollo d'intesa",
    "fields_of_action": ["lavoro", "abitare"],
    "target_groups": ["rifugiati", "Volontari"],
    "network_type": "Rete multi-attore",
}
DANISH = {
    "name": "Integrationsnetværk Aarhus",
    "founding_year": "2012",
    "location": "Aarhus / Midtjylland / Danmark",
    "formalisation": "Uformelt samarbejde",
    "fields_of_action": ["Boliger", "Sundhed"],
    "target_groups": ["Flygtninge", "Frivillige"],
    "network_type": "Aktørnetværk",
}


def test_italian_wordings_map_onto_the_shared_terms(db):
    practice = import_profile("it", **ITALIAN)
    assert slugs(practice.fields_of_action) == ["housing", "labour-market"]
    assert slugs(practice.target_groups) == ["migrants-refugees", "volunteers"]
    assert practice.network_type.slug == "multi-actor-network"
    assert practice.country.slug == "italy"


def test_danish_wordings_map_onto_the_shared_terms(db):
    practice = import_profile("da", **DANISH)
    assert slugs(practice.target_groups) == ["migrants-refugees", "volunteers"]
    assert practice.network_type.slug == "multi-actor-network"
    assert practice.formalisation.slug == "informal-cooperation"
    assert slugs(practice.fields_of_action) == ["health", "housing"]


def test_a_wording_no_term_matches_creates_no_public_term_and_waits_for_an_editor(db):
    terms_before = Term.objects.count()
    practice = import_profile("it", **ITALIAN)
    assert Term.objects.count() == terms_before
    assert practice.formalisation is None
    proposal = TermProposal.objects.get()
    assert (proposal.kind, proposal.text, proposal.language) == ("formalisation", "Protocollo d'intesa", "it")
    assert list(proposal.practices.all()) == [practice]
    # The text of the profile stays as written.
    assert practice.translations.get().formalisation == "Protocollo d'intesa"


def test_the_same_wording_from_two_profiles_is_one_proposal(db):
    import_profile("it", **ITALIAN)
    import_profile("it", **{**ITALIAN, "name": "Rete Milano", "formalisation": "protocollo d’intesa"})
    assert TermProposal.objects.get().practices.count() == 2


def test_a_proposal_mapped_by_an_editor_links_the_practice_and_maps_by_itself_next_time(db):
    practice = import_profile("it", **ITALIAN)
    agreement = Term.objects.get(kind="formalisation", slug="formal-cooperation-agreement")
    services.map_term_proposal(TermProposal.objects.get(), agreement)
    practice.refresh_from_db()
    assert practice.formalisation == agreement
    assert "Protocollo d'intesa" in Term.objects.get(pk=agreement.pk).aliases
    later = import_profile("it", **{**ITALIAN, "name": "Rete Genova"})
    assert later.formalisation == agreement
    assert not TermProposal.objects.exists()


def test_a_proposal_accepted_as_a_new_term_is_a_filter_named_in_every_language(client, db):
    practice = import_profile("it", **ITALIAN)
    names = {
        "de": "Absichtserklärung",
        "en": "Memorandum of understanding",
        "tr": "Mutabakat zaptı",
        "it": "Protocollo d'intesa",
        "da": "Hensigtserklæring",
    }
    term = services.accept_term_proposal(TermProposal.objects.get(), names)
    practice.refresh_from_db()
    assert practice.formalisation == term
    assert term.slug == "memorandum-of-understanding"
    response = client.get(reverse("compendium:list"), {"formalisation": term.slug}, HTTP_ACCEPT_LANGUAGE="de")
    assert "Rete Accoglienza Torino" in response.text


def test_a_pending_wording_is_no_filter_on_the_list_page(client, db):
    import_profile("it", **ITALIAN)
    response = client.get(reverse("compendium:list"))
    assert "Protocollo d&#x27;intesa" not in response.text and "Protocollo d'intesa" not in response.text


def test_a_wording_the_practice_no_longer_uses_stops_waiting(db):
    import_profile("it", **ITALIAN)
    import_profile("it", **{**ITALIAN, "formalisation": "Cooperazione informale"})
    assert not TermProposal.objects.exists()
    assert Practice.objects.get().formalisation.slug == "informal-cooperation"


@pytest.mark.parametrize(
    ("language", "kind", "wording", "slug"),
    [
        ("de", "field_of_action", "Wohnungen", "housing"),
        ("tr", "target_group", "mülteciler", "migrants-refugees"),
        ("it", "field_of_action", "lavoro", "labour-market"),
        ("da", "target_group", "flygtninge", "migrants-refugees"),
        ("en", "target_group", "refugees", "migrants-refugees"),
        ("de", "target_group", "Verwaltung", "public-administration"),
        ("de", "target_group", "Senioren", None),
        ("de", "target_group", "OFFENTLICHE VERWALTUNG", "public-administration"),
    ],
)
def test_wordings_map_by_names_accents_and_word_stems(db, language, kind, wording, slug):
    term = services.Vocabulary().find(kind, wording, language)
    assert (term.slug if term else None) == slug


def test_a_word_two_terms_share_equally_maps_onto_neither(db):
    # "Migranti" is in "Migranti e rifugiati" and in "Organizzazioni di migranti".
    assert services.Vocabulary().find("target_group", "Migranti", "it") is None


def test_the_seed_profiles_still_map_onto_the_same_terms_and_propose_nothing(erfurt):
    assert not TermProposal.objects.exists()
    assert erfurt.formalisation.slug == "formal-cooperation-agreement"


def test_a_danish_practice_gets_a_transliterated_address(db):
    practice = import_profile("da", **DANISH)
    assert practice.slug == "integrationsnetvaerk-aarhus"
    assert practice.get_absolute_url().endswith("/compendium/integrationsnetvaerk-aarhus/")


def test_existing_addresses_stay_when_a_profile_is_imported_again(db):
    practice = import_profile("da", **DANISH)
    Practice.objects.filter(pk=practice.pk).update(slug="integrationsnetvrk-aarhus")
    again = import_profile("da", **{**DANISH, "members": "30"})
    assert again.pk == practice.pk and again.slug == "integrationsnetvrk-aarhus"


def vocabulary_url(proposal=None, decision=None):
    if proposal is None:
        return reverse("compendium:vocabulary")
    return reverse("compendium:vocabulary_decide", args=[proposal.pk, decision])


def test_an_editor_sees_the_waiting_wording_with_the_practices_that_use_it(client, editor):
    import_profile("it", **ITALIAN)
    client.force_login(editor)
    with translation.override("de"):
        response = client.get(vocabulary_url())
    assert response.status_code == 200
    assert "Protocollo d&#x27;intesa" in response.text
    assert "Rete Accoglienza Torino" in response.text
    assert "Formelle Kooperationsvereinbarung" in response.text  # the terms to map onto, in the reader's language


def test_a_member_may_not_review_the_vocabulary(client, member):
    client.force_login(member)
    assert client.get(vocabulary_url()).status_code == 403


def test_an_editor_maps_a_wording_on_the_page(client, editor):
    practice = import_profile("it", **ITALIAN)
    agreement = Term.objects.get(kind="formalisation", slug="formal-cooperation-agreement")
    client.force_login(editor)
    response = client.post(vocabulary_url(TermProposal.objects.get(), "map"), {"term": agreement.pk}, follow=True)
    assert "now filters as" in response.text
    practice.refresh_from_db()
    assert practice.formalisation == agreement


def test_an_editor_accepts_a_wording_as_a_term_only_with_all_five_names(client, editor):
    practice = import_profile("it", **ITALIAN)
    proposal = TermProposal.objects.get()
    client.force_login(editor)
    names = {"de": "Absichtserklärung", "en": "Memorandum of understanding", "tr": "Mutabakat zaptı"}
    response = client.post(vocabulary_url(proposal, "accept"), {**names, "it": "Protocollo d'intesa"})
    assert response.status_code == 400
    assert not Term.objects.filter(slug="memorandum-of-understanding").exists()
    client.post(vocabulary_url(proposal, "accept"), {**names, "it": "Protocollo d'intesa", "da": "Hensigtserklæring"})
    term = Term.objects.get(kind="formalisation", slug="memorandum-of-understanding")
    assert term.name("da") == "Hensigtserklæring"
    practice.refresh_from_db()
    assert practice.formalisation == term


def test_a_wording_decided_on_meanwhile_is_reported_not_an_error(client, editor):
    import_profile("it", **ITALIAN)
    proposal = TermProposal.objects.get()
    url = vocabulary_url(proposal, "map")
    agreement = Term.objects.get(kind="formalisation", slug="formal-cooperation-agreement")
    services.map_term_proposal(proposal, agreement)
    client.force_login(editor)
    response = client.post(url, {"term": agreement.pk}, follow=True)
    assert response.status_code == 200
    assert "already decided" in response.text
