"""The ERASMI profile template: sections, fields and their labels.

One description serves the importer (labels per language, position in the
section), the submission form, the detail and comparison pages and the exports.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TEXT = "text"  # one line or paragraph
LIST = "list"  # bullets: a list of strings
YEAR = "year"
EMAIL = "email"
URL = "url"


@dataclass(frozen=True)
class Field:
    key: str
    kind: str
    label: str
    labels: dict[str, list[str]]  # language -> known labels in the template text
    shared: bool = False  # stored once on the practice, not per language
    required: bool = False


@dataclass(frozen=True)
class Section:
    number: int
    title: str
    headings: dict[str, list[str]]
    fields: list[Field] = field(default_factory=list)
    required: bool = True


SECTIONS = [
    Section(
        1,
        _("General information"),
        {
            "de": ["Allgemeine Informationen"],
            "en": ["General information"],
            "tr": ["Genel bilgi", "Genel bilgiler"],
            "it": ["Informazioni generali"],
            "da": ["Generelle oplysninger", "Generel information"],
        },
        [
            Field(
                "name",
                TEXT,
                _("Name of the network"),
                {
                    "de": ["Name des Netzwerks"],
                    "en": ["Name of the network", "Network name"],
                    "tr": ["Ağın adı"],
                    "it": ["Nome della rete"],
                    "da": ["Netværkets navn"],
                },
                required=True,
            ),
            Field(
                "founding_year",
                YEAR,
                _("Founding year"),
                {
                    "de": ["Gründungsjahr"],
                    "en": ["Founding year", "Year of foundation"],
                    "tr": ["Kuruluş yılı"],
                    "it": ["Anno di fondazione"],
                    "da": ["Stiftelsesår", "Grundlagt"],
                },
                shared=True,
            ),
            Field(
                "location",
                TEXT,
                _("Location (city / region / country)"),
                {
                    "de": ["Ort"],
                    "en": ["Location"],
                    "tr": ["Yer"],
                    "it": ["Luogo", "Località"],
                    "da": ["Sted", "Placering"],
                },
            ),
            Field(
                "coordinating_organisation",
                TEXT,
                _("Coordinating organisation"),
                {
                    "de": ["Koordinierende Organisation"],
                    "en": ["Coordinating organisation", "Coordinating organization"],
                    "tr": ["Koordinatör kurum"],
                    "it": ["Organizzazione di coordinamento", "Ente coordinatore"],
                    "da": ["Koordinerende organisation"],
                },
            ),
            Field(
                "formalisation",
                TEXT,
                _("Degree of formalisation"),
                {
                    "de": ["Formalisierungsgrad"],
                    "en": ["Degree of formalisation", "Degree of formalization"],
                    "tr": ["Resmîlik derecesi", "Resmilik derecesi"],
                    "it": ["Grado di formalizzazione"],
                    "da": ["Formaliseringsgrad"],
                },
            ),
            Field(
                "members",
                TEXT,
                _("Members"),
                {
                    "de": ["Mitglieder"],
                    "en": ["Members"],
                    "tr": ["Üyeler"],
                    "it": ["Membri"],
                    "da": ["Medlemmer"],
                },
            ),
            Field(
                "fields_of_action",
                LIST,
                _("Field(s) of action"),
                {
                    "de": ["Handlungsfeld(er)", "Handlungsfelder"],
                    "en": ["Field(s) of action", "Fields of action"],
                    "tr": ["Faaliyet(ler) alanı", "Faaliyet alanları"],
                    "it": ["Campo/i d'azione", "Campi d'azione", "Ambito/i di intervento"],
                    "da": ["Indsatsområde(r)", "Handlingsfelt(er)"],
                },
            ),
            Field(
                "target_groups",
                LIST,
                _("Target group(s)"),
                {
                    "de": ["Zielgruppe(n)", "Zielgruppen"],
                    "en": ["Target group(s)", "Target groups"],
                    "tr": ["Hedef grup(lar)", "Hedef gruplar"],
                    "it": ["Gruppo/i target", "Gruppi target", "Destinatari"],
                    "da": ["Målgruppe(r)", "Målgrupper"],
                },
            ),
            Field(
                "network_type",
                TEXT,
                _("Network type"),
                {
                    "de": ["Netzwerktyp"],
                    "en": ["Network type", "Type of network"],
                    "tr": ["Ağ türü"],
                    "it": ["Tipo di rete"],
                    "da": ["Netværkstype"],
                },
            ),
        ],
    ),
    Section(
        2,
        _("Network profile"),
        {
            "de": ["Profil des Netzwerks"],
            "en": ["Network profile", "Profile of the network"],
            "tr": ["Ağ profili"],
            "it": ["Profilo della rete"],
            "da": ["Netværksprofil", "Netværkets profil"],
        },
        [
            Field(
                "short_description",
                TEXT,
                _("Short description"),
                {
                    "de": ["Kurzbeschreibung"],
                    "en": ["Short description"],
                    "tr": ["Kısa açıklama"],
                    "it": ["Breve descrizione"],
                    "da": ["Kort beskrivelse"],
                },
            ),
            Field(
                "resources",
                LIST,
                _("Resources"),
                {
                    "de": ["Ressourcen"],
                    "en": ["Resources"],
                    "tr": ["Kaynaklar"],
                    "it": ["Risorse"],
                    "da": ["Ressourcer"],
                },
            ),
            Field(
                "internal_communication",
                LIST,
                _("Internal communication & moderation techniques"),
                {
                    "de": ["Interne Kommunikation & Moderationstechniken"],
                    "en": ["Internal communication & moderation techniques"],
                    "tr": ["İç İletişim ve Kolaylaştırma teknikleri"],
                    "it": ["Comunicazione interna e tecniche di moderazione"],
                    "da": ["Intern kommunikation og moderationsteknikker"],
                },
            ),
            Field(
                "external_communication",
                LIST,
                _("External communication & event formats"),
                {
                    "de": ["Externe Kommunikation & Veranstaltungsformate"],
                    "en": ["External communication & event formats"],
                    "tr": ["Harici İletişim ve Etkinlik formatları"],
                    "it": ["Comunicazione esterna e formati degli eventi"],
                    "da": ["Ekstern kommunikation og arrangementsformater"],
                },
            ),
        ],
    ),
    Section(
        3,
        _("Success factors and challenges"),
        {
            "de": ["Erfolgsfaktoren und Herausforderungen"],
            "en": ["Success factors and challenges", "Success factors and key challenges"],
            "tr": ["Başarı faktörleri ve temel zorluklar"],
            "it": ["Fattori di successo e sfide"],
            "da": ["Succesfaktorer og udfordringer"],
        },
        [
            Field(
                "success_factors",
                LIST,
                _("Success factors"),
                {
                    "de": ["Erfolgsfaktoren"],
                    "en": ["Success factors"],
                    "tr": ["Başarı faktörleri"],
                    "it": ["Fattori di successo"],
                    "da": ["Succesfaktorer"],
                },
            ),
            Field(
                "challenges",
                LIST,
                _("Challenges & solutions"),
                {
                    "de": ["Herausforderungen & Lösungsansätze"],
                    "en": ["Challenges & solutions", "Challenges & lessons learned"],
                    "tr": ["Zorluklar ve çözümler", "Zorluklar ve öğrenilen dersler"],
                    "it": ["Sfide e soluzioni"],
                    "da": ["Udfordringer og løsninger"],
                },
            ),
            Field(
                "evaluation",
                LIST,
                _("Evaluation & sustainability"),
                {
                    "de": ["Evaluation & Nachhaltigkeit"],
                    "en": ["Evaluation & sustainability"],
                    "tr": ["Değerlendirme ve Sürdürülebilirlik"],
                    "it": ["Valutazione e sostenibilità"],
                    "da": ["Evaluering og bæredygtighed"],
                },
            ),
            Field(
                "impact",
                TEXT,
                _("Impact, innovation & transfer potential"),
                {
                    "de": ["Impact, Innovation & Transferpotenzial"],
                    "en": ["Impact, innovation & transfer potential"],
                    "tr": ["Etki, Yenilik ve Aktarılabilirlik"],
                    "it": ["Impatto, innovazione e potenziale di trasferimento"],
                    "da": ["Effekt, innovation og overførselspotentiale"],
                },
            ),
        ],
    ),
    Section(
        4,
        _("Further information"),
        {
            "de": ["Weitere Informationen"],
            "en": ["Further information"],
            "tr": ["Daha fazla bilgi"],
            "it": ["Ulteriori informazioni"],
            "da": ["Yderligere oplysninger", "Mere information"],
        },
        [
            Field(
                "website",
                URL,
                _("Website, social media"),
                {
                    "de": ["Website, Soziale Medien"],
                    "en": ["Website, social media"],
                    "tr": ["Web Sitesi, Sosyal Medya"],
                    "it": ["Sito web, social media"],
                    "da": ["Hjemmeside, sociale medier"],
                },
                shared=True,
            ),
            Field(
                "email",
                EMAIL,
                _("E-mail address"),
                {
                    "de": ["E-Mail-Adresse"],
                    "en": ["E-mail address", "Email address"],
                    "tr": ["E-posta adresi"],
                    "it": ["Indirizzo e-mail"],
                    "da": ["E-mailadresse", "E-mail-adresse"],
                },
                shared=True,
            ),
        ],
        required=False,
    ),
]

# The page header that introduces a profile, and the line with its date.
TITLE_PREFIXES = {
    "de": ["Beispiel guter Praxis"],
    "en": ["Example of good practice", "Good practice example", "Good practice"],
    "tr": ["İyi Uygulama"],
    "it": ["Esempio di buona pratica", "Buona pratica"],
    "da": ["Eksempel på god praksis", "God praksis"],
}
STATUS_PREFIXES = {
    "de": ["Stand der Informationen"],
    "en": ["Status of information", "Information as of"],
    "tr": ["Bilgi durumu"],
    "it": ["Stato delle informazioni", "Informazioni aggiornate a"],
    "da": ["Oplysninger pr.", "Status for oplysningerne"],
}

FIELDS = [f for section in SECTIONS for f in section.fields]
FIELDS_BY_KEY = {f.key: f for f in FIELDS}
TRANSLATED_FIELDS = [f for f in FIELDS if not f.shared]
LIST_FIELDS = [f.key for f in FIELDS if f.kind == LIST]
