"""The annual report of the benchmark network (2,000 organisations, 20,000 events: bench/workspace.py)
with an action plan of 10 goals, 100 measures and 200 indicators with 12 values each; goal: < 1 s.

Run by bench/measure.py; alone: `DATABASE_URL=... python bench/plans.py` (generates what is missing).
"""

import datetime
import random
from decimal import Decimal

YEAR = 2025
GOALS, MEASURES_PER_GOAL, INDICATORS_PER_MEASURE, VALUES = 10, 10, 2, 12


def ensure() -> bool:
    """The plan of YEAR and YEAR - 1 for the workspace's network (made once); True if made now."""
    import workspace
    from django.db import transaction

    from erasmi.networks.models import HistoryEntry, Network, Organisation
    from erasmi.plans.models import AnnualReport, Indicator, IndicatorValue, Measure, Plan

    workspace.ensure()
    network = Network.objects.get(slug=workspace.SLUG)
    if network.plans.exists():
        return False
    rng = random.Random(12)
    organisations = list(Organisation.objects.filter(memberships__network=network).values_list("pk", flat=True))
    groups = list(network.working_groups.values_list("pk", flat=True))
    with transaction.atomic():
        for year in (YEAR - 1, YEAR):
            plan = Plan.objects.create(
                network=network,
                title=f"Action plan {year}",
                starts=datetime.date(year, 1, 1),
                ends=datetime.date(year, 12, 31),
            )
            for g in range(GOALS):
                goal = plan.goals.create(title=f"Goal {g}", position=g)
                for m in range(MEASURES_PER_GOAL):
                    measure = Measure.objects.create(
                        goal=goal,
                        title=f"Measure {g}.{m}",
                        lead_id=rng.choice(organisations),
                        working_group_id=rng.choice(groups),
                        deadline=datetime.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28)),
                        status=rng.choice(Measure.Status.values),
                        progress=rng.randrange(101),
                    )
                    measure.partners.set(rng.sample(organisations, 3))
                    for i in range(INDICATORS_PER_MEASURE):
                        indicator = Indicator.objects.create(
                            plan=plan, measure=measure, name=f"Indicator {g}.{m}.{i}", baseline=10, target=100
                        )
                        IndicatorValue.objects.bulk_create(
                            IndicatorValue(
                                indicator=indicator, value=Decimal(10 + 8 * n), date=datetime.date(year, n + 1, 15)
                            )
                            for n in range(VALUES)
                        )
        report = AnnualReport.objects.create(network=network, year=YEAR, narratives={"introduction": "Bench"})
        report.targets.create(name="Members", target=2100)
        HistoryEntry.objects.bulk_create(
            HistoryEntry(
                network=network,
                action=rng.choice(["created", "confirmed"]),
                object_type="offer",
                object_id=str(n),
                object_repr=f"Offer {n}",
                created=datetime.datetime(YEAR - 1 + n % 2, 1 + n % 12, 1, tzinfo=datetime.UTC),
            )
            for n in range(2000)
        )
    return True


def scenarios() -> dict[str, list[str]]:
    import workspace

    from erasmi.plans.models import Plan

    base = f"/en/networks/{workspace.SLUG}"
    plan = Plan.objects.get(network__slug=workspace.SLUG, starts__year=YEAR)
    return {
        "annual report page": [f"{base}/report/{YEAR}/", f"{base}/report/{YEAR}/?language=de"],
        "action plan outline": [f"{base}/plans/{plan.pk}/"],
        "action plan timeline": [f"{base}/plans/{plan.pk}/timeline/"],
    }


if __name__ == "__main__":
    import sys
    from pathlib import Path

    sys.argv = sys.argv[:1]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import measure as bench  # sets Django up
    from django.core.management import call_command
    from django.test import Client

    from erasmi.accounts.models import User

    call_command("migrate", verbosity=0)
    ensure()
    client = Client()
    client.force_login(User.objects.get(email="bench-coordinator@example.org"))
    for name, urls in scenarios().items():
        result = bench.measure(client, urls)
        print(f"{name:<24}{result['median_ms']:>9} ms median{result['p95_ms']:>9} ms p95{result['queries']:>5} queries")
