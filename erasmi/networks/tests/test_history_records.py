"""Registrations, tasks, offers and minutes are noted in the network's history."""

from django.urls import reverse

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.events import services
from erasmi.events.models import Registration
from erasmi.networks.models import HistoryEntry, Membership, Person, Task, WorkingGroup
from erasmi.networks.tests.factories import make_event


def _entries(network):
    return [
        (e.action, e.object_type, e.object_repr, e.changes)
        for e in HistoryEntry.objects.filter(network=network).order_by("created", "pk")
    ]


def test_registering_cancelling_and_moving_up_are_in_the_history(client, coordinator, member, erfurt_network):
    event = make_event(erfurt_network, title="Kursplanung", capacity=1)
    services.register(event, Person.for_user(coordinator))
    waiting = services.register(event, Person.for_user(member))
    assert waiting.status == Registration.Status.WAITING
    services.cancel(Registration.objects.get(event=event, person__user=coordinator))
    assert _entries(erfurt_network) == [
        ("registered", "registration", "Kursplanung", {"status": "confirmed"}),
        ("registered", "registration", "Kursplanung", {"status": "waiting"}),
        ("cancelled", "registration", "Kursplanung", {}),
        ("moved_up", "registration", "Kursplanung", {}),
    ]
    client.force_login(coordinator)
    page = client.get(reverse("networks:history", args=["erfurt"])).text
    assert 'registered for “Kursplanung” <span class="meta">(Status: On the waiting list)' in page
    assert "member@example.org moved up from the waiting list for “Kursplanung”" in page


def test_tasks_added_and_done_are_in_the_history(client, member, erfurt_network):
    group = WorkingGroup.objects.get()
    client.force_login(member)  # the group's lead
    url = reverse("networks:group", args=["erfurt", "sprache"])
    client.post(url, {"title": "Kursliste schicken", "due": "2030-02-01"})
    task = Task.objects.get(working_group=group)
    client.post(url, {"done": str(task.pk)})
    client.post(url, {"done": str(task.pk)})  # a second click changes nothing
    assert [(a, k, r) for a, k, r, _c in _entries(erfurt_network)] == [
        ("created", "task", "Kursliste schicken"),
        ("done", "task", "Kursliste schicken"),
    ]


def test_minutes_saved_name_what_changed_not_the_text(client, coordinator, member, erfurt_network):
    event = make_event(erfurt_network, title="Netzwerktreffen", days=-3)
    client.force_login(coordinator)
    client.post(
        reverse("events:minutes", args=["erfurt", event.pk]),
        {"minutes": "<p>Lange geheime Diskussion</p>", "decisions": ""},
    )
    entry = HistoryEntry.objects.get(network=erfurt_network)
    assert (entry.object_type, entry.changes) == ("minutes", {"minutes": True})
    page = client.get(reverse("networks:history", args=["erfurt"])).text
    assert 'changed minutes “Netzwerktreffen” <span class="meta">(Minutes)</span>' in page
    assert "geheime" not in page


def test_offers_created_changed_and_confirmed_are_in_their_networks_history(client, erfurt_network):
    from model_bakery import baker

    from erasmi.offers.forms import OfferForm
    from erasmi.offers.models import Category, Offer

    caritas = Membership.objects.get(organisation__name="Caritas").organisation
    user = baker.make("accounts.User", email="ana@caritas.example")
    Person.objects.create(user=user, first_name="Ana", last_name="C", organisation=caritas)
    category = Category.objects.create(slug="beratung", names={"en": "Counselling", "de": "Beratung"})
    client.force_login(user)
    client.post(
        reverse("offers:create"),
        {"title": "Migrationsberatung", "category": category.pk, "online": "on", "still_current": "on"},
    )
    offer = Offer.objects.get()
    data = as_browser_sends(OfferForm(instance=offer))
    client.post(
        reverse("offers:edit", args=[offer.pk]),
        {**data, "city": "Erfurt", "day0": "1", "start0": "09:00", "end0": "12:00"},
    )
    data = as_browser_sends(OfferForm(instance=Offer.objects.get()))
    client.post(reverse("offers:edit", args=[offer.pk]), data)  # unchanged: nothing recorded
    client.post(reverse("offers:edit", args=[offer.pk]), {**data, "still_current": "on"})  # confirmed as current
    assert [(a, k, r, c) for a, k, r, c in _entries(erfurt_network)] == [
        ("created", "offer", "Migrationsberatung", {}),
        ("changed", "offer", "Migrationsberatung", {"city": "Erfurt", "schedule": True}),
        ("confirmed", "offer", "Migrationsberatung", {}),
    ]
