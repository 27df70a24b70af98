import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from erasmi.networks.models import Document, Person, Task
from erasmi.networks.tests.factories import make_event


def test_group_page_shows_meetings_documents_and_open_tasks(client, member, erfurt_network):
    group = erfurt_network.working_groups.get()
    make_event(erfurt_network, title="AG Sprache im Mai", group=group)
    Document.objects.create(network=erfurt_network, working_group=group, title="Kursliste")
    Task.objects.create(working_group=group, title="Kursplan verschicken", due=datetime.date(2030, 5, 1))
    Task.objects.create(working_group=group, title="Erledigt", done=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC))
    client.force_login(member)
    page = client.get(reverse("networks:group", args=["erfurt", "sprache"]))
    assert "AG Sprache im Mai" in page.text
    assert "Kursliste" in page.text
    assert "Kursplan verschicken" in page.text
    assert "Erledigt" not in page.text


def test_the_lead_adds_a_task_and_marks_it_done(client, member, erfurt_network):
    group = erfurt_network.working_groups.get()  # the member leads it
    client.force_login(member)
    url = reverse("networks:group", args=["erfurt", "sprache"])
    client.post(url, {"title": "Raum buchen", "assignee": Person.for_user(member).pk, "due": "2030-02-01"})
    task = group.tasks.get()
    assert task.assignee.user == member
    client.post(url, {"done": task.pk})
    task.refresh_from_db()
    assert task.done is not None


def test_other_members_cannot_change_tasks(client, coordinator, other_member, erfurt_network):
    from erasmi.networks.models import Role

    plain = Person.objects.create(first_name="Plain", last_name="Member")
    Role.objects.create(network=erfurt_network, person=plain)
    from model_bakery import baker

    user = baker.make("accounts.User", email="plain@example.org")
    plain.user = user
    plain.save()
    client.force_login(user)
    url = reverse("networks:group", args=["erfurt", "sprache"])
    assert client.post(url, {"title": "Sneaky"}).status_code == 403
    client.force_login(other_member)
    assert client.post(url, {"title": "Sneaky"}).status_code == 404
    assert not Task.objects.exists()


def test_documents_can_be_attached_to_a_meeting(client, coordinator, erfurt_network):
    event = make_event(erfurt_network, title="Netzwerktreffen")
    client.force_login(coordinator)
    client.post(
        reverse("networks:documents", args=["erfurt"]),
        {
            "title": "Präsentation",
            "kind": "presentation",
            "event": event.pk,
            "file": SimpleUploadedFile("folien.pdf", b"%PDF-1.4"),
        },
    )
    document = Document.objects.get()
    assert document.event == event
    assert "Präsentation" in client.get(reverse("events:detail", args=["erfurt", event.pk])).text


def test_tasks_are_assigned_among_the_groups_people_not_the_whole_network(client, coordinator, erfurt_network):
    from erasmi.networks.models import Role

    group = erfurt_network.working_groups.get()
    for n in range(30):
        Role.objects.create(network=erfurt_network, person=Person.objects.create(first_name=f"P{n}", last_name="X"))
    inside = Person.objects.create(first_name="In", last_name="Group")
    group.members.add(inside)
    client.force_login(coordinator)
    form = client.get(reverse("networks:group", args=["erfurt", "sprache"])).context["task_form"]
    offered = [label for pk, label in form.fields["assignee"].choices if pk]
    assert sorted(offered) == sorted([str(inside), str(group.lead)])
    outsider = Person.objects.get(first_name="P1")
    url = reverse("networks:group", args=["erfurt", "sprache"])
    refused = client.post(url, {"title": "Nicht für alle", "assignee": outsider.pk})
    assert refused.status_code == 400 and not group.tasks.exists()


def test_marking_a_task_done_says_so_in_the_pages_language(client, member, erfurt_network):
    from django.utils import translation

    group = erfurt_network.working_groups.get()  # the member leads it
    client.force_login(member)
    said_in = {"de": "Die Aufgabe wurde als erledigt markiert.", "it": "Il compito è stato segnato come fatto."}
    for language, said in said_in.items():
        task = Task.objects.create(working_group=group, title="Raum buchen")
        with translation.override(language):
            url = reverse("networks:group", args=["erfurt", "sprache"])
        page = client.post(url, {"done": task.pk}, follow=True)
        assert said in page.text
        # a second click (the task is done already) changes nothing and says nothing more
        page = client.post(url, {"done": task.pk}, follow=True)
        assert said not in page.text
