"""Demonstration practices for `make run`: invented networks, marked as examples.

Each has an English version and one in the language of its country, so that
search across languages, the language fallback and the facets can be seen.
"""

from django.db import transaction

from erasmi.compendium import services
from erasmi.compendium.models import Practice, Term

EXAMPLES = [
    {
        "year": 2012,
        "country": "denmark",
        "city": "Aarhus",
        "region": {"en": "Central Denmark", "da": "Region Midtjylland"},
        "members": 34,
        "network_type": "multi-actor-network",
        "formalisation": "formal-cooperation-agreement",
        "fields": ["labour-market", "language-education"],
        "targets": ["migrants-refugees", "companies"],
        "versions": {
            "en": {
                "name": "Aarhus Jobs Bridge",
                "coordinating_organisation": "Municipality of Aarhus, employment department",
                "short_description": "Companies, language schools and the job centre match newly arrived refugees "
                "with internships and Danish courses at the workplace.",
                "resources": ["A coordinator paid by the municipality", "Meeting rooms at the job centre"],
                "internal_communication": ["Quarterly partner meetings", "Shared case board"],
                "external_communication": ["Open company breakfasts", "Newsletter four times a year"],
                "success_factors": ["Employers take part from the start", "One contact person per company"],
                "challenges": ["Waiting times for language courses", "Staff turnover in partner companies"],
                "evaluation": ["Yearly count of internships that lead to a job"],
                "impact": "More than half of the internships lead to employment within a year.",
            },
            "da": {
                "name": "Aarhus Jobbro",
                "coordinating_organisation": "Aarhus Kommune, beskæftigelsesforvaltningen",
                "short_description": "Virksomheder, sprogskoler og jobcentret matcher nyankomne flygtninge med "
                "praktikpladser og danskundervisning på arbejdspladsen.",
                "resources": ["En koordinator betalt af kommunen", "Mødelokaler i jobcentret"],
                "internal_communication": ["Kvartalsvise partnermøder", "Fælles sagstavle"],
                "external_communication": ["Åbne virksomhedsmorgenmader", "Nyhedsbrev fire gange om året"],
                "success_factors": ["Arbejdsgiverne deltager fra starten", "Én kontaktperson per virksomhed"],
                "challenges": ["Ventetid på sprogkurser", "Udskiftning af medarbejdere hos partnerne"],
                "evaluation": ["Årlig optælling af praktikforløb, der fører til job"],
                "impact": "Mere end halvdelen af praktikforløbene fører til beskæftigelse inden for et år.",
            },
        },
    },
    {
        "year": 2016,
        "country": "italy",
        "city": "Bologna",
        "region": {"en": "Emilia-Romagna", "it": "Emilia-Romagna"},
        "members": 58,
        "network_type": "civil-society-network",
        "formalisation": "registered-association",
        "fields": ["housing", "social-participation"],
        "targets": ["migrants-refugees", "volunteers"],
        "versions": {
            "en": {
                "name": "Bologna Welcome Homes",
                "coordinating_organisation": "Association of tenants and volunteers",
                "short_description": "Families host refugees in their homes for six months while volunteers "
                "help with housing search, schooling and paperwork.",
                "resources": ["Donations from local foundations", "Volunteer mentors"],
                "internal_communication": ["Monthly host family circle", "Mentor training"],
                "external_communication": ["Neighbourhood festivals", "Local radio programme"],
                "success_factors": ["Careful matching of hosts and guests", "Mentors stay after the hosting ends"],
                "challenges": ["Too few affordable flats", "Volunteers burn out"],
                "evaluation": ["Interviews with guests after one year"],
                "impact": "The model has been taken up by three other cities in the region.",
            },
            "it": {
                "name": "Case Accoglienti Bologna",
                "coordinating_organisation": "Associazione di inquilini e volontari",
                "short_description": "Famiglie ospitano rifugiati nelle loro case per sei mesi mentre i volontari "
                "aiutano nella ricerca di un alloggio, nella scuola e nelle pratiche burocratiche.",
                "resources": ["Donazioni di fondazioni locali", "Volontari mentori"],
                "internal_communication": ["Cerchio mensile delle famiglie ospitanti", "Formazione dei mentori"],
                "external_communication": ["Feste di quartiere", "Programma radiofonico locale"],
                "success_factors": ["Abbinamento accurato di ospiti e famiglie", "I mentori restano dopo l'ospitalità"],
                "challenges": ["Troppo pochi appartamenti a prezzi accessibili", "I volontari si esauriscono"],
                "evaluation": ["Interviste con gli ospiti dopo un anno"],
                "impact": "Il modello è stato adottato da altre tre città della regione.",
            },
        },
    },
    {
        "year": 2018,
        "country": "turkey",
        "city": "Gaziantep",
        "region": {"en": "Southeastern Anatolia", "tr": "Güneydoğu Anadolu"},
        "members": 120,
        "network_type": "multi-actor-network",
        "formalisation": "informal-cooperation",
        "fields": ["health", "counselling"],
        "targets": ["migrants-refugees", "ngos"],
        "versions": {
            "en": {
                "name": "Gaziantep Health Bridges",
                "coordinating_organisation": "Provincial health directorate together with local NGOs",
                "short_description": "Interpreters, health mediators and clinics coordinate so that refugees "
                "find counselling and care in their own language.",
                "resources": ["Health mediators funded by international donors"],
                "internal_communication": ["Weekly case meetings", "Messenger group of mediators"],
                "external_communication": ["Information days in community centres"],
                "success_factors": ["Mediators from the refugee community", "Clear referral paths"],
                "challenges": ["Short project funding", "Overlap between NGO services"],
                "evaluation": ["Monthly referral statistics"],
                "impact": "Referral times fell from weeks to days.",
            },
            "tr": {
                "name": "Gaziantep Sağlık Köprüleri",
                "coordinating_organisation": "İl sağlık müdürlüğü ve yerel STK'lar",
                "short_description": "Tercümanlar, sağlık arabulucuları ve klinikler, mültecilerin kendi dillerinde "
                "danışmanlık ve bakım bulabilmeleri için işbirliği yapar.",
                "resources": ["Uluslararası bağışçılar tarafından finanse edilen sağlık arabulucuları"],
                "internal_communication": ["Haftalık vaka toplantıları", "Arabulucuların mesajlaşma grubu"],
                "external_communication": ["Toplum merkezlerinde bilgilendirme günleri"],
                "success_factors": ["Mülteci topluluğundan arabulucular", "Açık yönlendirme yolları"],
                "challenges": ["Kısa proje finansmanı", "STK hizmetleri arasında çakışma"],
                "evaluation": ["Aylık yönlendirme istatistikleri"],
                "impact": "Yönlendirme süreleri haftalardan günlere düştü.",
            },
        },
    },
    {
        "year": 2009,
        "country": "ireland",
        "city": "Galway",
        "region": {"en": "Connacht"},
        "members": 18,
        "network_type": "migrant-organisations-network",
        "formalisation": "informal-cooperation",
        "fields": ["social-participation"],
        "targets": ["migrant-organisations", "public-administration"],
        "versions": {
            "en": {
                "name": "Galway Migrant Voices Forum",
                "coordinating_organisation": "A rotating chair among migrant-led groups",
                "short_description": "Migrant-led organisations meet the city council twice a year and bring "
                "their members' views into local integration planning.",
                "resources": ["Meeting space in the public library"],
                "internal_communication": ["Preparation meetings before each council dialogue"],
                "external_communication": ["Public report after each dialogue"],
                "success_factors": ["Eye-level exchange with the council", "Interpretation at every meeting"],
                "challenges": ["No paid staff"],
                "evaluation": ["Follow-up of the council's commitments"],
                "impact": "Three proposals of the forum became part of the city's integration strategy.",
            },
        },
    },
    {
        "year": 2015,
        "country": "germany",
        "city": "Halberstadt",
        "region": {"en": "Saxony-Anhalt", "de": "Sachsen-Anhalt"},
        "members": 45,
        "network_type": "state-integration-network",
        "formalisation": "formal-cooperation-agreement",
        "fields": ["labour-market", "language-education"],
        "targets": ["public-administration", "education-providers", "companies"],
        "versions": {
            "de": {
                "name": "Arbeitskreis Arbeit Harz",
                "coordinating_organisation": "Koordinierungsstelle des Landkreises",
                "short_description": "Jobcenter, Bildungsträger und Unternehmen stimmen Sprachkurse, "
                "Praktika und Beratung für Geflüchtete im Landkreis ab.",
                "resources": ["Eine Koordinierungsstelle beim Landkreis"],
                "internal_communication": ["Treffen mindestens zweimal im Jahr", "Gemeinsame Angebotsübersicht"],
                "external_communication": ["Jährliche Fachtagung"],
                "success_factors": ["Alle zur gleichen Zeit an einem Tisch", "Konkrete gemeinsame Ziele"],
                "challenges": ["Konkurrenz unter Sprachkursanbietern"],
                "evaluation": ["Jährliche Umfrage unter den Mitgliedern"],
                "impact": "Doppelte Angebote wurden abgebaut und Lücken bei Abendkursen geschlossen.",
            },
            "en": {
                "name": "Harz Working Group on Employment",
                "coordinating_organisation": "Coordination office of the district",
                "short_description": "Job centre, education providers and companies coordinate language courses, "
                "internships and counselling for refugees in the district.",
                "resources": ["A coordination office at the district"],
                "internal_communication": ["Meetings at least twice a year", "Shared overview of offers"],
                "external_communication": ["Annual conference"],
                "success_factors": ["Everybody at one table at the same time", "Concrete common goals"],
                "challenges": ["Competition among language course providers"],
                "evaluation": ["Yearly member survey"],
                "impact": "Duplicate offers were reduced and gaps in evening courses were closed.",
            },
        },
    },
    {
        "year": 2019,
        "country": "italy",
        "city": "Palermo",
        "region": {"it": "Sicilia", "en": "Sicily"},
        "members": 27,
        "network_type": "project-network",
        "formalisation": "formal-cooperation-agreement",
        "fields": ["language-education", "counselling"],
        "targets": ["migrants-refugees", "education-providers"],
        "versions": {
            "it": {
                "name": "Rete Scuole Aperte Palermo",
                "coordinating_organisation": "Centro provinciale per l'istruzione degli adulti",
                "short_description": "Scuole serali, mediatori culturali e associazioni offrono corsi di italiano "
                "e orientamento per giovani migranti non accompagnati.",
                "resources": ["Aule delle scuole partner", "Mediatori culturali del progetto"],
                "internal_communication": ["Riunioni mensili dei docenti", "Piattaforma condivisa dei corsi"],
                "external_communication": ["Giornata delle scuole aperte"],
                "success_factors": ["Corsi a orari flessibili", "Mediatori che parlano le lingue dei ragazzi"],
                "challenges": ["Abbandono dei corsi durante l'estate"],
                "evaluation": ["Esami di lingua a fine anno"],
                "impact": "Il numero di certificazioni A2 è raddoppiato in due anni.",
            },
            "en": {
                "name": "Palermo Open Schools Network",
                "coordinating_organisation": "Provincial centre for adult education",
                "short_description": "Evening schools, cultural mediators and associations offer Italian courses "
                "and guidance for young unaccompanied migrants.",
                "resources": ["Classrooms of the partner schools", "Cultural mediators of the project"],
                "internal_communication": ["Monthly teacher meetings", "Shared course platform"],
                "external_communication": ["Open schools day"],
                "success_factors": ["Courses at flexible hours", "Mediators who speak the young people's languages"],
                "challenges": ["Drop-out during the summer"],
                "evaluation": ["Language exams at the end of the year"],
                "impact": "The number of A2 certificates doubled in two years.",
            },
        },
    },
    {
        "year": 2001,
        "country": "denmark",
        "city": "Odense",
        "region": {"da": "Region Syddanmark", "en": "Southern Denmark"},
        "members": 9,
        "network_type": "civil-society-network",
        "formalisation": "registered-association",
        "fields": ["social-participation", "cross-cutting"],
        "targets": ["volunteers", "migrants-refugees"],
        "versions": {
            "da": {
                "name": "Venskabsfamilier Odense",
                "coordinating_organisation": "Frivilligcenter Odense",
                "short_description": "Danske familier og nyankomne familier mødes i et år til fællesspisning, "
                "lektiehjælp og ture i byen.",
                "resources": ["Frivillige familier", "Et lille tilskud fra kommunen"],
                "internal_communication": ["Opstartsmøde for nye venskabsfamilier"],
                "external_communication": ["Sommerfest for alle familier"],
                "success_factors": ["Venskaber på lige fod"],
                "challenges": ["For få frivillige familier"],
                "evaluation": ["Spørgeskema efter et år"],
                "impact": "Mange venskaber holder længere end programmet.",
            },
        },
    },
    {
        "year": 2014,
        "country": "turkey",
        "city": "İzmir",
        "region": {"tr": "Ege Bölgesi", "en": "Aegean Region"},
        "members": 64,
        "network_type": "multi-actor-network",
        "formalisation": "formal-cooperation-agreement",
        "fields": ["labour-market", "counselling"],
        "targets": ["migrants-refugees", "companies", "ngos"],
        "versions": {
            "tr": {
                "name": "İzmir İstihdam Ağı",
                "coordinating_organisation": "İzmir Büyükşehir Belediyesi",
                "short_description": "Belediye, meslek odaları ve STK'lar göçmenler için meslek kursları, "
                "iş danışmanlığı ve çalışma izni desteğini birlikte planlar.",
                "resources": ["Belediyenin istihdam merkezi"],
                "internal_communication": ["Üç ayda bir ortaklar toplantısı", "Ortak teklif listesi"],
                "external_communication": ["Yıllık kariyer fuarı"],
                "success_factors": ["İşverenlerle doğrudan temas", "Tek bir başvuru noktası"],
                "challenges": ["Çalışma izni süreçlerinin uzunluğu"],
                "evaluation": ["Yıllık istihdam raporu"],
                "impact": "Her yıl birkaç yüz kişi kayıtlı işe yerleşiyor.",
            },
            "en": {
                "name": "Izmir Employment Network",
                "coordinating_organisation": "Izmir Metropolitan Municipality",
                "short_description": "The municipality, chambers of trade and NGOs plan vocational courses, "
                "job counselling and work-permit support for migrants together.",
                "resources": ["The municipality's employment centre"],
                "internal_communication": ["Partner meeting every three months", "Shared list of offers"],
                "external_communication": ["Annual career fair"],
                "success_factors": ["Direct contact with employers", "One single point of application"],
                "challenges": ["Long work-permit procedures"],
                "evaluation": ["Annual employment report"],
                "impact": "Several hundred people find registered work every year.",
            },
        },
    },
]


def _names(kind: str, slugs: list[str], language: str) -> list[str]:
    terms = {t.slug: t for t in Term.objects.filter(kind=kind, slug__in=slugs)}
    return [terms[slug].name(language) for slug in slugs]


@transaction.atomic
def load_examples() -> int:
    """Create or update the example practices (idempotent); returns how many there are."""
    vocabulary = services.Vocabulary()
    for example in EXAMPLES:
        practice = None
        versions = example["versions"]
        for language, texts in versions.items():
            country = Term.objects.get(kind=Term.Kind.COUNTRY, slug=example["country"]).name(language)
            region = example["region"].get(language) or next(iter(example["region"].values()))
            values = {
                **texts,
                "founding_year": example["year"],
                "location": f"{example['city']} / {region} / {country}",
                "members": f"{example['members']}",
                "network_type": _names(Term.Kind.NETWORK_TYPE, [example["network_type"]], language)[0],
                "formalisation": _names(Term.Kind.FORMALISATION, [example["formalisation"]], language)[0],
                "fields_of_action": _names(Term.Kind.FIELD_OF_ACTION, example["fields"], language),
                "target_groups": _names(Term.Kind.TARGET_GROUP, example["targets"], language),
                "email": f"contact@{services.practice_slug(versions[next(iter(versions))]['name'])}.example",
            }
            if practice is None:
                practice = services.find_practice(values)
            practice, _created = services.save_version(values, language, vocabulary=vocabulary, practice=practice)
        practice.is_example = True
        practice.source = "Erasmi demonstration data"
        practice.publish()
        practice.save()
    return Practice.objects.filter(is_example=True).count()
