"""Demo cooperation in the demo network: declared partnerships, one waiting for the demo member's
organisation to confirm, and a past network meeting, so that the graph shows all its sources."""

import datetime

from django.db import transaction
from django.utils import timezone

from erasmi.cooperation.models import Partnership
from erasmi.events.models import Event, Registration
from erasmi.networks.models import Organisation, Person

CONFIRMED = [  # (organisation, partner, since, what they do together)
    ("Caritas Demostadt", "Türkischer Elternverein e.V.", datetime.date(2019, 3, 1), "Elterncafé"),
    ("Volkshochschule Demostadt", "Sprachschule Lingua", datetime.date(2016, 9, 1), "Abgestimmte Kursplanung"),
    ("Jobcenter Demostadt", "Handwerkskammer Demostadt", datetime.date(2018, 2, 1), "Ausbildungslotsen"),
    ("Flüchtlingshilfe Demostadt e.V.", "Patenschaften Demostadt", datetime.date(2015, 11, 1), "Patenschaften"),
]
PROPOSED = ("Stadtverwaltung Demostadt – Amt für Integration", "Afrikanisch-Deutscher Kulturverein e.V.")


@transaction.atomic
def load(network) -> int:
    """Idempotent: nothing is added to a network that has partnerships."""
    if network.partnerships.exists():
        return 0
    organisations = {o.name: o for o in Organisation.objects.filter(memberships__network=network)}
    for first, second, since, description in CONFIRMED:
        Partnership.objects.create(
            network=network,
            organisation=organisations[first],
            partner=organisations[second],
            since=since,
            description=description,
            state=Partnership.State.CONFIRMED,
        )
    Partnership.objects.create(
        network=network,
        organisation=organisations[PROPOSED[0]],
        partner=organisations[PROPOSED[1]],
        since=timezone.localdate(),
        description="Gemeinsamer Tag der offenen Tür",
    )
    starts = timezone.now() - datetime.timedelta(days=60)
    meeting = Event.objects.create(
        network=network,
        kind=Event.Kind.NETWORK_MEETING,
        formats=["network_cafe"],
        title="Netzwerkcafé im Frühjahr",
        starts=starts,
        ends=starts + datetime.timedelta(hours=3),
        place="Zentrum für Integration, Demostadt",
    )
    present = ["Stadtverwaltung", "Internationaler", "Afrikanisch-Deutscher", "Volkshochschule"]
    for person in Person.objects.filter(roles__network=network, organisation__isnull=False).select_related(
        "organisation"
    ):
        if any(person.organisation.name.startswith(name) for name in present):
            Registration.objects.get_or_create(
                event=meeting, person=person, defaults={"status": Registration.Status.CONFIRMED, "attended": True}
            )
    return network.partnerships.count()
