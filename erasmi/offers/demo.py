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
# title (de, tr/en), category, targets, languages, place index or None (online), slots
OFFERS = [
    (
        "Migrationsberatung für Erwachsene",
        "Yetişkinler için göç danışmanlığı",
        "counselling-migration",
        ["migrants", "refugees"],
        ["de", "tr"],
        0,
        [(0, "09:00", "12:00"), (2, "13:00", "16:00")],
    ),
    (
        "Asylverfahrensberatung",
        "Asylum procedure counselling",
        "counselling-asylum",
        ["refugees"],
        ["de", "ar", "fa"],
        1,
        [(1, "10:00", "14:00")],
    ),
    (
        "Beratung für Familien",
        "Aile danışmanlığı",
        "counselling-family",
        ["families"],
        ["de", "tr", "ru"],
        2,
        [(3, "09:00", "11:00")],
    ),
    (
        "Migrationsberatung am Abend",
        "Akşam göç danışmanlığı",
        "counselling-migration",
        ["migrants"],
        ["de", "tr"],
        0,
        [(0, "11:00", "13:00")],
    ),
    (
        "Integrationskurs A1",
        "Integration course A1",
        "language-course-a1",
        ["newcomers", "refugees"],
        ["de"],
        3,
        [(0, "08:30", "12:00"), (1, "08:30", "12:00"), (2, "08:30", "12:00")],
    ),
    (
        "Deutsch B1 am Abend",
        "German B1 in the evening",
        "language-course-b1",
        ["migrants"],
        ["de", "en"],
        4,
        [(1, "18:00", "20:00"), (3, "18:00", "20:00")],
    ),
    (
        "Frauen-Sprachcafé",
        "Women's language café",
        "language-course-a2",
        ["women"],
        ["de", "ar", "uk"],
        1,
        [(4, "10:00", "12:00")],
    ),
    (
        "Patenschaften für Familien",
        "Mentoring for families",
        "mentoring",
        ["families", "newcomers"],
        ["de", "en"],
        2,
        [(5, "10:00", "12:00")],
    ),
    (
        "Integrationslotsen",
        "Integration guides",
        "integration-guide",
        ["newcomers"],
        ["de", "ar", "tr", "uk"],
        0,
        [(0, "14:00", "17:00")],
    ),
    (
        "Bewerbungstraining",
        "Job application training",
        "job-support",
        ["young-people", "migrants"],
        ["de", "en"],
        3,
        [(2, "14:00", "16:00")],
    ),
    (
        "Online-Sprechstunde Wohnen",
        "Online housing advice",
        "housing",
        ["refugees"],
        ["de", "uk", "ru"],
        None,
        [(3, "16:00", "17:00")],
    ),
    (
        "Beratung in Weimar",
        "Weimar'da göç danışmanlığı",
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
    for n, (de, other, category, targets, spoken, place, slots) in enumerate(OFFERS):
        p = places[place] if place is not None else None
        second = "tr" if "tr" in spoken and other != de and not other.isascii() else "en"
        offer = Offer.objects.create(
            organisation=organisations[n % len(organisations)],
            network=network,
            titles={"de": de, second: other},
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
