"""A coordinator calls a meeting off and names the network's districts, only through Erasmi's pages."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import make_user, sign_in


def _network():
    from erasmi.events.models import Event
    from erasmi.events.services import register
    from erasmi.networks.models import Membership, Network, Organisation, Person, Role
    from erasmi.offers import demo

    network = Network.objects.create(slug="erfurt", name="Netzwerk für Integration Erfurt", city="Erfurt")
    coordinator = make_user("coordinator@example.org")
    Role.objects.create(network=network, person=Person.for_user(coordinator), kind=Role.Kind.COORDINATOR)
    anna = make_user("anna@example.org")
    anna.language = "de"
    anna.save()
    Role.objects.create(network=network, person=Person.for_user(anna), kind=Role.Kind.MEMBER)
    for n in range(3):
        Membership.objects.create(
            network=network, organisation=Organisation.objects.create(name=f"Träger {n}", actor_type="ngo")
        )
    demo.load(network)
    starts = timezone.now() + datetime.timedelta(days=10)
    event = Event.objects.create(
        network=network,
        title="Netzwerktreffen im Frühjahr",
        starts=starts,
        ends=starts + datetime.timedelta(hours=2),
        place="Rathaus",
    )
    register(event, Person.for_user(anna))
    return event


def test_a_coordinator_cancels_a_meeting_and_reads_the_gap_report_by_district(page, transactional_db, mailoutbox):
    from erasmi.compendium import vocabulary
    from erasmi.compendium.models import Term
    from erasmi.offers import vocabulary as offer_vocabulary
    from erasmi.offers.models import Category, TargetGroup

    vocabulary.load(Term)  # transactional tests start without the migrations' data
    offer_vocabulary.load(Category, TargetGroup)
    event = _network()
    sign_in(page, "coordinator@example.org")

    # The meeting: the coordinator is asked first, then it is cancelled and Anna is told.
    page.goto(f"/en/networks/erfurt/events/{event.pk}/")
    page.get_by_role("link", name="Cancel the meeting").click()
    expect(page.get_by_text("1 person registered or on the waiting list is told by mail")).to_be_visible()
    page.get_by_role("button", name="Cancel the meeting").click()
    expect(page.get_by_text("The meeting was cancelled; 1 person was told by mail.")).to_be_visible()
    expect(page.locator("#cancelled")).to_contain_text("This meeting was cancelled on")
    from erasmi.notifications.services import deliver_due

    deliver_due()  # what the worker does
    assert "Abgesagt: Netzwerktreffen im Frühjahr" in [m.subject for m in mailoutbox]
    page.goto(f"/en/networks/erfurt/calendar/?month={event.starts:%Y-%m}")
    expect(page.locator(".event-chip.cancelled")).to_contain_text("Netzwerktreffen im Frühjahr")

    # The districts: from the report to the districts page and back.
    page.goto("/en/networks/erfurt/")
    page.get_by_role("link", name="Coordination report").click()
    page.get_by_role("link", name="Districts of the network").click()
    page.get_by_label("Name *").fill("Erfurt Innenstadt")
    page.get_by_label("Postcodes *").fill("99084, 99085\n99086")
    page.get_by_role("button", name="Add district").click()
    expect(page.get_by_text("The district “Erfurt Innenstadt” was added.")).to_be_visible()
    page.get_by_role("link", name="Coordination report").click()
    expect(page.get_by_role("columnheader", name="Erfurt Innenstadt")).to_be_visible()
    expect(page.get_by_text("The areas are the network's districts.")).to_be_visible()
