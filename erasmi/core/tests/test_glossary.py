"""The catalogues use the terms docs/glossary.md gives, in the register it gives."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "erasmi" / "locale"
LANGUAGES = ["de", "tr", "it", "da"]


def _catalogue(language: str) -> dict[str, str]:
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = {}
    for entry in text.split("\n\n")[1:]:
        msgid = re.search(r'^msgid (".*"(?:\n".*")*)', entry, re.M)
        msgstr = re.search(r'^msgstr (".*"(?:\n".*")*)', entry, re.M)
        if msgid and msgstr:
            join = lambda found: "".join(re.findall(r'^"(.*)"$', found.group(1), re.M))  # noqa: E731
            entries[join(msgid)] = join(msgstr)
    return entries


def _glossary() -> list[dict[str, str]]:
    rows = []
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[0].startswith("`"):
            rows.append(dict(zip(["en", *LANGUAGES], cells[:5], strict=True)))
    return rows


def test_the_glossary_names_the_domains_terms():
    terms = {row["en"].strip("`") for row in _glossary()}
    for term in ["offer", "Coordinator", "working group", "lead", "Member organisation", "meeting", "registration",
                 "minutes", "Compendium", "Practice", "district", "invitation", "request to join", "Register",
                 "Sign in", "Migrant self-organisation", "On the waiting list"]:  # fmt: skip
        assert term in terms


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_translates_each_glossary_term_as_the_glossary_says(language):
    catalogue = _catalogue(language)
    for row in _glossary():
        msgid = row["en"].strip("`")
        assert catalogue[msgid][:1].lower() + catalogue[msgid][1:] == row[language][:1].lower() + row[language][1:], (
            msgid
        )


def _translations(language: str) -> list[str]:
    return list(_catalogue(language).values())


def test_turkish_offers_are_services_never_bids():
    assert not [text for text in _translations("tr") if "teklif" in text.casefold()]
    assert _catalogue("tr")["Offers"] == "Hizmetler"
    assert _catalogue("tr")["Challenges & solutions"] == "Zorluklar ve çözümler"


def test_german_signing_in_is_not_registering_for_a_meeting():
    german = _catalogue("de")
    assert german["Sign in"] == "Anmelden"
    assert german["Register"] == "Teilnahme anmelden"
    assert german["Sign in to register"] == "Anmelden, um teilzunehmen"
    buttons = [german[msgid] for msgid in ["Register", "Sign up", "Cancel my registration"] if msgid in german]
    assert "Anmelden" not in buttons


def test_italian_lead_is_not_the_coordinators_role():
    italian = _catalogue("it")
    assert italian["lead"] == "referente"
    assert "coordinamento" not in italian["Lead: %(lead)s"].casefold()


def test_danish_erasmi_is_built_on_the_project_and_districts_are_bydele():
    danish = _translations("da")
    assert not [text for text in danish if "efter ERASMI-projektet" in text]
    assert not [text for text in danish if "distrikt" in text.casefold()]


@pytest.mark.parametrize(
    ("language", "informal"),
    [
        ("de", r"\b(du|dich|dir|dein\w*)\b"),
        ("it", r"\b(tu|tuo|tua|tuoi|tue|puoi|hai)\b"),
        ("tr", r"\b(sen|senin|sana|seni)\b"),
    ],
)
def test_catalogue_keeps_the_formal_address(language, informal):
    assert not [text for text in _translations(language) if re.search(informal, text, re.I)]


def test_danish_writes_e_mail_and_adgangskode_as_the_rest_of_the_site():
    """The sign-in pages came from another catalogue with "email" and "password"; Danish writes "e-mail" and
    "adgangskode", as every other Danish page of Erasmi does."""
    for msgid, msgstr in _catalogue("da").items():
        text = re.sub(r"%\(\w+\)s|mailto:", "", msgstr)
        assert not re.search(r"(?<![\w-])[Ee]mail|[Pp]assword|succesfuldt", text), (msgid, msgstr)
    assert _catalogue("da")["Successfully signed in as %(name)s."] == "Du er logget ind som %(name)s."


# English msgids that begin with one of these verbs and are no sentence are buttons, links and headings of actions.
ACTION_VERBS = {
    "Accept", "Add", "Answer", "Apply", "Ask", "Attach", "Cancel", "Change", "Check", "Choose", "Clear", "Close",
    "Compare", "Confirm", "Copy", "Create", "Decline", "Declare", "Delete", "Download", "Edit", "End", "Erase",
    "Export", "Filter", "Hide", "Import", "Make", "Move", "Open", "Plan", "Print", "Propose", "Publish", "Read",
    "Receive", "Record", "Remove", "Rename", "Reopen", "Report", "Save", "Search", "Send", "Share", "Show", "Sign",
    "Start", "Stop", "Submit", "Subscribe", "Translate", "Unsubscribe", "Update", "Upload", "Use", "Withdraw",
    "Write", "Include",
}  # fmt: skip
# Labels of a form field that ask in the impersonal form the glossary gives for explanations.
IMPERSONAL_LABELS = {"Enter your password:", "Send me mails about"}


def test_italian_buttons_and_links_are_imperatives_not_infinitives():
    """docs/glossary.md: Italian buttons use the usual imperative ("Salva", "Invia", "Annulla"), not "Salvare"."""
    italian = _catalogue("it")
    infinitives = []
    for msgid, msgstr in italian.items():
        words = re.sub(r"<[^>]+>|^(Yes|No), ", "", msgid).split()  # "Yes, send me the mails" is a button too
        if not words or words[0].capitalize() not in ACTION_VERBS or msgid.rstrip().endswith((".", "?", "!")):
            continue
        if len(words) > 10 or msgid in IMPERSONAL_LABELS:
            continue
        first = re.sub(r"<[^>]+>|^(Sì|No), ", "", msgstr).split()[0].casefold().strip(":")
        if re.search(r"(are|ere|ire|arsi|ersi|irsi)$", first):
            infinitives.append((msgid, msgstr))
    assert not infinitives
    for infinitive in ["Salvare", "Inviare", "Cercare", "Annullare", "Eliminare", "Aggiungere", "Scaricare"]:
        assert infinitive not in italian.values()
    assert [italian[msgid] for msgid in ["Save", "Search", "Cancel", "Delete", "Download as PDF", "Unsubscribe"]] == [
        "Salva", "Cerca", "Annulla", "Elimina", "Scarica come PDF", "Annulla l'iscrizione"
    ]  # fmt: skip
