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
GROUPS = [
    ("Sprache und Bildung", "Sprachkurse abstimmen"),
    ("Arbeit und Ausbildung", "Wege in Arbeit"),
    ("Wohnen", "Wohnraum finden"),
    ("Gesundheit", "Zugang zur Versorgung"),
    ("Kinder, Jugend, Familie", "Bildungswege"),
    ("Ehrenamt und Patenschaften", "Freiwillige gewinnen"),
    ("Interkulturelle Öffnung", "Verwaltung öffnen"),
    ("Öffentlichkeitsarbeit", "Infomail und Kalender"),
]


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
    for n, (name, topic) in enumerate(GROUPS):
        group = WorkingGroup.objects.create(
            network=network, slug=f"ag-{n + 1}", name=name, topic=topic, lead=people[n % len(people)]
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
            title=f"Netzwerktreffen {n + 1}",
            agenda="Begrüßung\nPanel\nNetzwerkcafé mit Info-Tischen",
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
            title=f"Treffen der AG {group.name}",
            starts=timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0))),
            ends=timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0))),
            online_url="https://meet.example.org/ag",
            visibility=Event.Visibility.MEMBERS,
            capacity=10,
        )
    return network
