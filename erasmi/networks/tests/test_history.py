from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from erasmi.networks.models import HistoryEntry


def test_coordinators_see_who_changed_what_and_when(client, coordinator, member, erfurt_network):
    client.force_login(member)
    client.post(
        reverse("networks:documents", args=["erfurt"]),
        {"title": "Agreement", "kind": "agreement", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")},
    )
    client.force_login(coordinator)
    client.post(
        reverse("events:create", args=["erfurt"]),
        {
            "title": "Netzwerktreffen",
            "kind": "network_meeting",
            "starts": "2030-01-10T15:00",
            "ends": "2030-01-10T17:00",
            "place": "Rathaus",
            "visibility": "members",
        },
    )
    preview = client.post(
        reverse("networks:members_import", args=["erfurt"]),
        {"file": SimpleUploadedFile("m.csv", b"Organisation,Actor type\nNew NGO,NGO\n")},
    ).context["preview"]
    client.post(reverse("networks:members_import", args=["erfurt"]), {"confirm": "1", "preview": str(preview.pk)})
    entries = list(HistoryEntry.objects.filter(network=erfurt_network).order_by("created", "pk"))
    assert [(e.actor.email, e.action, e.object_type) for e in entries] == [
        ("member@example.org", "uploaded", "document"),
        ("coordinator@example.org", "created", "event"),
        ("coordinator@example.org", "imported", "membership"),
    ]
    page = client.get(reverse("networks:history", args=["erfurt"]))
    assert "member@example.org uploaded document “Agreement”" in page.text


def test_history_is_for_coordinators_only(client, member, other_member, erfurt_network):
    client.force_login(member)
    assert client.get(reverse("networks:history", args=["erfurt"])).status_code == 404
    client.force_login(other_member)
    assert client.get(reverse("networks:history", args=["erfurt"])).status_code == 404
