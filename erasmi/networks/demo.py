"""A demonstration network modelled on the Erfurt "Netzwerk für Integration" (invented people)."""

import datetime

from django.db import transaction
from django.utils import timezone

from erasmi.events.models import Event
from erasmi.networks.models import Membership, Network, Organisation, Person, Role, WorkingGroup

A = Organisation.ActorType
ORGANISATIONS = [
    ("Stadtverwaltung Demostadt – Amt für Integration", A.AUTHORITY, ["de"]),
    ("Jobcenter Demostadt", A.AUTHORITY, ["de", "en"]),
    ("Internationaler Bund – Demo gGmbH", A.WELFARE, ["de", "ru", "ar"]),
    ("Caritas Demostadt", A.WELFARE, ["de", "fa"]),
    ("Flüchtlingshilfe Demostadt e.V.", A.NGO, ["de", "en", "ar"]),
    ("Afrikanisch-Deutscher Kulturverein e.V.", A.MIGRANT_ORGANISATION, ["de", "fr", "en"]),
    ("Türkischer Elternverein e.V.", A.MIGRANT_ORGANISATION, ["de", "tr"]),
    ("Volkshochschule Demostadt", A.EDUCATION, ["de", "en"]),
    ("Sprachschule Lingua", A.EDUCATION, ["de", "en", "uk"]),
    ("Handwerkskammer Demostadt", A.COMPANY, ["de"]),
    ("Patenschaften Demostadt", A.VOLUNTEER_GROUP, ["de", "en"]),
]
PEOPLE = [  # one contact person per organisation above (invented names)
    ("Sabine", "Hoffmann"),
    ("Thomas", "Becker"),
    ("Olena", "Kovalenko"),
    ("Reza", "Ahmadi"),
    ("Julia", "Neumann"),
    ("Amadou", "Diallo"),
    ("Ayşe", "Demir"),
    ("Michael", "Schulz"),
    ("Irina", "Petrova"),
    ("Stefan", "Krüger"),
    ("Lena", "Fischer"),
]
# Each working group's name, topic and goals, written in German, with their versions in the platform's other
# languages (see core.models.WrittenInLanguages): a member reads them in their language.
GROUPS = [
    {
        "name": {
            "de": "Sprache und Bildung",
            "en": "Language and education",
            "tr": "Dil ve eğitim",
            "it": "Lingua e istruzione",
            "da": "Sprog og uddannelse",
        },
        "topic": {
            "de": "Sprachkurse abstimmen",
            "en": "Coordinating language courses",
            "tr": "Dil kurslarını birlikte planlamak",
            "it": "Coordinare i corsi di lingua",
            "da": "Sprogkurser i samspil",
        },
        "goals": {
            "de": "Jede und jeder Neuzugewanderte findet innerhalb eines Monats einen passenden Sprachkurs.",
            "en": "Every newcomer finds a suitable language course within a month.",
            "tr": "Yeni gelen herkes bir ay içinde kendisine uygun bir dil kursu bulur.",
            "it": "Ogni persona appena arrivata trova entro un mese un corso di lingua adatto.",
            "da": "Alle nytilkomne finder et passende sprogkursus inden for en måned.",
        },
    },
    {
        "name": {
            "de": "Arbeit und Ausbildung",
            "en": "Work and vocational training",
            "tr": "İş ve meslek eğitimi",
            "it": "Lavoro e formazione professionale",
            "da": "Arbejde og erhvervsuddannelse",
        },
        "topic": {
            "de": "Wege in Arbeit",
            "en": "Pathways into work",
            "tr": "İşe giden yollar",
            "it": "Percorsi verso il lavoro",
            "da": "Veje ind på arbejdsmarkedet",
        },
        "goals": {
            "de": "Betriebe, Kammern und Beratungsstellen bringen Geflüchtete schneller in Ausbildung und Arbeit.",
            "en": "Employers, chambers and advice centres help refugees into training and work sooner.",
            "tr": "İşletmeler, meslek odaları ve danışma merkezleri mültecilerin daha hızlı meslek eğitimine ve işe "
            "başlamasına yardımcı olur.",
            "it": "Imprese, camere e sportelli di consulenza aiutano le persone rifugiate a trovare prima formazione "
            "e lavoro.",
            "da": "Virksomheder, kamre og rådgivningssteder hjælper flygtninge hurtigere i uddannelse og arbejde.",
        },
    },
    {
        "name": {"de": "Wohnen", "en": "Housing", "tr": "Konut", "it": "Abitare", "da": "Bolig"},
        "topic": {
            "de": "Wohnraum finden",
            "en": "Finding a home",
            "tr": "Konut bulmak",
            "it": "Trovare casa",
            "da": "At finde en bolig",
        },
        "goals": {
            "de": "Vermieter*innen und Wohnungssuchende zusammenbringen; Beratung bei Mietverträgen.",
            "en": "Bringing landlords and people looking for a home together; advice on tenancy agreements.",
            "tr": "Ev sahipleriyle ev arayanları bir araya getirmek; kira sözleşmeleri konusunda danışmanlık.",
            "it": "Mettere in contatto chi affitta e chi cerca casa; consulenza sui contratti di affitto.",
            "da": "At bringe udlejere og boligsøgende sammen; rådgivning om lejekontrakter.",
        },
    },
    {
        "name": {"de": "Gesundheit", "en": "Health", "tr": "Sağlık", "it": "Salute", "da": "Sundhed"},
        "topic": {
            "de": "Zugang zur Versorgung",
            "en": "Access to health care",
            "tr": "Sağlık hizmetlerine erişim",
            "it": "Accesso alle cure",
            "da": "Adgang til sundhedsydelser",
        },
        "goals": {
            "de": "Sprachmittlung in Arztpraxen und Kliniken; eine Übersicht der Angebote in vielen Sprachen.",
            "en": "Interpreting in doctors' practices and hospitals; an overview of the offers in many languages.",
            "tr": "Muayenehanelerde ve hastanelerde dil aracılığı; birçok dilde hizmetlere genel bakış.",
            "it": "Mediazione linguistica negli studi medici e negli ospedali; una panoramica delle offerte in molte "
            "lingue.",
            "da": "Tolkning hos læger og på hospitaler; et overblik over tilbuddene på mange sprog.",
        },
    },
    {
        "name": {
            "de": "Kinder, Jugend, Familie",
            "en": "Children, youth, family",
            "tr": "Çocuk, gençlik, aile",
            "it": "Infanzia, giovani, famiglia",
            "da": "Børn, unge, familie",
        },
        "topic": {
            "de": "Bildungswege",
            "en": "Paths through school and education",
            "tr": "Eğitim yolları",
            "it": "Percorsi scolastici e formativi",
            "da": "Veje gennem skole og uddannelse",
        },
        "goals": {
            "de": "Eltern kennen Kita, Schule und Ausbildung in Demostadt und wissen, wo sie Rat finden.",
            "en": "Parents know the nurseries, schools and training in Demostadt and where to find advice.",
            "tr": "Ebeveynler Demostadt'taki kreşleri, okulları ve meslek eğitimini tanır, nereden destek "
            "alabileceklerini bilir.",
            "it": "I genitori conoscono nidi, scuole e formazione a Demostadt e sanno dove trovare consiglio.",
            "da": "Forældre kender daginstitutioner, skoler og uddannelser i Demostadt og ved, hvor de kan få råd.",
        },
    },
    {
        "name": {
            "de": "Ehrenamt und Patenschaften",
            "en": "Volunteering and mentoring",
            "tr": "Gönüllülük ve mentorluk",
            "it": "Volontariato e tutoraggio",
            "da": "Frivillighed og mentorskaber",
        },
        "topic": {
            "de": "Freiwillige gewinnen",
            "en": "Finding volunteers",
            "tr": "Gönüllü kazanmak",
            "it": "Trovare volontari",
            "da": "At finde frivillige",
        },
        "goals": {
            "de": "Mehr Freiwillige für Patenschaften gewinnen, begleiten und weiterbilden.",
            "en": "Finding, supporting and training more volunteers as mentors.",
            "tr": "Mentorluk için daha fazla gönüllü kazanmak, onlara eşlik etmek ve onları eğitmek.",
            "it": "Trovare, accompagnare e formare più volontari per il tutoraggio.",
            "da": "At finde, støtte og uddanne flere frivillige som mentorer.",
        },
    },
    {
        "name": {
            "de": "Interkulturelle Öffnung",
            "en": "Intercultural opening",
            "tr": "Kültürlerarası açılım",
            "it": "Apertura interculturale",
            "da": "Interkulturel åbning",
        },
        "topic": {
            "de": "Verwaltung öffnen",
            "en": "Opening up the administration",
            "tr": "Kamu yönetimini herkese açmak",
            "it": "Aprire l'amministrazione",
            "da": "At åbne forvaltningen",
        },
        "goals": {
            "de": "Ämter beraten verständlich und mehrsprachig; Schulungen für Mitarbeitende.",
            "en": "Public offices give advice that is easy to understand and in several languages; training for "
            "their staff.",
            "tr": "Kamu kurumları anlaşılır biçimde ve birçok dilde danışmanlık yapar; çalışanlar için eğitimler.",
            "it": "Gli uffici pubblici offrono una consulenza comprensibile e in più lingue; formazione per il "
            "personale.",
            "da": "Offentlige kontorer rådgiver forståeligt og på flere sprog; kurser for medarbejderne.",
        },
    },
    {
        "name": {
            "de": "Öffentlichkeitsarbeit",
            "en": "Public relations",
            "tr": "Halkla ilişkiler",
            "it": "Comunicazione",
            "da": "Kommunikation",
        },
        "topic": {
            "de": "Infomail und Kalender",
            "en": "Info mail and calendar",
            "tr": "Bilgi e-postası ve takvim",
            "it": "Newsletter informativa e calendario",
            "da": "Infomail og kalender",
        },
        "goals": {
            "de": "Die Infomail erscheint monatlich; alle Treffen des Netzwerks stehen im Kalender.",
            "en": "The info mail comes out every month; all the network's meetings are in the calendar.",
            "tr": "Bilgi e-postası her ay çıkar; ağın tüm toplantıları takvimdedir.",
            "it": "La newsletter informativa esce ogni mese; tutti gli incontri della rete sono nel calendario.",
            "da": "Infomailen udkommer hver måned; alle netværkets møder står i kalenderen.",
        },
    },
]
# The meetings' titles and the network meetings' agenda, written in German, in every language.
NETWORK_MEETING = {
    "de": "Netzwerktreffen {n}",
    "en": "Network meeting {n}",
    "tr": "Ağ toplantısı {n}",
    "it": "Incontro della rete {n}",
    "da": "Netværksmøde {n}",
}
GROUP_MEETING = {
    "de": "Treffen der AG {name}",
    "en": "Meeting of the working group {name}",
    "tr": "{name} çalışma grubunun toplantısı",
    "it": "Incontro del gruppo di lavoro {name}",
    "da": "Møde i arbejdsgruppen {name}",
}
AGENDA = {
    "de": "Begrüßung\nPanel\nNetzwerkcafé mit Info-Tischen",
    "en": "Welcome\nPanel\nNetwork café with info tables",
    "tr": "Açılış\nPanel\nBilgi masalı ağ kafe",
    "it": "Benvenuto\nPanel\nCaffè di rete con tavoli informativi",
    "da": "Velkomst\nPanel\nNetværkscafé med infoborde",
}
WRITTEN_IN = "de"


def _versions(texts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{field: {language: text}} as a record's translations: {language: {field: text}}, the original left out."""
    versions: dict[str, dict[str, str]] = {}
    for field, by_language in texts.items():
        for language, text in by_language.items():
            if language != WRITTEN_IN:
                versions.setdefault(language, {})[field] = text
    return versions


def _group_texts(n: int) -> dict:
    texts = GROUPS[n]
    return {
        **{field: texts[field][WRITTEN_IN] for field in ("name", "topic", "goals")},
        "language": WRITTEN_IN,
        "translations": _versions(texts),
    }


def _network_meeting_texts(n: int) -> dict:
    titles = {language: title.format(n=n + 1) for language, title in NETWORK_MEETING.items()}
    return {
        "title": titles[WRITTEN_IN],
        "agenda": AGENDA[WRITTEN_IN],
        "language": WRITTEN_IN,
        "translations": _versions({"title": titles, "agenda": AGENDA}),
    }


def _group_meeting_texts(n: int) -> dict:
    names = GROUPS[n]["name"]
    titles = {language: title.format(name=names[language]) for language, title in GROUP_MEETING.items()}
    return {"title": titles[WRITTEN_IN], "language": WRITTEN_IN, "translations": _versions({"title": titles})}


@transaction.atomic
def load(users: dict) -> Network:
    """users: 'coordinator' and 'member' accounts to link to demo people. Idempotent."""
    network, _ = Network.objects.get_or_create(
        slug="demostadt",
        defaults={
            "name": "Netzwerk für Integration Demostadt",
            # A German city network: written in German, its description in the platform's other languages too.
            "language": "de",
            "description": "Demonstrationsnetzwerk: Behörden, Wohlfahrtsverbände, Vereine, "
            "Migrant*innenorganisationen, Bildungsträger und Ehrenamtliche einer erfundenen Stadt.",
            "description_translations": {
                "en": "A demonstration network: authorities, welfare associations, associations, migrant "
                "self-organisations, education providers and volunteers of an invented town.",
                "tr": "Tanıtım ağı: hayali bir şehrin kamu kurumları, sosyal yardım kuruluşları, dernekleri, göçmen öz "
                "örgütleri, eğitim kurumları ve gönüllüleri.",
                "it": "Rete dimostrativa: autorità, enti assistenziali, associazioni, organizzazioni di migranti, enti "
                "di formazione e volontari di una città immaginaria.",
                "da": "Et demonstrationsnetværk: myndigheder, velfærdsorganisationer, foreninger, "
                "migrantorganisationer, uddannelsesudbydere og frivillige i en opdigtet by.",
            },
            "city": "Demostadt",
            "country": "Deutschland",
            "founded": 2004,
            "contact_email": "netzwerk@demostadt.example.org",
            "rules_of_procedure": "Das Netzwerk trifft sich fünfmal im Jahr. "
            "Die Arbeitsgruppen setzen sich ihre Ziele selbst.",
        },
    )
    if network.memberships.exists():
        _translate_earlier_demo(network)
        return network
    organisations = []
    for n, (name, actor_type, languages) in enumerate(ORGANISATIONS):
        organisation = Organisation.objects.create(
            name=name, actor_type=actor_type, languages=languages, city="Demostadt"
        )
        organisations.append(organisation)
        Membership.objects.create(
            network=network,
            organisation=organisation,
            joined=datetime.date(2004 + n, 1 + n % 12, 1),
            agreement_signed=datetime.date(2004 + n, 1 + n % 12, 15) if n % 3 else None,
            listed_publicly=bool(n % 3),  # those that signed agreed to be named on the public page
        )
    people = []
    for (first_name, last_name), organisation in zip(PEOPLE, organisations, strict=True):
        people.append(Person.objects.create(first_name=first_name, last_name=last_name, organisation=organisation))
    coordinator = Person.for_user(users["coordinator"])
    coordinator.organisation = organisations[2]
    coordinator.save()
    member = Person.for_user(users["member"])
    member.organisation = organisations[5]
    member.save()
    Role.objects.create(network=network, person=coordinator, kind=Role.Kind.COORDINATOR)
    for person in [member, *people]:
        Role.objects.create(network=network, person=person, kind=Role.Kind.MEMBER)
    groups = []
    for n in range(len(GROUPS)):
        group = WorkingGroup.objects.create(
            network=network, slug=f"ag-{n + 1}", lead=people[n % len(people)], **_group_texts(n)
        )
        group.members.set([people[(n + k) % len(people)] for k in range(4)] + ([member] if n < 2 else []))
        groups.append(group)
    today = timezone.localdate()
    for n in range(5):  # five network meetings a year
        day = today + datetime.timedelta(days=14 + 70 * n)
        Event.objects.create(
            network=network,
            kind=Event.Kind.NETWORK_MEETING,
            formats=["panel", "discussion", "network_cafe"],
            **_network_meeting_texts(n),
            starts=timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0))),
            ends=timezone.make_aware(datetime.datetime.combine(day, datetime.time(18, 0))),
            place="Zentrum für Integration, Demostadt",
            visibility=Event.Visibility.PUBLIC if n % 2 == 0 else Event.Visibility.MEMBERS,
            capacity=40,
        )
    for n, group in enumerate(groups):
        day = today + datetime.timedelta(days=7 + 5 * n)
        Event.objects.create(
            network=network,
            working_group=group,
            kind=Event.Kind.GROUP_MEETING,
            **_group_meeting_texts(n),
            starts=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0))),
            ends=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0))),
            online_url="https://meet.example.org/ag",
            visibility=Event.Visibility.MEMBERS,
            capacity=10,
        )
    return network


def _translate_earlier_demo(network: Network) -> None:
    """A demo loaded before its texts had versions in other languages gets them (only where none are yet)."""
    for n in range(len(GROUPS)):
        texts = _group_texts(n)
        group = network.working_groups.filter(slug=f"ag-{n + 1}", name=texts["name"]).first()
        if group is None or group.translations:
            continue
        group.language, group.translations = WRITTEN_IN, texts["translations"]
        group.goals = group.goals or texts["goals"]
        group.save(update_fields=["language", "translations", "goals"])
        _translate_meetings(network.events.filter(working_group=group), _group_meeting_texts(n))
    for n in range(5):
        _translate_meetings(network.events.filter(working_group=None), _network_meeting_texts(n))


def _translate_meetings(events, texts: dict) -> None:
    for event in events.filter(title=texts["title"]):
        if not event.translations:
            event.language, event.translations = WRITTEN_IN, texts["translations"]
            event.save(update_fields=["language", "translations"])
