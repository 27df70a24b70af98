"""Demonstration offers around Erfurt for the demo network (invented)."""

from django.db import transaction

from erasmi.networks.models import Network
from erasmi.offers.models import Category, Offer, Place, TargetGroup

PLACES = [
    ("99084", "Erfurt Altstadt", 50.9787, 11.0328),
    ("99085", "Erfurt Krämpfervorstadt", 50.9800, 11.0500),
    ("99086", "Erfurt Andreasvorstadt", 50.9900, 11.0200),
    ("99089", "Erfurt Nord", 51.0050, 11.0300),
    ("99096", "Erfurt Löbervorstadt", 50.9650, 11.0250),
    ("99423", "Weimar", 50.9795, 11.3235),
]
# titles and descriptions in the five interface languages, category, targets, languages, place index or None
# (online), slots
OFFERS = [
    (
        {
            "de": "Migrationsberatung für Erwachsene",
            "en": "Migration counselling for adults",
            "tr": "Yetişkinler için göç danışmanlığı",
            "it": "Consulenza migratoria per adulti",
            "da": "Migrationsrådgivning for voksne",
        },
        {
            "de": (
                "Beratung zu Aufenthalt, Arbeit, Wohnen und Sprachkursen für Zugewanderte ab 27 Jahren. "
                "Termine nach Vereinbarung, offene Sprechstunde montags."
            ),
            "en": (
                "Advice on residence, work, housing and language courses for immigrants aged 27 and over."
                " Appointments by arrangement; open consultation hours on Mondays."
            ),
            "tr": (
                "27 yaş ve üzeri göçmenler için oturum, çalışma, konut ve dil kursları konusunda "
                "danışmanlık. Randevu ile; pazartesi günleri randevusuz görüşme saatleri."
            ),
            "it": (
                "Consulenza su soggiorno, lavoro, alloggio e corsi di lingua per persone immigrate dai 27"
                " anni in su. Su appuntamento; sportello aperto il lunedì."
            ),
            "da": (
                "Rådgivning om opholdstilladelse, arbejde, bolig og sprogkurser for indvandrere fra 27 "
                "år. Efter aftale; åben rådgivning om mandagen."
            ),
        },
        "counselling-migration",
        ["migrants", "refugees"],
        ["de", "tr"],
        0,
        [(0, "09:00", "12:00"), (2, "13:00", "16:00")],
    ),
    (
        {
            "de": "Asylverfahrensberatung",
            "en": "Asylum procedure counselling",
            "tr": "İltica süreci danışmanlığı",
            "it": "Consulenza sulla procedura d'asilo",
            "da": "Rådgivning om asylsagen",
        },
        {
            "de": "Unabhängige Beratung vor und während des Asylverfahrens, mit Dolmetschenden für Arabisch und Farsi.",
            "en": "Independent advice before and during the asylum procedure, with interpreters for Arabic and Farsi.",
            "tr": "İltica sürecinden önce ve süreç boyunca bağımsız danışmanlık; Arapça ve Farsça tercümanlarla.",
            "it": "Consulenza indipendente prima e durante la procedura d'asilo, con interpreti di arabo e farsi.",
            "da": "Uafhængig rådgivning før og under asylsagen med tolke på arabisk og farsi.",
        },
        "counselling-asylum",
        ["refugees"],
        ["de", "ar", "fa"],
        1,
        [(1, "10:00", "14:00")],
    ),
    (
        {
            "de": "Beratung für Familien",
            "en": "Counselling for families",
            "tr": "Aile danışmanlığı",
            "it": "Consulenza per le famiglie",
            "da": "Rådgivning for familier",
        },
        {
            "de": "Fragen zu Kita, Schule, Kindergeld und Erziehung – auf Deutsch, Türkisch und Russisch.",
            "en": "Questions about childcare, school, child benefit and parenting – in German, Turkish and Russian.",
            "tr": "Kreş, okul, çocuk parası ve çocuk yetiştirme ile ilgili sorular – Almanca, Türkçe ve Rusça.",
            "it": (
                "Domande su asilo nido, scuola, assegni familiari ed educazione dei figli, in tedesco, turco e russo."
            ),
            "da": "Spørgsmål om daginstitution, skole, børnetilskud og opdragelse – på tysk, tyrkisk og russisk.",
        },
        "counselling-family",
        ["families"],
        ["de", "tr", "ru"],
        2,
        [(3, "09:00", "11:00")],
    ),
    (
        {
            "de": "Migrationsberatung am Abend",
            "en": "Evening migration counselling",
            "tr": "Akşam göç danışmanlığı",
            "it": "Consulenza migratoria serale",
            "da": "Migrationsrådgivning om aftenen",
        },
        {
            "de": "Offene Sprechstunde ohne Termin, auch für Berufstätige.",
            "en": "Open consultation hours without an appointment, also for people in work.",
            "tr": "Randevusuz açık danışma saatleri; çalışanlar için de.",
            "it": "Sportello aperto senza appuntamento, anche per chi lavora.",
            "da": "Åben rådgivning uden tidsbestilling, også for folk i arbejde.",
        },
        "counselling-migration",
        ["migrants"],
        ["de", "tr"],
        0,
        [(0, "11:00", "13:00")],
    ),
    (
        {
            "de": "Integrationskurs A1",
            "en": "Integration course A1",
            "tr": "Uyum kursu A1",
            "it": "Corso di integrazione A1",
            "da": "Integrationskursus A1",
        },
        {
            "de": (
                "Deutsch bis Niveau A1 mit Orientierungskurs, vormittags an drei Tagen der Woche. "
                "Kinderbetreuung auf Anfrage."
            ),
            "en": "German up to level A1 with an orientation course, three mornings a week. Childcare on request.",
            "tr": (
                "Yönlendirme kursuyla birlikte A1 seviyesine kadar Almanca, haftada üç sabah. İstek "
                "üzerine çocuk bakımı."
            ),
            "it": (
                "Tedesco fino al livello A1 con corso di orientamento, tre mattine a settimana. "
                "Assistenza all'infanzia su richiesta."
            ),
            "da": "Tysk op til niveau A1 med orienteringskursus, tre formiddage om ugen. Børnepasning efter aftale.",
        },
        "language-course-a1",
        ["newcomers", "refugees"],
        ["de"],
        3,
        [(0, "08:30", "12:00"), (1, "08:30", "12:00"), (2, "08:30", "12:00")],
    ),
    (
        {
            "de": "Deutsch B1 am Abend",
            "en": "German B1 in the evening",
            "tr": "Akşam B1 Almanca kursu",
            "it": "Tedesco B1 serale",
            "da": "Tysk B1 om aftenen",
        },
        {
            "de": "Abendkurs für Berufstätige, zweimal pro Woche, mit Prüfungsvorbereitung.",
            "en": "Evening course for people in work, twice a week, with exam preparation.",
            "tr": "Çalışanlar için akşam kursu, haftada iki kez, sınava hazırlık dahil.",
            "it": "Corso serale per chi lavora, due volte a settimana, con preparazione all'esame.",
            "da": "Aftenkursus for folk i arbejde, to gange om ugen, med eksamensforberedelse.",
        },
        "language-course-b1",
        ["migrants"],
        ["de", "en"],
        4,
        [(1, "18:00", "20:00"), (3, "18:00", "20:00")],
    ),
    (
        {
            "de": "Frauen-Sprachcafé",
            "en": "Women's language café",
            "tr": "Kadınlar için dil kafesi",
            "it": "Caffè linguistico per donne",
            "da": "Sprogcafé for kvinder",
        },
        {
            "de": "Deutsch sprechen in entspannter Runde, nur für Frauen; Kinder sind willkommen.",
            "en": "Speaking German in a relaxed group, for women only; children are welcome.",
            "tr": "Rahat bir ortamda Almanca konuşma, yalnızca kadınlar için; çocuklar da gelebilir.",
            "it": "Si parla tedesco in un gruppo informale, solo per donne; i bambini sono benvenuti.",
            "da": "Tal tysk i en afslappet gruppe, kun for kvinder; børn er velkomne.",
        },
        "language-course-a2",
        ["women"],
        ["de", "ar", "uk"],
        1,
        [(4, "10:00", "12:00")],
    ),
    (
        {
            "de": "Patenschaften für Familien",
            "en": "Mentoring for families",
            "tr": "Aileler için mentorluk",
            "it": "Tutoraggio per famiglie",
            "da": "Mentorordning for familier",
        },
        {
            "de": "Ehrenamtliche Patinnen und Paten begleiten neu angekommene Familien im Alltag.",
            "en": "Volunteer mentors support newly arrived families in everyday life.",
            "tr": "Gönüllü mentorlar yeni gelen ailelere gündelik yaşamda eşlik ediyor.",
            "it": "Tutor volontari accompagnano nella vita quotidiana le famiglie appena arrivate.",
            "da": "Frivillige mentorer støtter nyankomne familier i hverdagen.",
        },
        "mentoring",
        ["families", "newcomers"],
        ["de", "en"],
        2,
        [(5, "10:00", "12:00")],
    ),
    (
        {
            "de": "Integrationslotsen",
            "en": "Integration guides",
            "tr": "Uyum rehberleri",
            "it": "Accompagnatori per l'integrazione",
            "da": "Integrationsguider",
        },
        {
            "de": (
                "Lotsinnen und Lotsen mit eigener Migrationsgeschichte begleiten zu Ämtern, Ärztinnen und"
                " Ärzten und Schulen."
            ),
            "en": "Guides with their own migration background accompany people to public offices, doctors and schools.",
            "tr": "Kendisi de göç geçmişine sahip rehberler, resmi dairelere, doktora ve okula giderken eşlik ediyor.",
            "it": (
                "Accompagnatori con un proprio vissuto migratorio affiancano le persone presso uffici "
                "pubblici, medici e scuole."
            ),
            "da": "Guider med egen migrationsbaggrund følger med til myndigheder, læger og skoler.",
        },
        "integration-guide",
        ["newcomers"],
        ["de", "ar", "tr", "uk"],
        0,
        [(0, "14:00", "17:00")],
    ),
    (
        {
            "de": "Bewerbungstraining",
            "en": "Job application training",
            "tr": "İş başvurusu eğitimi",
            "it": "Laboratorio per candidature di lavoro",
            "da": "Træning i jobansøgning",
        },
        {
            "de": "Lebenslauf, Anschreiben und Vorstellungsgespräch üben, für junge Menschen bis 27.",
            "en": "Practise CVs, cover letters and job interviews, for young people up to 27.",
            "tr": "27 yaşına kadar gençler için özgeçmiş, ön yazı ve iş görüşmesi alıştırmaları.",
            "it": "Esercitazioni su curriculum, lettera di presentazione e colloquio, per giovani fino a 27 anni.",
            "da": "Øv cv, ansøgning og jobsamtale, for unge op til 27 år.",
        },
        "job-support",
        ["young-people", "migrants"],
        ["de", "en"],
        3,
        [(2, "14:00", "16:00")],
    ),
    (
        {
            "de": "Online-Sprechstunde Wohnen",
            "en": "Online housing advice",
            "tr": "Konut konusunda çevrim içi danışma",
            "it": "Sportello online sull'abitare",
            "da": "Online-rådgivning om bolig",
        },
        {
            "de": (
                "Wohnungssuche, Mietvertrag und Wohnberechtigungsschein: Beratung per Video auf Deutsch, "
                "Ukrainisch und Russisch."
            ),
            "en": (
                "Finding a flat, tenancy agreements and housing entitlement certificates: video advice in"
                " German, Ukrainian and Russian."
            ),
            "tr": (
                "Ev arama, kira sözleşmesi ve sosyal konut belgesi: Almanca, Ukraynaca ve Rusça görüntülü danışmanlık."
            ),
            "it": (
                "Ricerca di un alloggio, contratto d'affitto e certificato per l'edilizia sociale: "
                "consulenza in videochiamata in tedesco, ucraino e russo."
            ),
            "da": "Boligsøgning, lejekontrakt og boligattest: videorådgivning på tysk, ukrainsk og russisk.",
        },
        "housing",
        ["refugees"],
        ["de", "uk", "ru"],
        None,
        [(3, "16:00", "17:00")],
    ),
    (
        {
            "de": "Beratung in Weimar",
            "en": "Counselling in Weimar",
            "tr": "Weimar'da göç danışmanlığı",
            "it": "Consulenza a Weimar",
            "da": "Rådgivning i Weimar",
        },
        {
            "de": "Migrationsberatung in der Außenstelle Weimar, montags vormittags.",
            "en": "Migration counselling at the Weimar branch office, Monday mornings.",
            "tr": "Weimar şubesinde göç danışmanlığı, pazartesi sabahları.",
            "it": "Consulenza migratoria presso la sede distaccata di Weimar, il lunedì mattina.",
            "da": "Migrationsrådgivning i afdelingen i Weimar, mandag formiddag.",
        },
        "counselling-migration",
        ["migrants"],
        ["de", "tr"],
        5,
        [(0, "09:00", "12:00")],
    ),
]


@transaction.atomic
def load(network: Network) -> int:
    places = []
    for postcode, name, lat, lon in PLACES:
        place, _ = Place.objects.get_or_create(
            postcode=postcode, defaults={"name": name, "latitude": lat, "longitude": lon}
        )
        places.append(place)
    if Offer.objects.filter(network=network).exists():
        return Offer.objects.filter(network=network).count()
    organisations = [m.organisation for m in network.memberships.select_related("organisation")]
    for n, (titles, descriptions, category, targets, spoken, place, slots) in enumerate(OFFERS):
        p = places[place] if place is not None else None
        offer = Offer.objects.create(
            organisation=organisations[n % len(organisations)],
            network=network,
            titles=titles,
            descriptions=descriptions,
            category=Category.objects.get(slug=category),
            languages=spoken,
            online=p is None,
            address=f"Musterstraße {n + 1}" if p else "",
            postcode=p.postcode if p else "",
            city="Erfurt" if p and p.postcode.startswith("990") else (p.name if p else ""),
            latitude=p.latitude + 0.001 * (n % 3) if p else None,
            longitude=p.longitude + 0.001 * (n % 2) if p else None,
            schedule=[{"weekday": d, "start": s, "end": e} for d, s, e in slots],
            cost="kostenlos",
            registration_needed=n % 2 == 0,
        )
        offer.target_groups.set(TargetGroup.objects.filter(slug__in=targets))
    return len(OFFERS)
