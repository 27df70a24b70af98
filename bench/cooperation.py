"""The cooperation part of the benchmark: the graph and measures of the workspace's network of 2,000
organisations (bench/workspace.py), with declared partnerships and joint meetings added.

Measured: the measures cold (after a change: graph built, networkx run), the layout cold, the graph
page warm (cached), the exports; and the number of queries of each.
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run on its own: set Django up first
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "erasmi.settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    import django

    django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from erasmi.cooperation import analysis, versions  # noqa: E402
from erasmi.cooperation.models import Partnership  # noqa: E402
from erasmi.events.models import Event, Registration  # noqa: E402
from erasmi.networks.models import Network, Person  # noqa: E402

PARTNERSHIPS, MEETINGS, PRESENT = 3000, 100, 25
SPARSE = "bench-cooperation"  # 2,000 organisations in small working groups: a density like a real network's


def ensure(network) -> bool:
    """Partnerships and past meetings with registrations, unless there; True if generated."""
    if network.partnerships.exists():
        return False
    rng = random.Random(13)
    organisations = list(network.memberships.values_list("organisation_id", flat=True))
    people = list(
        Person.objects.filter(roles__network=network, organisation__isnull=False).values_list("pk", flat=True)
    )
    with transaction.atomic():
        pairs = set()
        while len(pairs) < PARTNERSHIPS:
            a, b = rng.sample(organisations, 2)
            pairs.add((min(a, b), max(a, b)))
        Partnership.objects.bulk_create(
            [
                Partnership(
                    network=network,
                    organisation_id=a,
                    partner_id=b,
                    since=datetime.date(2015 + rng.randrange(10), 1 + rng.randrange(12), 1),
                    state=Partnership.State.CONFIRMED,
                )
                for a, b in sorted(pairs)
            ],
            batch_size=1000,
        )
        meetings = list(
            Event.objects.filter(network=network, working_group__isnull=True, starts__lt=timezone.now())[:MEETINGS]
        )
        Registration.objects.bulk_create(
            [
                Registration(event=meeting, person_id=person, status=Registration.Status.CONFIRMED)
                for meeting in meetings
                for person in rng.sample(people, PRESENT)
            ],
            batch_size=2000,
        )
    versions.bump([network.pk])
    return True


def ensure_sparse() -> bool:
    """A second network of 2,000 organisations: 4,000 partnerships and 200 working groups of 5 people."""
    from erasmi.accounts.models import User
    from erasmi.networks.models import Membership, Organisation, Role, WorkingGroup

    if Network.objects.filter(slug=SPARSE).exists():
        return False
    rng = random.Random(17)
    with transaction.atomic():
        network = Network.objects.create(slug=SPARSE, name="Bench cooperation")
        types = Organisation.ActorType.values
        organisations = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Partner {n:04d}",
                    actor_type=(t := rng.choice(types)),
                    sector="state" if t == "authority" else "non_state",
                )
                for n in range(2000)
            ]
        )
        Membership.objects.bulk_create(
            [
                Membership(network=network, organisation=o, joined=datetime.date(2000 + n % 25, 1, 1))
                for n, o in enumerate(organisations)
            ]
        )
        people = Person.objects.bulk_create(
            [
                Person(
                    first_name="P", last_name=str(n), organisation=organisations[n], feed_token=f"bench-sparse-{n:05d}"
                )
                for n in range(2000)
            ]
        )
        Role.objects.bulk_create([Role(network=network, person=p) for p in people])
        Role.objects.create(
            network=network,
            person=Person.for_user(User.objects.get(email="bench-coordinator@example.org")),
            kind="coordinator",
        )
        groups = WorkingGroup.objects.bulk_create(
            [WorkingGroup(network=network, slug=f"ag-{n}", name=f"Group {n}") for n in range(200)]
        )
        through = WorkingGroup.members.through
        through.objects.bulk_create(
            [through(workinggroup_id=g.pk, person_id=p.pk) for g in groups for p in rng.sample(people, 5)]
        )
        pairs = set()
        while len(pairs) < 4000:
            a, b = rng.sample(organisations, 2)
            pairs.add((min(a.pk, b.pk), max(a.pk, b.pk)))
        Partnership.objects.bulk_create(
            [Partnership(network=network, organisation_id=a, partner_id=b, state="confirmed") for a, b in sorted(pairs)]
        )
    return True


def _timed(function, repeat: int) -> dict:
    times, cpu, queries = [], [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            function()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        queries.append(len(captured.captured_queries))
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
        "queries": max(queries),
        "cpu_ms": round(statistics.median(cpu), 1),  # this process's CPU: what the figure is on an idle machine
    }


def measure(client, slug: str, repeat: int = 20) -> dict:
    """The figures of the workspace network (dense: 50 groups of 100 people) and of a sparse one."""
    network = Network.objects.get(slug=slug)
    if ensure(network):
        print(f"[{connection.vendor}] generated partnerships and joint meetings")
    if ensure_sparse():
        print(f"[{connection.vendor}] generated the sparse cooperation network")
    results = {}
    for name, network_slug in (("sparse", SPARSE), ("dense", slug)):
        for key, value in _measure(client, network_slug, repeat).items():
            results[f"cooperation {name}: {key}"] = value
    return results


def _measure(client, slug: str, repeat: int) -> dict:
    network = Network.objects.get(slug=slug)
    results = {}

    def cold_measures():
        versions.bump([network.pk])
        analysis.measures_for(network)

    results["measures, cold"] = _timed(cold_measures, 3)
    measures, version = analysis.measures_for(network)
    graph_size = f"{len(measures.nodes)} organisations, {len(measures.edges)} ties"

    def cold_layout():
        from django.core.cache import cache

        cache.delete(f"cooperation:layout:{network.pk}:{version}")
        analysis.layout_for(network, measures, version)

    results["layout, cold"] = _timed(cold_layout, 1)

    def page():
        response = client.get(f"/en/cooperation/{slug}/")
        assert response.status_code == 200, response.status_code

    results["page, first (measures cached)"] = _timed(page, 1)
    results["gexf, first"] = _timed(lambda: client.get(f"/en/cooperation/{slug}/cooperation.gexf"), 1)
    results["page, cached"] = _timed(page, repeat)
    graphml = f"/en/cooperation/{slug}/cooperation.graphml"
    results["graphml, first"] = _timed(lambda: client.get(graphml), 1)
    results["graphml, cached"] = _timed(lambda: client.get(graphml), 3)
    print(f"cooperation graph {slug}: {graph_size}")
    return results


def main() -> None:
    """Only this part: `python bench/cooperation.py` (DATABASE_URL names the database)."""
    import workspace
    from django.core.management import call_command
    from django.test import Client

    from erasmi.accounts.models import User

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if workspace.ensure():
        print(f"[{connection.vendor}] generated the workspace data set")
    client = Client()
    client.force_login(User.objects.get(email="bench-coordinator@example.org"))
    print(f"{'':<44}{'median ms':>11}{'p95 ms':>9}{'queries':>9}{'CPU ms':>9}")
    for name, r in measure(client, workspace.SLUG).items():
        print(f"{name:<44}{r['median_ms']:>11}{r['p95_ms'] or '':>9}{r['queries'] or '':>9}{r['cpu_ms']:>9}")


if __name__ == "__main__":
    main()
