"""The start page after sign-in: my networks, meetings, registrations, tasks and what changed since my last visit."""

from django.urls import reverse
from django.utils import timezone

from erasmi.core.models import LastVisit
from erasmi.events import services
from erasmi.networks.models import HistoryEntry, Person, Task, WorkingGroup
from erasmi.networks.tests.factories import make_event, make_network


def _home(client):
    return client.get(reverse("core:home")).text


def test_a_member_sees_their_networks_meetings_waiting_place_and_open_tasks(
    client, coordinator, member, erfurt_network
):
    group = WorkingGroup.objects.get()
    Task.objects.create(working_group=group, title="Kursliste schicken")
    Task.objects.create(working_group=group, title="Schon erledigt", done=timezone.now())
    full = make_event(erfurt_network, title="Kursplanung", capacity=1, days=3)
    services.register(full, Person.for_user(coordinator))
    services.register(full, Person.for_user(member))
    make_event(erfurt_network, title="Netzwerktreffen", days=10)
    make_event(erfurt_network, title="Vorbei", days=-10)
    client.force_login(member)
    page = _home(client)
    assert "Network erfurt</a> – Member" in page
    assert "Kursplanung" in page and "on the waiting list, place 1" in page
    assert "Netzwerktreffen" in page and "Vorbei" not in page
    assert "Kursliste schicken" in page and "Schon erledigt" not in page


def test_visitors_see_no_overview(client, erfurt_network):
    page = _home(client)
    assert "Your overview" not in page and "Network erfurt" not in page


def test_what_changed_since_my_last_visit_shows_only_what_others_did_since(client, coordinator, member, erfurt_network):
    group = WorkingGroup.objects.get()
    HistoryEntry.record(erfurt_network, member, "created", group)
    client.force_login(coordinator)
    assert "created working group “Sprache”" in _home(client)  # first visit: the recent changes
    LastVisit.objects.filter(user=coordinator).update(seen=timezone.now())
    HistoryEntry.record(erfurt_network, member, "changed", group, {"topic": "Sprachkurse"})
    HistoryEntry.record(erfurt_network, coordinator, "changed", group, {"goals": "Mehr Kurse"})
    page = _home(client)
    assert "What changed since your last visit" in page
    assert "changed working group “Sprache”" in page
    assert "created working group" not in page  # seen last time
    assert "Mehr Kurse" not in page  # my own change
    assert "Nothing has changed." in _home(client)
    # The history is the coordinators': members see none of it on their start page.
    client.force_login(member)
    assert "What changed" not in _home(client) and "Sprachkurse" not in _home(client)


def test_coordinators_see_the_details_and_a_link_to_the_history(client, coordinator, member, erfurt_network):
    client.force_login(coordinator)
    _home(client)
    HistoryEntry.record(erfurt_network, member, "changed", WorkingGroup.objects.get(), {"topic": "Sprachkurse"})
    page = _home(client)
    assert "(Topic: Sprachkurse)" in page
    assert reverse("networks:history", args=["erfurt"]) in page


def test_the_start_page_makes_as_many_queries_for_many_networks_as_for_one(
    client, coordinator, member, erfurt_network, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(member)
    _home(client)
    # Session and user, then each section's fixed queries (networks, meetings, tasks, changes, measures due,
    # surveys to answer, partnership proposals, …): the number must not grow with the networks (below).
    with django_assert_max_num_queries(14) as one:
        _home(client)
    for n in range(3):
        network = make_network(f"more-{n}", coordinator, [member])
        group = WorkingGroup.objects.create(network=network, slug="g", name=f"G{n}", lead=Person.for_user(member))
        Task.objects.create(working_group=group, title=f"Task {n}")
        event = make_event(network, title=f"Treffen {n}", capacity=0)
        services.register(event, Person.for_user(member))
        HistoryEntry.record(network, coordinator, "created", group)
    with django_assert_num_queries(len(one.captured_queries)):
        page = _home(client)
    assert "Treffen 2" in page and "Task 2" in page and "G2" in page


def test_a_cancelled_meeting_i_registered_for_says_so_on_my_start_page(client, member, erfurt_network):
    from erasmi.events.models import Event

    event = make_event(erfurt_network, title="Treffen im Rathaus", capacity=5)
    services.register(event, Person.for_user(member))
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)
    client.force_login(member)
    page = _home(client)
    registered = page.split("Treffen im Rathaus")[1].split("</li>")[0]
    assert "The meeting was cancelled." in registered and "Registered" not in registered


def test_other_peoples_cancelled_meetings_do_not_crowd_out_the_next_ones(client, member, erfurt_network):
    from erasmi.events.models import Event

    for day in range(1, 6):
        make_event(erfurt_network, title=f"Abgesagt {day}", days=day)
    Event.objects.filter(title__startswith="Abgesagt").update(status=Event.Status.CANCELLED)
    make_event(erfurt_network, title="Sprachcafé", days=8)
    client.force_login(member)
    page = _home(client)
    assert "Sprachcafé" in page and "Abgesagt" not in page
    network_page = client.get(reverse("networks:detail", args=["erfurt"])).text
    assert "Sprachcafé" in network_page and "Abgesagt" not in network_page
