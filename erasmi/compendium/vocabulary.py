"""The shared vocabularies the compendium starts with (de, en, tr, it, da).

Loaded by a data migration; the importer adds terms it meets that are not here.
"""

# slug: (de, en, tr, it, da)
VOCABULARY = {
    "country": {
        "germany": ("Deutschland", "Germany", "Almanya", "Germania", "Tyskland"),
        "denmark": ("Dänemark", "Denmark", "Danimarka", "Danimarca", "Danmark"),
        "italy": ("Italien", "Italy", "İtalya", "Italia", "Italien"),
        "ireland": ("Irland", "Ireland", "İrlanda", "Irlanda", "Irland"),
        "turkey": ("Türkei", "Türkiye", "Türkiye", "Turchia", "Tyrkiet"),
        "austria": ("Österreich", "Austria", "Avusturya", "Austria", "Østrig"),
        "netherlands": ("Niederlande", "Netherlands", "Hollanda", "Paesi Bassi", "Holland"),
        "sweden": ("Schweden", "Sweden", "İsveç", "Svezia", "Sverige"),
        "greece": ("Griechenland", "Greece", "Yunanistan", "Grecia", "Grækenland"),
        "spain": ("Spanien", "Spain", "İspanya", "Spagna", "Spanien"),
        "france": ("Frankreich", "France", "Fransa", "Francia", "Frankrig"),
        "belgium": ("Belgien", "Belgium", "Belçika", "Belgio", "Belgien"),
        "poland": ("Polen", "Poland", "Polonya", "Polonia", "Polen"),
    },
    "network_type": {
        "state-integration-network": (
            "Staatliches Integrationsnetzwerk",
            "State integration network",
            "Devlet entegrasyon ağı",
            "Rete pubblica per l'integrazione",
            "Offentligt integrationsnetværk",
        ),
        "civil-society-network": (
            "Zivilgesellschaftliches Netzwerk",
            "Civil society network",
            "Sivil toplum ağı",
            "Rete della società civile",
            "Civilsamfundsnetværk",
        ),
        "multi-actor-network": (
            "Akteursübergreifendes Netzwerk",
            "Multi-actor network",
            "Çok aktörlü ağ",
            "Rete multi-attore",
            "Multiaktørnetværk",
        ),
        "migrant-organisations-network": (
            "Netzwerk von Migrant*innenorganisationen",
            "Network of migrant organisations",
            "Göçmen örgütleri ağı",
            "Rete di organizzazioni di migranti",
            "Netværk af migrantorganisationer",
        ),
        "project-network": ("Projektnetzwerk", "Project network", "Proje ağı", "Rete di progetto", "Projektnetværk"),
    },
    "formalisation": {
        "formal-cooperation-agreement": (
            "Formelle Kooperationsvereinbarung",
            "Formal cooperation agreement",
            "Resmî işbirliği anlaşması",
            "Accordo formale di cooperazione",
            "Formel samarbejdsaftale",
        ),
        "registered-association": (
            "Eingetragener Verein",
            "Registered association",
            "Tescilli dernek",
            "Associazione registrata",
            "Registreret forening",
        ),
        "informal-cooperation": (
            "Informelle Zusammenarbeit",
            "Informal cooperation",
            "Gayriresmî işbirliği",
            "Cooperazione informale",
            "Uformelt samarbejde",
        ),
    },
    "field_of_action": {
        "cross-cutting": (
            "Übergreifende Themen im Kontext von Inklusion / Integration",
            "Cross-cutting issues of inclusion / integration",
            "Dahil etme / entegrasyonla ilgili kesişen konular",
            "Temi trasversali di inclusione / integrazione",
            "Tværgående emner om inklusion / integration",
        ),
        "language-education": (
            "Sprache und Bildung",
            "Language and education",
            "Dil ve eğitim",
            "Lingua e istruzione",
            "Sprog og uddannelse",
        ),
        "labour-market": ("Arbeitsmarkt", "Labour market", "İşgücü piyasası", "Mercato del lavoro", "Arbejdsmarked"),
        "housing": ("Wohnen", "Housing", "Barınma", "Abitazione", "Bolig"),
        "health": ("Gesundheit", "Health", "Sağlık", "Salute", "Sundhed"),
        "social-participation": (
            "Soziale Teilhabe",
            "Social participation",
            "Sosyal katılım",
            "Partecipazione sociale",
            "Social deltagelse",
        ),
        "counselling": ("Beratung", "Counselling", "Danışmanlık", "Consulenza", "Rådgivning"),
    },
    "target_group": {
        "public-administration": (
            "Öffentliche Verwaltung",
            "Public administration",
            "Kamu yönetimi",
            "Pubblica amministrazione",
            "Offentlig forvaltning",
        ),
        "ngos": ("NGOs", "NGOs", "STK'lar", "ONG", "NGO'er"),
        "volunteers": ("Ehrenamtliche", "Volunteers", "Gönüllüler", "Volontari", "Frivillige"),
        "companies": ("Unternehmen", "Companies", "Şirketler", "Aziende", "Virksomheder"),
        "education-providers": (
            "Bildungsträger",
            "Education providers",
            "Eğitim sağlayıcılar",
            "Enti di formazione",
            "Uddannelsesudbydere",
        ),
        "migrants-refugees": (
            "Migrant*innen und Geflüchtete",
            "Migrants and refugees",
            "Göçmenler ve mülteciler",
            "Migranti e rifugiati",
            "Migranter og flygtninge",
        ),
        "migrant-organisations": (
            "Migrant*innenorganisationen",
            "Migrant organisations",
            "Göçmen örgütleri",
            "Organizzazioni di migranti",
            "Migrantorganisationer",
        ),
    },
}

# Earlier wordings of a term, still recognised by the importer: the Turkish seed profile says
# "Genel olarak Dahil Etme / Entegrasyon", which was once the term's Turkish name.
ALIASES = {
    ("field_of_action", "cross-cutting"): ["Genel olarak Dahil Etme / Entegrasyon"],
    ("field_of_action", "labour-market"): ["İş piyasası"],
    ("formalisation", "informal-cooperation"): ["Gayri resmi işbirliği"],
}

LANGUAGE_ORDER = ("de", "en", "tr", "it", "da")


def load(term_model) -> None:
    """Create or update the vocabulary terms (idempotent)."""
    for kind, terms in VOCABULARY.items():
        for slug, names in terms.items():
            term, _ = term_model.objects.get_or_create(kind=kind, slug=slug, defaults={"names": {}})
            term.names = {**term.names, **dict(zip(LANGUAGE_ORDER, names, strict=True))}
            term.aliases = [*term.aliases, *(a for a in ALIASES.get((kind, slug), []) if a not in term.aliases)]
            term.save()
