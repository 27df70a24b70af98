"""The member list, a group's people and a calendar month are kept in the shared cache; every change a
coordinator or member makes through Erasmi's pages shows at once, and nobody sees what their rights hide."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from erasmi.core.tests.formdata import as_browser_sends
from erasmi.events.models import Event
from erasmi.networks.models import Person
from erasmi.networks.tests.factories import make_event


def members_page(client):
    return client.get(reverse("networks:members", args=["erfurt"])).text


def group_page(client):
    """The group's people (the task form below lists them too, and is not kept)."""
    page = client.get(reverse("networks:group", args=["erfurt", "sprache"])).text
    return page[page.index("<h2>People</h2>") : page.index("<h2>Next meetings</h2>")]


def test_the_member_list_shows_an_added_renamed_and_ended_membership_at_once(client, coordinator, erfurt_network):
    client.force_login(coordinator)
    assert "Caritas" in members_page(client)  # now kept

    client.post(
        reverse("networks:organisation_add", args=["erfurt"]),
        {"name": "Kulturverein Mosaik", "actor_type": "migrant_org", "joined": "2024-03-01"},
    )
    assert "Kulturverein Mosaik" in members_page(client)

    caritas = erfurt_network.memberships.get(organisation__name="Caritas")
    url = reverse("networks:organisation", args=["erfurt", caritas.pk])
    data = {**as_browser_sends(client.get(url).context["form"]), "name": "Caritasverband Erfurt"}
    assert client.post(url, data).status_code == 302
    assert "Caritasverband Erfurt" in members_page(client)

    url = reverse("networks:membership_end", args=["erfurt", caritas.pk])
    client.post(url, {"left": (timezone.localdate() - datetime.timedelta(days=1)).isoformat()}, follow=True)
    assert "Caritasverband Erfurt" not in members_page(client)  # (the page before said it ends)


def test_a_group_shows_a_new_member_a_new_name_and_an_erased_person_at_once(
    client, coordinator, member, other_member, erfurt_network
):
    newcomer = Person.for_user(other_member)
    newcomer.first_name, newcomer.last_name = "Ayşe", "Yılmaz"
    newcomer.save()
    erfurt_network.roles.create(person=newcomer)
    client.force_login(coordinator)
    assert "Yılmaz" not in group_page(client)  # now kept

    url = reverse("networks:group_edit", args=["erfurt", "sprache"])
    data = as_browser_sends(client.get(url).context["form"])
    members = data.get("members") or []
    data["members"] = [*(members if isinstance(members, list) else [members]), str(newcomer.pk)]
    assert client.post(url, data).status_code == 302
    assert "Ayşe Yılmaz" in group_page(client)

    client.force_login(other_member)  # the person renames themselves under "my account"
    client.post(reverse("accounts:me"), {"first_name": "Ayşe", "last_name": "Demir"})
    client.force_login(coordinator)
    assert "Ayşe Demir" in group_page(client) and "Yılmaz" not in group_page(client)

    lead = Person.for_user(member)
    assert str(lead) in group_page(client)
    client.post(reverse("networks:person_erase", args=["erfurt", lead.pk]))
    assert str(lead) not in group_page(client)


def test_a_calendar_month_shows_a_new_and_a_cancelled_meeting_at_once(client, coordinator, erfurt_network):
    start = timezone.now().replace(hour=10, minute=0) + datetime.timedelta(days=3)
    month = {"month": timezone.localtime(start).strftime("%Y-%m")}
    url = reverse("events:network_calendar", args=["erfurt"])
    client.force_login(coordinator)
    assert "Sprachcafé" not in client.get(url, month).text  # now kept

    event = make_event(erfurt_network, title="Sprachcafé", start=start)
    assert "Sprachcafé" in client.get(url, month).text

    client.post(reverse("events:cancel_event", args=["erfurt", event.pk]), {"confirm": "1"})
    assert Event.objects.get(pk=event.pk).is_cancelled
    assert "<s>Sprachcafé</s>" in client.get(url, month).text


@pytest.mark.parametrize("visitor", ["outsider", "anonymous"])
def test_a_month_kept_for_members_is_never_shown_to_someone_who_may_not_see_it(
    client, member, other_member, erfurt_network, visitor
):
    start = timezone.now() + datetime.timedelta(days=3)
    make_event(erfurt_network, title="Internal planning", start=start, visibility=Event.Visibility.MEMBERS)
    make_event(erfurt_network, title="Open day", start=start, visibility=Event.Visibility.PUBLIC)
    month = {"month": timezone.localtime(start).strftime("%Y-%m")}
    url = reverse("events:network_calendar", args=["erfurt"])
    client.force_login(member)
    assert "Internal planning" in client.get(url, month).text  # kept for members

    client.logout()
    if visitor == "outsider":
        client.force_login(other_member)  # a member of another network
    page = client.get(url, month).text
    assert "Open day" in page and "Internal planning" not in page


def test_a_kept_member_list_costs_a_fixed_number_of_queries(
    client, coordinator, erfurt_network, django_assert_max_num_queries
):
    client.force_login(coordinator)
    members_page(client)
    with django_assert_max_num_queries(7):  # session, user, network, rights (2), versions, and nothing per row
        assert "Caritas" in members_page(client)
    group_page(client)
    with django_assert_max_num_queries(13):
        group_page(client)


def test_a_stray_parameter_neither_changes_the_member_list_nor_keeps_another_copy(client, coordinator, erfurt_network):
    from django.core.cache import cache

    client.force_login(coordinator)
    url = reverse("networks:members", args=["erfurt"])
    client.get(url, {"type": "authority"})
    kept = len(cache._cache)
    page = client.get(url, {"type": "authority", "x": "1", "page": "abc"}).text
    assert len(cache._cache) == kept  # served from the same kept part
    assert "Stadt Erfurt" in page and "Caritas" not in page
    assert 'members.xlsx?type=authority"' in page  # the download link names only what the list depends on


def test_a_groups_kept_meetings_documents_and_tasks_show_every_change_at_once(client, coordinator, erfurt_network):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from erasmi.networks.models import Document, Task

    group = erfurt_network.working_groups.get(slug="sprache")
    url = reverse("networks:group", args=["erfurt", "sprache"])
    client.force_login(coordinator)
    assert "No open tasks." in client.get(url).text  # now kept

    client.post(url, {**as_browser_sends(client.get(url).context["task_form"]), "title": "Flyer drucken"})
    assert "Flyer drucken" in client.get(url).text
    task = Task.objects.get(title="Flyer drucken")
    page = client.get(url).text
    assert f'form="task-done" name="done" value="{task.pk}"' in page and 'id="task-done"' in page
    client.post(url, {"done": task.pk})  # the button sends the form outside the kept part
    assert "Flyer drucken" not in client.get(url).text

    client.post(
        reverse("networks:documents", args=["erfurt"]),
        {
            "title": "Protokoll Juni",
            "kind": "minutes",
            "working_group": group.pk,
            "file": SimpleUploadedFile("p.pdf", b"%PDF-1.4\n"),
        },
    )
    assert "Protokoll Juni" in client.get(url).text
    Document.objects.filter(title="Protokoll Juni").get().delete()
    assert "Protokoll Juni" not in client.get(url).text

    meeting = make_event(erfurt_network, title="Lesekreis", group=group, days=2)
    assert "Lesekreis" in client.get(url).text
    meeting.delete()
    assert "Lesekreis" not in client.get(url).text


def test_a_meeting_that_ended_leaves_the_kept_next_meetings_within_a_minute(client, member, erfurt_network):
    group = erfurt_network.working_groups.get(slug="sprache")
    soon = timezone.now() + datetime.timedelta(minutes=1)
    make_event(erfurt_network, title="Kurzes Treffen", group=group, start=soon - datetime.timedelta(hours=1), hours=1)
    url = reverse("networks:group", args=["erfurt", "sprache"])
    client.force_login(member)
    assert "Kurzes Treffen" in client.get(url).text  # kept; it ends in a minute
    later = timezone.now() + datetime.timedelta(minutes=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Kurzes Treffen" not in client.get(url).text


def test_a_refused_task_keeps_what_was_typed_and_the_kept_page_keeps_its_form(
    client, coordinator, erfurt_network, django_assert_max_num_queries
):
    url = reverse("networks:group", args=["erfurt", "sprache"])
    client.force_login(coordinator)
    client.get(url)
    with django_assert_max_num_queries(6):  # session, account, group with network, role, versions, kept part
        page = client.get(url).text
    assert page.count('form="new-task"') == 4 and 'id="new-task"' in page  # title, assignee, due, the button
    refused = client.post(url, {"title": "Liste", "due": "kein Datum"})
    assert refused.status_code == 400 and 'value="Liste"' in refused.text and "Enter a valid date." in refused.text
    again = client.get(url).text
    assert 'value="Liste"' not in again and again.count('form="new-task"') == 4
