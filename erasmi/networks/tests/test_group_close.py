"""Closing and reopening a working group; planning a meeting from its page."""

from django.urls import reverse
from model_bakery import baker

from erasmi.events.models import Event
from erasmi.networks.models import HistoryEntry, Person, Task, WorkingGroup
from erasmi.networks.tests.factories import make_event, make_network


def test_closing_a_group_asks_first_keeps_its_history_and_takes_no_new_meetings_or_tasks(
    client, coordinator, erfurt_network
):
    group = erfurt_network.working_groups.get()
    make_event(erfurt_network, title="AG Sprache im Mai", group=group)
    Task.objects.create(working_group=group, title="Kursplan verschicken")
    client.force_login(coordinator)
    close = reverse("networks:group_close", args=["erfurt", "sprache"])
    assert "1 upcoming meeting; it is not cancelled" in client.get(close).text
    assert not WorkingGroup.objects.get().is_closed  # asking changes nothing
    client.post(close)
    client.post(close)  # a second click changes nothing more
    group.refresh_from_db()
    assert group.is_closed
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.CLOSED).count() == 1
    page = client.get(group.get_absolute_url()).text
    assert "This working group was closed on" in page
    assert "AG Sprache im Mai" in page and "Kursplan verschicken" in page  # history kept
    assert "Plan a meeting" not in page and "Add task" not in page
    response = client.post(group.get_absolute_url(), {"title": "Neue Aufgabe"}, follow=True)
    assert "The working group is closed; reopen it to add tasks." in response.text
    assert not Task.objects.filter(title="Neue Aufgabe").exists()
    form = client.get(reverse("events:create", args=["erfurt"]), {"group": "sprache"}).context["form"]
    assert group not in form.fields["working_group"].queryset
    assert "(closed)" in client.get(erfurt_network.get_absolute_url()).text


def test_a_closed_group_is_reopened_with_one_click(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    client.post(reverse("networks:group_close", args=["erfurt", "sprache"]))
    client.post(reverse("networks:group_reopen", args=["erfurt", "sprache"]))
    assert not WorkingGroup.objects.get().is_closed
    assert HistoryEntry.objects.filter(action=HistoryEntry.Action.REOPENED).count() == 1


def test_only_who_runs_the_group_closes_it(client, erfurt_network, other_member):
    plain = baker.make("accounts.User", email="plain@example.org")
    from erasmi.networks.models import Role

    Role.objects.create(network=erfurt_network, person=Person.for_user(plain))
    client.force_login(plain)
    assert client.post(reverse("networks:group_close", args=["erfurt", "sprache"])).status_code == 403
    stranger = baker.make("accounts.User", email="halle@example.org")
    make_network("halle", stranger)
    client.force_login(stranger)
    assert client.post(reverse("networks:group_close", args=["erfurt", "sprache"])).status_code == 404
    assert not WorkingGroup.objects.get().is_closed


def test_the_lead_plans_a_meeting_from_the_group_page_with_the_group_chosen(client, member, erfurt_network):
    client.force_login(member)  # leads "Sprache", coordinates nothing
    page = client.get(reverse("networks:group", args=["erfurt", "sprache"])).text
    link = reverse("events:create", args=["erfurt"]) + "?group=sprache"
    assert f'href="{link}"' in page
    form = client.get(link)
    assert form.status_code == 200
    group = erfurt_network.working_groups.get()
    assert form.context["form"]["working_group"].value() == group.pk
    assert form.context["form"]["kind"].value() == Event.Kind.GROUP_MEETING
    data = {
        "title": "AG-Treffen",
        "kind": "group_meeting",
        "working_group": group.pk,
        "starts": "2030-03-10T15:00",
        "ends": "2030-03-10T17:00",
        "place": "VHS",
        "visibility": "members",
        "once": form.context["form"]["once"].value(),
    }
    assert client.post(link, data).status_code == 302
    assert Event.objects.get().working_group == group
    # The lead plans for the group only, never for the whole network.
    assert client.post(link, {**data, "working_group": "", "once": "x"}).status_code == 200
    assert Event.objects.count() == 1


def test_a_member_who_runs_no_group_cannot_plan_meetings(client, erfurt_network):
    from erasmi.networks.models import Role

    plain = baker.make("accounts.User", email="plain@example.org")
    Role.objects.create(network=erfurt_network, person=Person.for_user(plain))
    client.force_login(plain)
    assert client.get(reverse("events:create", args=["erfurt"]), {"group": "sprache"}).status_code == 404
