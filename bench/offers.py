"""The offers part of the benchmark: overlap and gap analysis at 5,000, 20,000 and 50,000 offers."""

import os
import random
import time

from django.db import transaction

from erasmi.networks.models import Organisation
from erasmi.offers import analysis
from erasmi.offers.models import Category, Offer, Place, TargetGroup

TOTAL = int(os.environ.get("BENCH_OFFERS", 50_000))
CENTRE = (50.9787, 11.0328)
WORDS = [
    "sprachkurs",
    "beratung",
    "frauen",
    "familien",
    "jugend",
    "arbeit",
    "wohnen",
    "gesundheit",
    "café",
    "hilfe",
]  # offers spread over about 40 x 40 km around Erfurt


def ensure_places() -> None:
    for n in range(20):  # postcodes around the centre, for "near" searches
        Place.objects.get_or_create(
            postcode=f"99{n:03d}",
            defaults={
                "name": f"Bench place {n}",
                "latitude": CENTRE[0] + (n % 5 - 2) * 0.05,
                "longitude": CENTRE[1] + (n // 5 - 2) * 0.08,
            },
        )


def generate() -> None:
    rng = random.Random(11)
    categories = list(Category.objects.all())
    targets = list(TargetGroup.objects.all())
    with transaction.atomic():
        organisations = Organisation.objects.bulk_create(
            [Organisation(name=f"Offer provider {n}", actor_type="ngo", sector="non_state") for n in range(500)]
        )
        offers = []
        for n in range(TOTAL):
            day = rng.randrange(5)
            hour = rng.randrange(8, 18)
            online = n % 20 == 0
            offers.append(
                Offer(
                    organisation=organisations[n % len(organisations)],
                    titles={"de": f"Angebot {n} {rng.choice(WORDS)}"},
                    sort_title=f"angebot {n}",
                    search_text=f"angebot {n} " + " ".join(rng.sample(WORDS, 3)),
                    weekdays=str(day),
                    category=categories[n % len(categories)],
                    languages=rng.sample(["de", "en", "tr", "ar", "uk"], 2),
                    online=online,
                    latitude=None if online else CENTRE[0] + rng.uniform(-0.18, 0.18),
                    longitude=None if online else CENTRE[1] + rng.uniform(-0.28, 0.28),
                    schedule=[{"weekday": day, "start": f"{hour:02d}:00", "end": f"{hour + 2:02d}:00"}],
                )
            )
        Offer.objects.bulk_create(offers, batch_size=5000)
        through = Offer.target_groups.through
        ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True))
        through.objects.bulk_create(
            [
                through(offer_id=pk, targetgroup_id=t.pk)
                for n, pk in enumerate(ids)
                for t in (targets[n % len(targets)],)
            ],
            batch_size=10000,
        )


def ensure() -> None:
    ensure_places()
    if Offer.objects.count() != TOTAL:
        Offer.objects.all().delete()
        generate()


def measure() -> dict:
    ensure()
    ids = list(Offer.objects.order_by("pk").values_list("pk", flat=True))
    results = {}
    categories = set(Category.objects.values_list("pk", flat=True))
    targets = set(TargetGroup.objects.values_list("pk", flat=True))
    for size in (5_000, 20_000, 50_000)[: 3 if TOTAL >= 50_000 else 1]:
        offers = Offer.objects.filter(pk__lte=ids[size - 1])
        start = time.perf_counter()
        found, _ = analysis.overlaps(offers, distance=1.0)
        overlap_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        areas = analysis.postcode_areas(offers)  # the default areas: one per postcode of the offers
        analysis.gaps(offers, areas, categories, targets)
        gap_ms = (time.perf_counter() - start) * 1000
        results[size] = {"overlap_ms": round(overlap_ms), "groups": len(found), "gap_ms": round(gap_ms)}
    return results


def scenarios(rng) -> dict[str, list[str]]:
    days = ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"]
    return {
        "offers: list": [f"/en/offers/?page={rng.randint(1, 100)}" for _ in range(60)],
        "offers: text search": [f"/en/offers/?q={rng.choice(WORDS)}" for _ in range(60)],
        "offers: near (5 km)": [f"/en/offers/?near=99{rng.randrange(20):03d}&radius=5" for _ in range(60)],
        "offers: near + filters": [
            f"/en/offers/?near=99{rng.randrange(20):03d}&radius=5&language=tr&day={rng.choice(days)}" for _ in range(60)
        ],
        "offers: API near": [f"/api/offers?near=99{rng.randrange(20):03d}&radius=2" for _ in range(60)],
    }


def report(vendor: str, results: dict) -> None:
    print(f"\n{vendor}: offer analysis (distance 1 km, gaps by postcode)")
    print(f"{'offers':>8}{'overlap ms':>12}{'groups':>8}{'gap ms':>9}{'ms per 1,000 offers (overlap / gap)':>40}")
    for size, r in results.items():
        per = f"{r['overlap_ms'] / size * 1000:.1f} / {r['gap_ms'] / size * 1000:.1f}"
        print(f"{size:>8}{r['overlap_ms']:>12}{r['groups']:>8}{r['gap_ms']:>9}{per:>40}")
