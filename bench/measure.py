"""Measure the compendium's pages on one database (the one DATABASE_URL names).

Run by bench/run.py once per database; prints a table and writes JSON results.
Server time is the time Django takes to answer a request in-process (test client),
from the request entering the middleware to the response body being complete.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erasmi.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("STATIC_MANIFEST", "0")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from erasmi.accounts.models import User  # noqa: E402
from erasmi.compendium import index  # noqa: E402
from erasmi.compendium.models import Practice, PracticeTranslation, Term  # noqa: E402
from erasmi.compendium.template import LIST_FIELDS  # noqa: E402
from erasmi.core import search  # noqa: E402

PRACTICES = int(os.environ.get("BENCH_PRACTICES", 5000))
REPEAT = int(os.environ.get("BENCH_REPEAT", 60))
LANGUAGES = ["en", "de", "tr", "it", "da"]

WORDS = {
    "en": "network cooperation integration refugees migrants volunteers counselling housing language course "
    "municipality meeting working group coordination community support employment education health newcomers "
    "regular exchange trust partners information platform annual report survey mentoring guides welcome".split(),
    "de": "Netzwerk Zusammenarbeit Integration Geflüchtete Migrantinnen Ehrenamtliche Beratung Wohnen Sprachkurs "
    "Kommune Treffen Arbeitsgruppe Koordination Gemeinschaft Unterstützung Arbeit Bildung Gesundheit "
    "regelmäßiger Austausch Vertrauen Partner Information Plattform Sachbericht Umfrage Patenschaften Lotsen".split(),
    "tr": "ağ işbirliği entegrasyon mülteciler göçmenler gönüllüler danışmanlık barınma dil kursu belediye "
    "toplantı çalışma grubu koordinasyon topluluk destek istihdam eğitim sağlık düzenli değişim güven ortaklar "
    "bilgi platform yıllık rapor anket mentorluk rehberler".split(),
    "it": "rete cooperazione integrazione rifugiati migranti volontari consulenza abitazione corso lingua comune "
    "riunione gruppo lavoro coordinamento comunità sostegno occupazione istruzione salute scambio fiducia "
    "partner informazione piattaforma rapporto annuale sondaggio tutoraggio".split(),
    "da": "netværk samarbejde integration flygtninge migranter frivillige rådgivning bolig sprogkursus kommune "
    "møde arbejdsgruppe koordinering fællesskab støtte beskæftigelse uddannelse sundhed udveksling tillid "
    "partnere information platform årsrapport undersøgelse mentorer".split(),
}


def sentence(rng, language, words=12):
    return " ".join(rng.choice(WORDS[language]) for _ in range(words)).capitalize() + "."


def generate(count: int) -> None:
    """count practices, each in three languages, with realistic amounts of text."""
    rng = random.Random(2020)
    terms = {kind: list(Term.objects.filter(kind=kind)) for kind in Term.Kind.values}
    with transaction.atomic():
        practices = []
        for n in range(count):
            languages = random.Random(n).sample(LANGUAGES, 3)
            practices.append(
                Practice(
                    slug=f"bench-network-{n:05d}",
                    status=Practice.Status.PUBLISHED,
                    is_example=True,
                    original_language=languages[0],
                    founding_year=rng.randint(1980, 2024),
                    member_count=rng.choice([5, 12, 25, 40, 60, 80, 150, 300]),
                    city=f"City {n % 400}",
                    country=rng.choice(terms["country"]),
                    network_type=rng.choice(terms["network_type"]),
                    formalisation=rng.choice(terms["formalisation"]),
                )
            )
        Practice.objects.bulk_create(practices, batch_size=1000)
        practices = list(Practice.objects.filter(slug__startswith="bench-network-").order_by("slug"))
        fields_through = Practice.fields_of_action.through
        targets_through = Practice.target_groups.through
        links_f, links_t, translations = [], [], []
        for n, practice in enumerate(practices):
            languages = random.Random(n).sample(LANGUAGES, 3)
            for term in rng.sample(terms["field_of_action"], rng.randint(1, 3)):
                links_f.append(fields_through(practice_id=practice.pk, term_id=term.pk))
            for term in rng.sample(terms["target_group"], rng.randint(1, 4)):
                links_t.append(targets_through(practice_id=practice.pk, term_id=term.pk))
            for position, language in enumerate(languages):
                t = PracticeTranslation(
                    practice=practice,
                    language=language,
                    state="original" if position == 0 else "translated",
                    name=f"{sentence(rng, language, 3)[:-1]} {n}",
                    location=f"City {n % 400} / Region / Country",
                    coordinating_organisation=sentence(rng, language, 6),
                    formalisation=sentence(rng, language, 3),
                    members=sentence(rng, language, 10),
                    network_type=sentence(rng, language, 3),
                    short_description=" ".join(sentence(rng, language, 18) for _ in range(5)),
                    impact=" ".join(sentence(rng, language, 15) for _ in range(3)),
                )
                for key in LIST_FIELDS:
                    setattr(t, key, [sentence(rng, language, 10) for _ in range(rng.randint(2, 6))])
                t.search_text = t.build_search_text()
                translations.append(t)
        fields_through.objects.bulk_create(links_f, batch_size=5000)
        targets_through.objects.bulk_create(links_t, batch_size=5000)
        PracticeTranslation.objects.bulk_create(translations, batch_size=2000)
        search.reindex(PracticeTranslation)
        index.changed()  # bulk_create sends no signals
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # what autovacuum would do after such a load


def measure(client: Client, urls: list[str]) -> dict:
    for url in urls[:5]:  # warm up
        client.get(url)
    times, queries = [], []
    for i in range(REPEAT):
        url = urls[i % len(urls)]
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.status_code)
        times.append(elapsed * 1000)
        queries.append(len(captured.captured_queries))
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "queries": max(queries),
    }


def main() -> None:
    vendor = connection.vendor
    call_command("migrate", verbosity=0)
    existing = Practice.objects.filter(slug__startswith="bench-network-").count()
    if existing != PRACTICES:
        Practice.objects.filter(slug__startswith="bench-network-").delete()
        start = time.perf_counter()
        generate(PRACTICES)
        print(f"[{vendor}] generated {PRACTICES} practices x 3 languages in {time.perf_counter() - start:.1f} s")
    rng = random.Random(7)
    client = Client()
    single = ["network", "Arbeitsgruppe", "toplantı", "volontari", "frivillige", "housing", "Beratung", "sağlık"]
    # Every request a different query: single words and pairs, in all five languages.
    words = single + [f"{rng.choice(WORDS[lang])} {rng.choice(WORDS[lang])}" for lang in LANGUAGES for _ in range(11)]
    slugs = [f"bench-network-{rng.randrange(PRACTICES):05d}" for _ in range(REPEAT)]
    scenarios = {
        "list": [f"/en/compendium/?page={rng.randint(1, 50)}" for _ in range(REPEAT)],
        "search": [f"/en/compendium/?q={w}" for w in words],
        "filtered search": [f"/de/compendium/?q={w}&country=germany&target=volunteers&size=large" for w in words],
        "detail": [f"/tr/compendium/{slug}/" for slug in slugs],
        "api list": [f"/api/practices?q={w}&page_size=50" for w in words],
    }
    results = {name: measure(client, urls) for name, urls in scenarios.items()}
    # The cost a change of the compendium puts on the next request: rebuilding the facet index.
    rebuilds = []
    for _ in range(5):
        start = time.perf_counter()
        index.CompendiumIndex(version=None)
        rebuilds.append((time.perf_counter() - start) * 1000)
    results["facet index rebuild"] = {
        "median_ms": round(statistics.median(rebuilds), 1),
        "p95_ms": round(max(rebuilds), 1),
        "queries": 5,
    }
    # The network workspace.
    import workspace

    if workspace.ensure():
        print(f"[{vendor}] generated the workspace data set")
    from django.core.cache import cache

    client.force_login(User.objects.get(email="bench-coordinator@example.org"))
    cache.clear()
    start = time.perf_counter()
    client.get(f"/feeds/networks/{workspace.SLUG}.ics")
    feed_cold = (time.perf_counter() - start) * 1000
    for name, urls in workspace.scenarios(rng).items():
        results[name] = measure(client, urls)
    import plans as plan_bench  # the action plan and annual report of the same network

    plan_bench.ensure()
    for name, urls in plan_bench.scenarios().items():
        results[name] = measure(client, urls)
    results["public feed, after a change"] = {
        "median_ms": round(feed_cold, 1),
        "p95_ms": round(feed_cold, 1),
        "queries": 0,
    }
    import cooperation as cooperation_bench

    results.update(cooperation_bench.measure(client, workspace.SLUG))
    client.logout()
    # Query counts must not depend on how many practices a page shows.
    from django.test import override_settings

    with override_settings(ERASMI_PAGE_SIZE=60):
        results["list, 60 per page"] = measure(client, scenarios["list"][:10])
    import offers as offer_bench

    offer_results = offer_bench.measure()
    import surveys as survey_bench

    results.update(survey_bench.measure(client, REPEAT))
    client.logout()
    for name, urls in offer_bench.scenarios(rng).items():
        results[name] = measure(client, urls)
    print(f"\n{vendor}: {PRACTICES} practices, {REPEAT} requests per scenario")
    print(f"{'scenario':<22}{'median ms':>11}{'p95 ms':>9}{'queries':>9}")
    for name, r in results.items():
        print(f"{name:<22}{r['median_ms']:>11}{r['p95_ms']:>9}{r['queries']:>9}")
    offer_bench.report(vendor, offer_results)
    out = Path(__file__).parent / f"results-{vendor}.json"
    out.write_text(json.dumps({"practices": PRACTICES, "results": results, "offers": offer_results}, indent=2))


if __name__ == "__main__":
    main()
