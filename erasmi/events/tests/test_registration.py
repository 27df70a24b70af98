import pytest
from django.urls import reverse

from erasmi.core.tests.parallel import at_once
from erasmi.events import services
from erasmi.events.models import Registration
from erasmi.networks.models import Person
from erasmi.networks.tests.factories import make_event

CONFIRMED, WAITING, CANCELLED = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITING,
    Registration.Status.CANCELLED,
)


def people(n):
    return [Person.objects.create(first_name=f"P{i}", last_name="Test") for i in range(n)]


def test_places_then_waiting_list_then_moving_up(db, erfurt_network):
    event = make_event(erfurt_network, capacity=2)
    a, b, c, d = people(4)
    assert [services.register(event, p).status for p in (a, b, c, d)] == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    moved = services.cancel(Registration.objects.get(event=event, person=b))
    assert moved.person == c
    statuses = dict(Registration.objects.filter(event=event).values_list("person__first_name", "status"))
    assert statuses == {"P0": CONFIRMED, "P1": CANCELLED, "P2": CONFIRMED, "P3": WAITING}


def test_cancelling_from_the_waiting_list_moves_nobody(db, erfurt_network):
    event = make_event(erfurt_network, capacity=1)
    a, b = people(2)
    services.register(event, a)
    assert services.cancel(services.register(event, b)) is None
    assert Registration.objects.get(person=a).status == CONFIRMED


def test_cancelling_and_registering_again_queues_behind_those_already_waiting(db, erfurt_network):
    event = make_event(erfurt_network, capacity=1)
    holder, a, b = people(3)
    services.register(event, holder)
    services.register(event, a)
    services.register(event, b)
    services.cancel(Registration.objects.get(event=event, person=a))
    assert services.register(event, a).status == WAITING
    moved = services.cancel(Registration.objects.get(event=event, person=holder))
    assert moved.person == b
    assert Registration.objects.get(event=event, person=a).status == WAITING


def test_registering_twice_keeps_one_registration(db, erfurt_network):
    event = make_event(erfurt_network, capacity=5)
    (a,) = people(1)
    services.register(event, a)
    services.register(event, a)
    assert Registration.objects.filter(event=event).count() == 1


def test_past_events_take_no_registrations(db, erfurt_network):
    event = make_event(erfurt_network, days=-3)
    with pytest.raises(services.RegistrationError):
        services.register(event, people(1)[0])


@pytest.mark.django_db(transaction=True)
def test_fifty_at_once_for_ten_places_gives_ten_and_forty_waiting(erfurt_network):
    event = make_event(erfurt_network, capacity=10)
    everyone = people(50)
    at_once(lambda person=person: services.register(event, person) for person in everyone)
    assert event.registrations.filter(status=CONFIRMED).count() == 10
    assert event.registrations.filter(status=WAITING).count() == 40


def test_member_registers_and_cancels_through_the_pages(client, member, other_member, erfurt_network):
    event = make_event(erfurt_network, capacity=1)
    client.force_login(other_member)  # not in the network: members-only event is hidden
    assert client.post(reverse("events:register", args=["erfurt", event.pk])).status_code == 404
    client.force_login(member)
    client.post(reverse("events:register", args=["erfurt", event.pk]))
    page = client.get(reverse("events:detail", args=["erfurt", event.pk]))
    assert "Registered" in page.text
    client.post(reverse("events:cancel", args=["erfurt", event.pk]))
    assert Registration.objects.get(event=event).status == CANCELLED
