"""The workspace part of the benchmark: one network with 2,000 organisations, 5,000 people,
50 working groups and 20,000 events (measured by bench/measure.py)."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from erasmi.accounts.models import User
from erasmi.core.models import ContentVersion
from erasmi.events.models import Event
from erasmi.networks.models import Membership, Network, Organisation, Person, Role, WorkingGroup

SLUG = "bench"
ORGANISATIONS, PEOPLE, GROUPS, EVENTS = 2000, 5000, 50, 20000


def generate() -> None:
    rng = random.Random(3)
    with transaction.atomic():
        network = Network.objects.create(slug=SLUG, name="Bench network", city="Benchstadt")
        types = Organisation.ActorType.values
        organisations = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Organisation {n:04d}",
                    actor_type=(t := rng.choice(types)),
                    sector="state" if t == "authority" else "non_state",
                    city=f"City {n % 40}",
                    languages=rng.sample(["de", "en", "tr", "ar", "uk", "ru", "fa"], 2),
                )
                for n in range(ORGANISATIONS)
            ],
            batch_size=1000,
        )
        Membership.objects.bulk_create(
            [
                Membership(network=network, organisation=o, joined=datetime.date(2000 + n % 25, 1 + n % 12, 1))
                for n, o in enumerate(organisations)
            ],
            batch_size=1000,
        )
        people = Person.objects.bulk_create(
            [
                Person(
                    first_name=f"First{n}",
                    last_name=f"Last{n:05d}",
                    organisation=organisations[n % ORGANISATIONS],
                    feed_token=f"bench-token-{n:05d}-xxxxxxxxxxxxxxxx",
                )
                for n in range(PEOPLE)
            ],
            batch_size=1000,
        )
        user = User.objects.create_user("bench-coordinator@example.org", "bench-password-123")
        coordinator = Person.for_user(user)
        Role.objects.create(network=network, person=coordinator, kind=Role.Kind.COORDINATOR)
        Role.objects.bulk_create([Role(network=network, person=p) for p in people], batch_size=1000)
        groups = WorkingGroup.objects.bulk_create(
            [
                WorkingGroup(network=network, slug=f"ag-{n}", name=f"Working group {n}", lead=people[n])
                for n in range(GROUPS)
            ]
        )
        through = WorkingGroup.members.through
        through.objects.bulk_create(
            [
                through(workinggroup_id=g.pk, person_id=people[(n * 97 + k) % PEOPLE].pk)
                for n, g in enumerate(groups)
                for k in range(100)
            ],
            batch_size=5000,
        )
        start = timezone.make_aware(datetime.datetime(2020, 1, 1, 9, 0))
        events = []
        for n in range(EVENTS):
            starts = start + datetime.timedelta(hours=rng.randrange(0, 10 * 365 * 24))
            group = groups[n % GROUPS] if n % 5 else None
            events.append(
                Event(
                    network=network,
                    working_group=group,
                    kind="group_meeting" if group else "network_meeting",
                    title=f"Meeting {n}",
                    starts=starts,
                    ends=starts + datetime.timedelta(hours=2),
                    place="Town hall",
                    visibility="public" if n % 3 == 0 else "members",
                    capacity=30,
                )
            )
        Event.objects.bulk_create(events, batch_size=2000)
        ContentVersion.bump(f"events:{network.pk}")


def scenarios(rng) -> dict[str, list[str]]:
    months = [f"{y}-{m:02d}" for y in range(2020, 2030) for m in range(1, 13)]
    return {
        "member list (100/page)": [f"/en/networks/{SLUG}/members/?page={rng.randint(1, 20)}" for _ in range(60)],
        "calendar month": [f"/en/networks/{SLUG}/calendar/?month={rng.choice(months)}" for _ in range(60)],
        "working-group page": [f"/en/networks/{SLUG}/groups/ag-{rng.randrange(GROUPS)}/" for _ in range(60)],
        "public feed": [f"/feeds/networks/{SLUG}.ics"],
        "personal feed": [
            f"/feeds/personal/bench-token-{rng.randrange(PEOPLE):05d}-xxxxxxxxxxxxxxxx.ics" for _ in range(5)
        ],
    }


def ensure() -> bool:
    """Generate the data set unless it is there; True if it was generated."""
    if Network.objects.filter(slug=SLUG).exists():
        return False
    generate()
    return True
